import {
  CompressionCodec,
  compressionOf,
  encodeControlBatch,
  encodeRecordBatch,
  isControlBatch,
  readBatchHeader,
  timestampTypeOf,
} from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { ManualClock } from '../clock/manual-clock.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { DIR, open, readAll, rec, recordsOf, topicConfig } from './test-helpers.js';

describe('Partition append and read', () => {
  it('assigns consecutive offsets and reads back what was appended', async () => {
    const p = await open(new FaultyFileIO());
    const a = await p.appendRecords([rec('a'), rec('b')]);
    const b = await p.appendRecords([rec('c')]);
    expect([a.baseOffset, a.lastOffset, b.baseOffset, b.lastOffset]).toEqual([0, 1, 2, 2]);
    expect(p.logEndOffset).toBe(3);
    expect(p.highWatermark).toBe(3);
    expect((await readAll(p)).map((r) => r.value)).toEqual(['a', 'b', 'c']);
    await p.close();
  });

  it('serves whole batches from the one containing the offset, at least one even over maxBytes', async () => {
    const p = await open(new FaultyFileIO());
    await p.appendRecords([rec('a'), rec('b'), rec('c')]);
    await p.appendRecords([rec('d')]);
    const r = await p.read(1, { maxBytes: 1 });
    expect(recordsOf(r.batches).map((x) => x.offset)).toEqual([0, 1, 2]);
    const all = await p.read(1, { maxBytes: 10_000 });
    expect(recordsOf(all.batches).map((x) => x.offset)).toEqual([0, 1, 2, 3]);
    const atEnd = await p.read(4);
    expect(atEnd.batches.length).toBe(0);
    await p.close();
  });

  it('rejects offsets outside [logStartOffset, logEndOffset] with OFFSET_OUT_OF_RANGE', async () => {
    const p = await open(new FaultyFileIO());
    await p.appendRecords([rec('a')]);
    for (const bad of [-1, 2, 1.5, Number.NaN]) {
      await expect(p.read(bad)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', kafkaCode: 1 });
    }
    await p.close();
  });

  it('appends producer batches, rejecting corrupt ones and ones over max.message.bytes', async () => {
    const p = await open(new FaultyFileIO(), { 'max.message.bytes': 200 });
    const batch = encodeRecordBatch({ records: [rec('x', 'k', 5)], baseOffset: 77 });
    const res = await p.appendBatches(Buffer.from(batch));
    expect(res.baseOffset).toBe(0);
    const corrupt = Buffer.from(batch);
    corrupt[corrupt.length - 1]! ^= 0xff;
    await expect(p.appendBatches(corrupt)).rejects.toMatchObject({ code: 'CORRUPT_MESSAGE' });
    const big = encodeRecordBatch({ records: [rec('y'.repeat(300))] });
    await expect(p.appendBatches(big)).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE', kafkaCode: 10 });
    const wrongMagic = Buffer.from(batch);
    wrongMagic[16] = 1;
    await expect(p.appendBatches(wrongMagic)).rejects.toBeInstanceOf(LogError);
    expect(p.logEndOffset).toBe(1);
    expect((await readAll(p)).map((r) => r.value)).toEqual(['x']);
    await p.close();
  });

  it('accepts control batches only from the coordinator path (allowControl)', async () => {
    const p = await open(new FaultyFileIO());
    const marker = (): Buffer =>
      encodeControlBatch({
        type: 'COMMIT',
        producerId: 7,
        producerEpoch: 0,
        coordinatorEpoch: 0,
        timestamp: 1,
      });
    await expect(p.appendBatches(marker())).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    const r = await p.appendBatches(marker(), { allowControl: true });
    expect(r.baseOffset).toBe(0);
    expect(isControlBatch(readBatchHeader((await p.read(0)).batches).attributes)).toBe(true);
    await p.close();
  });

  it('stamps LogAppendTime from the clock', async () => {
    const clock = new ManualClock(5_000);
    const p = await open(new FaultyFileIO(), { 'message.timestamp.type': 'LogAppendTime' }, clock);
    const res = await p.appendBatches(encodeRecordBatch({ records: [rec('a', null, 1), rec('b', null, 2)] }));
    expect(res.logAppendTime).toBe(5_000);
    const r2 = await p.appendRecords([rec('c', null, 3)]);
    expect(r2.logAppendTime).toBe(5_000);
    const { batches } = await p.read(0);
    expect(timestampTypeOf(readBatchHeader(batches).attributes)).toBe('LogAppendTime');
    expect(recordsOf(batches).map((r) => r.timestamp)).toEqual([5_000, 5_000, 5_000]);
    await p.close();
  });

  it('keeps the producer codec for compression.type=producer and recompresses for a specific codec', async () => {
    const keep = await open(new FaultyFileIO());
    await keep.appendBatches(encodeRecordBatch({ records: [rec('a')], compression: 'gzip' }));
    expect(compressionOf(readBatchHeader((await keep.read(0)).batches).attributes)).toBe(
      CompressionCodec.gzip,
    );
    await keep.close();
    const re = await open(new FaultyFileIO(), { 'compression.type': 'lz4' });
    await re.appendBatches(
      encodeRecordBatch({ records: [rec('a', null, 10), rec('b', null, 11)], compression: 'gzip' }),
    );
    await re.appendRecords([rec('c', null, 12)], { compression: 'snappy' });
    const { batches } = await re.read(0);
    expect(compressionOf(readBatchHeader(batches).attributes)).toBe(CompressionCodec.lz4);
    expect(recordsOf(batches).map((r) => [r.offset, r.value, r.timestamp])).toEqual([
      [0, 'a', 10],
      [1, 'b', 11],
      [2, 'c', 12],
    ]);
    await re.close();
    const none = await open(new FaultyFileIO(), { 'compression.type': 'uncompressed' });
    await none.appendBatches(encodeRecordBatch({ records: [rec('a')], compression: 'zstd' }));
    expect(compressionOf(readBatchHeader((await none.read(0)).batches).attributes)).toBe(
      CompressionCodec.none,
    );
    await none.close();
  });

  it('rolls segments by segment.bytes and segment.ms and reads across them', async () => {
    const io = new FaultyFileIO();
    const clock = new ManualClock(0);
    const p = await open(io, { 'segment.bytes': 300, 'segment.ms': 1_000 }, clock);
    for (let i = 0; i < 10; i++) await p.appendRecords([rec(`v${i}`.padEnd(60, '.'), null, i)]);
    const bySize = await p.maintenance.listSegments();
    expect(bySize.length).toBeGreaterThan(2);
    for (const s of bySize) expect(s.sizeBytes).toBeLessThanOrEqual(300);
    const before = bySize.length;
    p.updateConfig(topicConfig({ 'segment.bytes': 1_000_000, 'segment.ms': 1_000 }));
    clock.advance(999);
    await p.appendRecords([rec('x')]);
    expect((await p.maintenance.listSegments()).length).toBe(before);
    clock.advance(2);
    await p.appendRecords([rec('y')]);
    expect((await p.maintenance.listSegments()).length).toBe(before + 1);
    expect((await readAll(p, 0, 50)).map((r) => r.offset)).toEqual([...Array(12).keys()]);
    const names = (await io.readdir(DIR)).filter((n) => n.endsWith('.log'));
    expect(names[0]).toBe('00000000000000000000.log');
    await p.close();
  });

  it('finds the first offset at or after a timestamp', async () => {
    const p = await open(new FaultyFileIO(), { 'segment.bytes': 400, 'index.interval.bytes': 100 });
    const ts = [10, 20, 20, 15, 40, 50, 30, 60, 70, 80];
    for (let i = 0; i < ts.length; i += 2)
      await p.appendRecords([rec(`a${i}`, null, ts[i]), rec(`b${i}`, null, ts[i + 1])]);
    const expectFor = (t: number): number | null => {
      const i = ts.findIndex((x) => x >= t);
      return i < 0 ? null : i;
    };
    for (const t of [0, 10, 11, 20, 21, 35, 40, 41, 55, 60, 80, 81]) {
      const got = await p.offsetForTimestamp(t);
      expect(got?.offset ?? null, `ts ${t}`).toBe(expectFor(t));
      if (got !== null) expect(got.timestamp).toBe(ts[got.offset]);
    }
    await p.close();
  });

  it('timestamp lookup finds a maximum first reached between sparse time-index entries', async () => {
    const p = await open(new FaultyFileIO(), { 'index.interval.bytes': 150 });
    for (const ts of [1, 2, 3, 50, 4, 5, 6, 7]) await p.appendRecords([rec('v'.repeat(40), null, ts)]);
    expect(p.active.timeIndex!.entries).toBeGreaterThan(1);
    expect((await p.offsetForTimestamp(50))?.offset).toBe(3);
    expect((await p.offsetForTimestamp(4))?.offset).toBe(3);
    expect((await p.offsetForTimestamp(7))?.offset).toBe(3);
    expect(await p.offsetForTimestamp(51)).toBeNull();
    await p.close();
  });

  it('deleteRecordsBefore advances the log start offset durably and deletes whole segments', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 200 });
    for (let i = 0; i < 8; i++) await p.appendRecords([rec(`v${i}`.padEnd(50, '.'))]);
    const segsBefore = await p.maintenance.listSegments();
    expect(await p.deleteRecordsBefore(5)).toBe(5);
    expect(p.logStartOffset).toBe(5);
    await expect(p.read(4)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
    await expect(p.deleteRecordsBefore(99)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
    const segsAfter = await p.maintenance.listSegments();
    expect(segsAfter.length).toBeLessThan(segsBefore.length);
    expect(segsAfter[0]!.baseOffset).toBeLessThanOrEqual(5);
    expect((await readAll(p)).map((r) => r.offset)).toEqual([5, 6, 7]);
    await p.close();
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    const q = await open(after, { 'segment.bytes': 200 });
    expect(q.logStartOffset).toBe(5);
    expect((await readAll(q)).map((r) => r.offset)).toEqual([5, 6, 7]);
    await q.close();
  });

  it('waitForData resolves when the high watermark passes the offset, on abort, and on close', async () => {
    const p = await open(new FaultyFileIO());
    let woke = false;
    const w = p.waitForData(0).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    await p.appendRecords([rec('a')]);
    await w;
    expect(woke).toBe(true);
    const ac = new AbortController();
    const aborted = p.waitForData(5, ac.signal);
    ac.abort();
    await aborted;
    const closing = p.waitForData(5);
    await p.close();
    await closing;
    await expect(p.appendRecords([rec('z')])).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('reopens cleanly without recovering and keeps appending', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 300 });
    for (let i = 0; i < 10; i++) await p.appendRecords([rec(`v${i}`.padEnd(40, '.'), null, 100 + i)]);
    await p.close();
    const q = await open(io, { 'segment.bytes': 300 });
    expect(q.recovery.segmentsRecovered).toBe(0);
    expect(q.logEndOffset).toBe(10);
    expect((await q.offsetForTimestamp(105))?.offset).toBe(5);
    await q.appendRecords([rec('more')]);
    expect((await readAll(q)).map((r) => r.offset)).toEqual([...Array(11).keys()]);
    await q.close();
  });

  it('keeps read descriptors and resident indexes bounded with thousands of segments', async () => {
    const io = new FaultyFileIO();
    const cfg = { 'segment.bytes': 120 };
    const p = await open(io, cfg);
    for (let i = 0; i < 1500; i++) await p.appendRecords([rec(`v${i}`.padEnd(40, '.'), null, i)]);
    await p.close();
    const q = await open(io, cfg);
    expect((await q.maintenance.listSegments()).length).toBe(1500);
    const seen = await readAll(q, 0, 1);
    expect(seen.length).toBe(1500);
    expect((await q.offsetForTimestamp(1234))?.offset).toBe(1234);
    expect(q.fds.size).toBeLessThanOrEqual(256);
    expect(q.residency.size).toBeLessThanOrEqual(64);
    await q.close();
  });

  it('delete() removes the partition directory', async () => {
    const io = new FaultyFileIO();
    const p = await open(io);
    await p.appendRecords([rec('a')]);
    await p.delete();
    expect(await io.exists(DIR)).toBe(false);
  });
});
