/** The partition on the real file system (NodeFileIO): append, roll, reopen, recover a torn tail. */
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock/clock.js';
import { NodeFileIO } from '../io/node-file-io.js';
import { openPartition } from './partition.js';
import { readAll, rec, topicConfig } from './test-helpers.js';

describe('Partition on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'rill-part-')), 't-0');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const openHere = () =>
    openPartition({
      dir,
      topic: 't',
      partition: 0,
      config: topicConfig({ 'segment.bytes': 4096, 'rill.group.commit.ms': 2 }),
      io: new NodeFileIO(),
      clock: systemClock,
      cleanShutdown: false,
    });

  it('appends concurrently with group commit, rolls, reopens cleanly and after a torn tail', async () => {
    const p = await openHere();
    const values = Array.from({ length: 300 }, (_, i) => `value-${i}`.padEnd(60, '*'));
    const results = await Promise.all(values.map((v) => p.appendRecords([rec(v)])));
    expect(results.map((r) => r.baseOffset)).toEqual([...values.keys()]);
    expect(p.highWatermark).toBe(300);
    await p.close();
    expect(readdirSync(dir).filter((n) => n.endsWith('.log')).length).toBeGreaterThan(3);

    const q = await openHere();
    expect(q.recovery.segmentsRecovered).toBe(0);
    expect((await readAll(q)).map((r) => r.value)).toEqual(values);
    await q.appendRecords([rec('tail')]);
    // Simulate a crash mid-write: no close, garbage after the last batch.
    const logs = readdirSync(dir)
      .filter((n) => n.endsWith('.log'))
      .sort();
    appendFileSync(join(dir, logs.at(-1)!), Buffer.alloc(17, 3));
    const r = await openHere();
    expect(r.recovery.truncatedBytes).toBe(17);
    expect((await readAll(r)).map((x) => x.value)).toEqual([...values, 'tail']);
    await r.close();
    await q.close();
  });
});
