/**
 * Open file descriptors stay bounded with thousands of segments: reading every segment of a
 * long log must not leave one descriptor open per segment.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { LogEngine } from '../src/index.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const openFds = (): number => readdirSync('/proc/self/fd').length;

test(
  '1,200 segments are read end to end with a bounded number of open files',
  { timeout: 120_000 },
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'rill-fd-'));
    const engine = await LogEngine.open({ dataDir: dir });
    // segment.bytes is so small that every batch rolls a new segment.
    await engine.createTopic('many', { partitions: 1, configs: { 'segment.bytes': 200 } });
    const before = openFds();
    const segments = 1200;
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < segments; i++) {
      pending.push(
        engine.appendToPartition('many', 0, [
          { key: Buffer.from(`k${i}`), value: Buffer.alloc(150, i % 256) },
        ]),
      );
      if (pending.length >= 64) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const logFiles = readdirSync(join(dir, 'many-0')).filter((f) => f.endsWith('.log'));
    expect(logFiles.length).toBeGreaterThanOrEqual(segments);

    let seen = 0;
    let peak = 0;
    for (let offset = 0; offset < segments; offset++) {
      const { batches } = await engine.read('many', 0, offset, { maxBytes: 1 });
      expect(batches.length).toBeGreaterThan(0);
      seen++;
      if (offset % 100 === 0) peak = Math.max(peak, openFds());
    }
    expect(seen).toBe(segments);
    // One descriptor per segment would be > 1,200 (x3 with indexes); the cache keeps a few hundred at most.
    expect(peak - before).toBeLessThan(400);
    await engine.close();
  },
);
