import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runDemo } from './demo.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the demo writes, reads back and reopens every record', async () => {
  dir = await mkdtemp(join(tmpdir(), 'rill-demo-test-'));
  const report = await runDemo({ dataDir: dir, records: 20_000 });
  expect(report.appended).toBe(20_000);
  expect(report.readBack).toBe(20_000);
  expect(report.afterReopen).toBe(20_000);
  expect(report.segmentsOnDisk).toBeGreaterThan(3);
  expect(report.partitions.reduce((n, p) => n + p.logEndOffset, 0)).toBe(20_000);
  expect(report.latestForUser7).toContain('"n":19957');
});
