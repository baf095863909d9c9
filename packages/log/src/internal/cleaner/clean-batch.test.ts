import {
  ATTR_DELETE_HORIZON_MASK,
  CRC_OFFSET,
  ProtocolError,
  compressionOf,
  decodeRecordBatch,
  encodeControlBatch,
  encodeRecordBatch,
  readBatchHeader,
  type BatchInput,
} from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { cleanBatch, emptyCleanBatchStats, type CleanBatchContext } from './clean-batch.js';
import { OffsetMap } from './offset-map.js';
import { TransactionCleaningState } from './transaction-state.js';

const b = (s: string): Buffer => Buffer.from(s);

function batch(
  baseOffset: number,
  records: [string | null, string | null][],
  extra: Partial<BatchInput> = {},
): Buffer {
  return encodeRecordBatch({
    baseOffset,
    records: records.map(([k, v], i) => ({
      key: k === null ? null : b(k),
      value: v === null ? null : b(v),
      timestamp: 1000 + i,
    })),
    ...extra,
  });
}

function context(latest: Record<string, number>, over: Partial<CleanBatchContext> = {}): CleanBatchContext {
  const map = new OffsetMap({ bufferBytes: 24 * 1000, seed: 1 });
  for (const [k, o] of Object.entries(latest)) map.putKey(b(k), o);
  return {
    map,
    cleanUpTo: 1_000_000,
    now: 10_000,
    deleteRetentionMs: 500,
    transactions: new TransactionCleaningState(),
    ...over,
  };
}

function records(buf: Buffer): [number, string | null, string | null, number][] {
  return decodeRecordBatch(buf).records.map((r) => [
    r.offset,
    r.key?.toString() ?? null,
    r.value?.toString() ?? null,
    r.timestamp,
  ]);
}

