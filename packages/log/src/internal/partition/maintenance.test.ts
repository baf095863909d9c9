import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import type { Partition } from './partition.js';
import { DIR, open, readAll, rec } from './test-helpers.js';

const CFG = { 'segment.bytes': 260, 'index.interval.bytes': 60 };

async function fill(p: Partition, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await p.appendRecords([rec(`v${i}`.padEnd(40, '.'), `k${i % 3}`, 100 + i)]);
}

/** Whole batches of the segments in [base, end), keeping those whose base offset is odd. */
async function oddBatches(p: Partition, base: number, end: number): Promise<Buffer> {
  const kept: Buffer[] = [];
  let offset = base;
  while (offset < end) {
    const { batches } = await p.read(offset, { maxBytes: 1 });
    const b0 = Number(batches.readBigInt64BE(0));
    const size = batches.readInt32BE(8) + 12;
    const last = b0 + batches.readInt32BE(23);
    if (b0 >= end) break;
    if (b0 % 2 === 1) kept.push(Buffer.from(batches.subarray(0, size)));
    offset = last + 1;
  }
  return Buffer.concat(kept);
}

describe('segment maintenance API', () => {
  it('lists segments with base offset, end offset, size and largest timestamp', async () => {
    const p = await open(new FaultyFileIO(), CFG);
    await fill(p, 10);
    const segs = await p.maintenance.listSegments();
    expect(segs.length).toBeGreaterThan(2);
    expect(segs[0]!.baseOffset).toBe(0);
    for (let i = 0; i + 1 < segs.length; i++) expect(segs[i]!.endOffset).toBe(segs[i + 1]!.baseOffset);
    expect(segs.at(-1)).toMatchObject({ isActive: true, endOffset: 10, largestTimestamp: 109 });
    expect(segs[0]!.largestTimestamp).toBe(100 + segs[0]!.endOffset - 1);
    expect(segs.reduce((a, s) => a + s.sizeBytes, 0)).toBeGreaterThan(0);
    await p.close();
  });

  it('deletes the oldest segments, advancing the log start offset, and never the active one', async () => {
    const p = await open(new FaultyFileIO(), CFG);
    await fill(p, 10);
    const segs = await p.maintenance.listSegments();
    expect(await p.maintenance.deleteOldestSegments(1)).toBe(1);
    expect(p.logStartOffset).toBe(segs[1]!.baseOffset);
    expect(await p.maintenance.deleteOldestSegments(1000)).toBe(segs.length - 2);
    expect((await p.maintenance.listSegments()).length).toBe(1);
    await p.maintenance.rollActiveSegment();
    expect(await p.maintenance.deleteOldestSegments(1)).toBe(1);
    expect(p.logStartOffset).toBe(10);
    expect((await readAll(p)).length).toBe(0);
    await p.appendRecords([rec('next')]);
    expect((await readAll(p)).map((r) => r.offset)).toEqual([10]);
    await p.close();
  });

  it('replaces a run of old segments keeping offsets (gaps), across reopen', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, CFG);
    await fill(p, 12);
    const segs = await p.maintenance.listSegments();
    const end = segs[2]!.baseOffset;
    const r = await p.maintenance.beginSegmentReplacement(0, end);
    await r.append(await oddBatches(p, 0, end));
    await r.commit();
    const expected = [...Array(12).keys()].filter((o) => o >= end || o % 2 === 1);
    expect((await readAll(p, 0)).map((x) => x.offset)).toEqual(expected);
    expect((await p.maintenance.listSegments()).length).toBe(segs.length - 1);
    expect((await p.offsetForTimestamp(100))?.offset).toBe(1);
    await p.close();
    const q = await open(io, CFG);
    expect((await readAll(q, 0)).map((x) => x.offset)).toEqual(expected);
    expect((await io.readdir(DIR)).filter((n) => /cleaned|swap|deleted|replace/.test(n))).toEqual([]);
    await q.close();
  });

  it('holds back deleting segments under replacement until the replacement commits or aborts', async () => {
    for (const outcome of ['commit', 'abort'] as const) {
      const p = await open(new FaultyFileIO(), CFG);
      await fill(p, 12);
      const segs = await p.maintenance.listSegments();
      const end = segs[1]!.baseOffset;
      const data = await oddBatches(p, 0, end);
      const r = await p.maintenance.beginSegmentReplacement(0, end);
      await expect(p.maintenance.beginSegmentReplacement(0, end)).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
      const start = segs[2]!.baseOffset;
      expect(await p.maintenance.advanceLogStartOffset(start)).toBe(start);
      // The log start moved at once; the segments went nowhere yet.
      expect(p.logStartOffset).toBe(start);
      await expect(p.read(start - 1)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
      expect((await p.maintenance.listSegments()).length).toBe(segs.length);
      await r.append(data);
      if (outcome === 'commit') await r.commit();
      else await r.abort();
      expect((await p.maintenance.listSegments()).map((x) => x.baseOffset)).toEqual(
        segs.slice(2).map((x) => x.baseOffset),
      );
      expect((await readAll(p)).map((x) => x.offset)).toEqual(
        [...Array(12 - start).keys()].map((i) => i + start),
      );
      await p.close();
    }
  });

  it('rejects replacement data outside the range and ranges that are not whole inactive segments', async () => {
    const p = await open(new FaultyFileIO(), CFG);
    await fill(p, 8);
    const segs = await p.maintenance.listSegments();
    await expect(p.maintenance.beginSegmentReplacement(1, segs[1]!.baseOffset)).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    const r = await p.maintenance.beginSegmentReplacement(0, segs[1]!.baseOffset);
    const later = (await p.read(segs[1]!.baseOffset, { maxBytes: 1 })).batches;
    await expect(r.append(later)).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    await r.abort();
    expect((await readAll(p)).length).toBe(8);
    await p.close();
  });

  it('is crash-safe: a power cut at any step leaves either the old or the new segments, never a mix', async () => {
    let sawOld = false;
    let sawNew = false;
    for (let cut = 1; cut < 60; cut++) {
      const io = new FaultyFileIO();
      const p = await open(io, CFG, new ManualClock(0));
      await fill(p, 12);
      const segs = await p.maintenance.listSegments();
      const end = segs[2]!.baseOffset;
      const all = [...Array(12).keys()];
      const replaced = all.filter((o) => o >= end || o % 2 === 1);
      const data = await oddBatches(p, 0, end);
      io.crashAfterOps(cut, { mode: cut % 2 === 0 ? 'tear-last-write' : 'drop-unsynced', seed: cut });
      try {
        const r = await p.maintenance.beginSegmentReplacement(0, end);
        await r.append(data);
        await r.commit();
      } catch {
        // The power cut interrupts the replacement: that is what this loop explores.
      }
      const crash = io.lastCrash ?? io.crash({ mode: 'drop-unsynced', seed: cut });
      const q = await open(crash.io, CFG);
      const offsets = (await readAll(q, 0)).map((x) => x.offset);
      if (offsets.length === all.length) {
        expect(offsets).toEqual(all);
        sawOld = true;
      } else {
        expect(offsets).toEqual(replaced);
        sawNew = true;
      }
      await q.close();
    }
    expect(sawOld && sawNew).toBe(true);
  });
});
