/**
 * Background maintenance never keeps a process alive: a program that opens an engine with the
 * system clock (retention schedule and cleaner running) and never closes it still exits.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('a process with an open engine and running maintenance exits on its own', async () => {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'rill-maint-'));
  try {
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = `
      import { LogEngine } from ${JSON.stringify(entry)};
      const engine = await LogEngine.open({
        dataDir: ${JSON.stringify(dir)},
        brokerConfig: { 'log.cleaner.backoff.ms': 100, 'log.retention.check.interval.ms': 100 },
      });
      await engine.createTopic('c', { configs: { 'cleanup.policy': 'compact', 'segment.bytes': 200 } });
      for (let i = 0; i < 30; i++) await engine.append('c', [{ key: 'k' + (i % 3), value: 'v' + i }]);
      console.log('appended');
    `;
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: fileURLToPath(new URL('.', import.meta.url)),
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // The bound: a child still alive after it means something kept it running.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    clearTimeout(guard);
    expect(err).toBe('');
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(out.trim()).toBe('appended');
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
});