describe('cleanBatch', () => {
  it('returns the original bytes when every record is the latest for its key', () => {
    const input = batch(10, [
      ['a', '1'],
      ['b', '2'],
    ]);
    const stats = emptyCleanBatchStats();
    expect(cleanBatch(input, context({ a: 10, b: 11 }), stats)).toBe(input);
    expect(stats).toMatchObject({ recordsRead: 2, recordsKept: 2, recordsRemoved: 0, batchesRebuilt: 0 });
  });

  it('drops superseded records, keeping original offsets, base offset and last offset delta', () => {
    const input = batch(
      10,
      [
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
        ['c', '4'],
      ],
      { producerId: 5, producerEpoch: 1, baseSequence: 40, partitionLeaderEpoch: 3 },
    );
    const stats = emptyCleanBatchStats();
    const out = cleanBatch(input, context({ a: 12, b: 11, c: 99 }), stats)!;
    expect(records(out)).toEqual([
      [11, 'b', '2', 1001],
      [12, 'a', '3', 1002],
    ]);
    const h = readBatchHeader(out);
    expect(h).toMatchObject({
      baseOffset: 10,
      lastOffsetDelta: 3,
      producerId: 5,
      producerEpoch: 1,
      baseSequence: 40,
      partitionLeaderEpoch: 3,
      recordsCount: 2,
    });
    expect(h.maxTimestamp).toBe(readBatchHeader(input).maxTimestamp);
    expect(stats).toMatchObject({ recordsRemoved: 2, recordsKept: 2, batchesRebuilt: 1 });
  });

  it('re-encodes with the same codec', () => {
    for (const compression of ['gzip', 'zstd', 'lz4', 'snappy'] as const) {
      const input = batch(
        0,
        [
          ['a', 'x'.repeat(100)],
          ['a', 'y'.repeat(100)],
        ],
        { compression },
      );
      const out = cleanBatch(input, context({ a: 1 }), emptyCleanBatchStats())!;
      expect(compressionOf(readBatchHeader(out).attributes)).toBe(
        compressionOf(readBatchHeader(input).attributes),
      );
      expect(records(out)).toEqual([[1, 'a', 'y'.repeat(100), 1001]]);
    }
  });

  it('keeps a tombstone, stamps the delete horizon, and drops it once the horizon passes', () => {
    const input = batch(0, [
      ['a', null],
      ['b', '1'],
    ]);
    const first = cleanBatch(
      input,
      context({ a: 0, b: 1 }, { now: 10_000, deleteRetentionMs: 500 }),
      emptyCleanBatchStats(),
    )!;
    const h = readBatchHeader(first);
    expect(h.attributes & ATTR_DELETE_HORIZON_MASK).not.toBe(0);
    expect(h.baseTimestamp).toBe(10_500);
    // Record timestamps survive the new base timestamp.
    expect(records(first)).toEqual([
      [0, 'a', null, 1000],
      [1, 'b', '1', 1001],
    ]);
    // Before the horizon: untouched.
    expect(cleanBatch(first, context({ a: 0, b: 1 }, { now: 10_499 }), emptyCleanBatchStats())).toBe(first);
    // At the horizon: the tombstone goes, the horizon stays on the rebuilt batch.
    const stats = emptyCleanBatchStats();
    const later = cleanBatch(first, context({}, { now: 10_500 }), stats)!;
    expect(records(later)).toEqual([[1, 'b', '1', 1001]]);
    expect(readBatchHeader(later).attributes & ATTR_DELETE_HORIZON_MASK).not.toBe(0);
    expect(stats.tombstonesRemoved).toBe(1);
  });

  it('drops a superseded tombstone at once', () => {
    const out = cleanBatch(
      batch(0, [
        ['a', null],
        ['b', '1'],
      ]),
      context({ a: 5, b: 1 }),
      emptyCleanBatchStats(),
    )!;
    expect(records(out)).toEqual([[1, 'b', '1', 1001]]);
    expect(readBatchHeader(out).attributes & ATTR_DELETE_HORIZON_MASK).toBe(0);
  });

  it('keeps and counts keyless records', () => {
    const input = batch(0, [
      [null, 'x'],
      ['a', '1'],
    ]);
    const stats = emptyCleanBatchStats();
    expect(records(cleanBatch(input, context({ a: 9 }), stats)!)).toEqual([[0, null, 'x', 1000]]);
    expect(stats.keylessRecords).toBe(1);
  });

  it('keeps records at or after cleanUpTo untouched', () => {
    const input = batch(0, [
      ['a', '1'],
      ['a', '2'],
      ['a', '3'],
    ]);
    const out = cleanBatch(input, context({ a: 2 }, { cleanUpTo: 1 }), emptyCleanBatchStats())!;
    expect(records(out).map((r) => r[0])).toEqual([1, 2]);
    expect(
      cleanBatch(batch(5, [['a', '1']]), context({ a: 9 }, { cleanUpTo: 5 }), emptyCleanBatchStats()),
    ).not.toBeNull();
  });

  it('drops an emptied batch without a producer, keeps an empty header for a producer', () => {
    const plain = batch(0, [['a', '1']]);
    const stats = emptyCleanBatchStats();
    expect(cleanBatch(plain, context({ a: 9 }), stats)).toBeNull();
    expect(stats.batchesRemoved).toBe(1);

    const idem = batch(
      20,
      [
        ['a', '1'],
        ['a', '2'],
      ],
      { producerId: 7, producerEpoch: 2, baseSequence: 100, compression: 'gzip' },
    );
    const empty = cleanBatch(idem, context({ a: 99 }), emptyCleanBatchStats())!;
    expect(empty.length).toBe(61);
    expect(readBatchHeader(empty)).toMatchObject({
      baseOffset: 20,
      lastOffsetDelta: 1,
      producerId: 7,
      producerEpoch: 2,
      baseSequence: 100,
      recordsCount: 0,
    });
    expect(decodeRecordBatch(empty).records).toEqual([]);
    // An already-empty header stays as it is; the producer-state hook can release it.
    expect(cleanBatch(empty, context({}), emptyCleanBatchStats())).toBe(empty);
    expect(
      cleanBatch(empty, context({}, { retainEmptyBatch: () => false }), emptyCleanBatchStats()),
    ).toBeNull();
    expect(
      cleanBatch(idem, context({ a: 99 }, { retainEmptyBatch: () => false }), emptyCleanBatchStats()),
    ).toBeNull();
  });

  it('keeps a marker while its transaction has data, then stamps and finally drops it', () => {
    const txn = { producerId: 3, producerEpoch: 0, isTransactional: true };
    const data = batch(0, [['a', '1']], txn);
    const marker = encodeControlBatch({
      type: 'COMMIT',
      producerId: 3,
      producerEpoch: 0,
      coordinatorEpoch: 0,
      timestamp: 2000,
      baseOffset: 1,
    });

    // The transaction's record is still the latest: the marker stays as it is.
    let ctx = context({ a: 0 });
    expect(cleanBatch(data, ctx, emptyCleanBatchStats())).toBe(data);
    expect(cleanBatch(marker, ctx, emptyCleanBatchStats())).toBe(marker);

    // The record was superseded: the data batch empties, the marker gets a horizon.
    ctx = context({ a: 50 }, { retainEmptyBatch: () => false });
    expect(cleanBatch(data, ctx, emptyCleanBatchStats())).toBeNull();
    const stamped = cleanBatch(marker, ctx, emptyCleanBatchStats())!;
    expect(readBatchHeader(stamped).baseTimestamp).toBe(10_500);
    expect(decodeRecordBatch(stamped).records).toHaveLength(1);

    // A later pass before the horizon keeps it; after the horizon it goes.
    expect(
      cleanBatch(
        stamped,
        context({}, { now: 10_000, retainEmptyBatch: () => false }),
        emptyCleanBatchStats(),
      ),
    ).toBe(stamped);
    expect(
      cleanBatch(
        stamped,
        context({}, { now: 10_500, retainEmptyBatch: () => false }),
        emptyCleanBatchStats(),
      ),
    ).toBeNull();
    // With the default rule, the producer's marker shrinks to an empty header instead.
    const header = cleanBatch(stamped, context({}, { now: 10_500 }), emptyCleanBatchStats())!;
    expect(readBatchHeader(header).recordsCount).toBe(0);
  });

  it('drops aborted transactional records when the caller knows the transaction aborted', () => {
    const data = batch(0, [['a', '1']], { producerId: 3, producerEpoch: 0, isTransactional: true });
    const ctx = context({ a: 0 }, { isAborted: (h) => h.producerId === 3, retainEmptyBatch: () => false });
    expect(cleanBatch(data, ctx, emptyCleanBatchStats())).toBeNull();
  });

  it('rejects a corrupt batch with a typed error', () => {
    const input = batch(0, [['a', '1']]);
    input.writeUInt32BE((input.readUInt32BE(CRC_OFFSET) ^ 1) >>> 0, CRC_OFFSET);
    expect(() => cleanBatch(input, context({ a: 0 }), emptyCleanBatchStats())).toThrow(ProtocolError);
  });
});
