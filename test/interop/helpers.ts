/** Shared pieces of the interop tests: an in-process broker and the external clients they drive. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, startBroker, type BrokerOptions, type RunningBroker } from '@rill/broker';

export const PYTHON = '/usr/bin/python3';

/** Throws (so the test fails, never skips) when kcat is not installed. */
export function requireKcat(): void {
  const r = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error('kcat is required for the interop tests: apt-get install -y kcat (.ci/run does this)');
  }
}

/** Throws when /usr/bin/python3 lacks one of `modules`. */
export function requirePython(modules: readonly string[]): void {
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      `${PYTHON} with ${modules.join(', ')} is required: apt-get install -y python3-kafka python3-confluent-kafka (${r.stderr ?? r.error?.message})`,
    );
  }
}

export interface TestBroker {
  readonly broker: RunningBroker;
  readonly bootstrap: string;
  stop(): Promise<void>;
}

/** A broker on a free port in a fresh directory (removed by `stop`). */
export async function startTestBroker(options: Partial<BrokerOptions> = {}): Promise<TestBroker> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rill-interop-'));
  const config = {
    'offsets.topic.num.partitions': 3,
    'group.initial.rebalance.delay.ms': 0,
    ...options.config,
  };
  const broker = await startBroker({ port: 0, logger: silentLogger, ...options, config, dataDir });
  return {
    broker,
    bootstrap: `127.0.0.1:${broker.port}`,
    stop: async () => {
      await broker.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command with optional stdin, killing it after `timeoutMs`. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { input?: string | Buffer; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** `n` distinct lines `prefix-000000` ... */
export function numberedLines(prefix: string, n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = `${prefix}-${String(i).padStart(6, '0')}`;
  return out;
}
