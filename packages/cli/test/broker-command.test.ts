import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/rill.mjs', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function rill(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function listening(run: Run, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = /^rill broker listening on ([^\s]+):(\d+)$/m.exec(run.stdout());
    if (m) return Number(m[2]);
    if (Date.now() > deadline) throw new Error(`no listening line; stderr: ${run.stderr()}`);
    await Promise.race([run.exited, new Promise((r) => setTimeout(r, 50))]);
  }
}

const quiet = { logLevel: logLevel.NOTHING };

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rill-cli-'));
  dirs.push(d);
  return d;
}

describe('rill broker', () => {
  it('serves until SIGTERM, shuts down cleanly and keeps data across restarts', async () => {
    const data = tempDir();
    const props = join(tempDir(), 'server.properties');
    // Every setting the issue names, as a server.properties would give them.
    writeFileSync(
      props,
      [
        '# test',
        'num.partitions=2',
        'default.replication.factor=1',
        'auto.create.topics.enable=false',
        'advertised.listeners=PLAINTEXT://127.0.0.1:0',
        'group.initial.rebalance.delay.ms=0',
        'offsets.topic.num.partitions=2',
        'transaction.max.timeout.ms=60000',
        'log.retention.ms=604800000',
        'log.segment.bytes=1048576',
        'message.max.bytes=2000000',
        'listeners=PLAINTEXT://:9092',
        '',
      ].join('\n'),
    );
    const first = rill([
      'broker',
      '--data',
      data,
      '--port',
      '0',
      '--config-file',
      props,
      '--config',
      'auto.create.topics.enable=true',
    ]);
    const port = await listening(first);
    expect(first.stderr()).toContain('WARN listeners:');
    const kafka = new Kafka({ brokers: [`127.0.0.1:${port}`], ...quiet });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: 'cli-topic',
      messages: [
        { key: 'a', value: 'one' },
        { key: 'b', value: 'two' },
      ],
    });
    await producer.disconnect();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toContain('broker stopped');

    const second = rill(['broker', '--data', data, '--port', '0']);
    const port2 = await listening(second);
    const admin = new Kafka({ brokers: [`127.0.0.1:${port2}`], ...quiet }).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('cli-topic');
    await admin.disconnect();
    expect(offsets).toHaveLength(2);
    expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(2);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('rejects unknown settings with a clear error and exit code 2', async () => {
    const data = tempDir();
    const run = rill(['broker', '--data', data, '--port', '0', '--config', 'no.such.setting=1']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('Unknown broker config name: no.such.setting');
  });

  it('warns about replication-only settings and still starts', async () => {
    const data = tempDir();
    const run = rill(['broker', '--data', data, '--port', '0', '--config', 'default.replication.factor=3']);
    await listening(run);
    expect(run.stderr()).toMatch(/WARN default\.replication\.factor=3/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
