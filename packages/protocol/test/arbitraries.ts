import fc from 'fast-check';
import type { BatchInput, CompressionCodecName, Record, RecordHeader, RecordInput } from '../src/index.js';

export const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

export const codecs: readonly CompressionCodecName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

const bytes = (maxLength: number): fc.Arbitrary<Buffer> =>
  fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));

export const headerArb: fc.Arbitrary<RecordHeader> = fc.record({
  key: fc.string({ unit: 'binary', maxLength: 12 }),
  value: fc.option(bytes(24), { nil: null }),
});

/** A record relative to a base timestamp, so deltas stay within the varlong range. */
const recordArb = (baseTimestamp: number): fc.Arbitrary<RecordInput> =>
  fc.record(
    {
      key: fc.option(bytes(32), { nil: null }),
      value: fc.option(bytes(200), { nil: null }),
      headers: fc.array(headerArb, { maxLength: 4 }),
      timestamp: fc.integer({ min: -(2 ** 31), max: 2 ** 40 }).map((d) => baseTimestamp + d),
    },
    { requiredKeys: ['key', 'value'] },
  );

/** Many records cheaply: generated from a seed rather than by fast-check one by one. */
const largeRecords = (n: number, seed: number, baseTimestamp: number): RecordInput[] =>
  Array.from({ length: n }, (_, i) => {
    const x = (seed + i * 2654435761) >>> 0;
    return {
      key: x % 7 === 0 ? null : Buffer.from(`key-${x % 1000}`),
      value: x % 11 === 0 ? null : Buffer.alloc(x % 150, x & 0xff),
      headers: x % 5 === 0 ? [{ key: `h${x % 3}`, value: x % 2 ? null : Buffer.from([x & 0xff]) }] : [],
      timestamp: baseTimestamp + (x % 100_000),
    };
  });

export const batchArb: fc.Arbitrary<BatchInput> = fc
  .record({
    baseTimestamp: fc.integer({ min: -1, max: 2 ** 45 }),
    compression: fc.constantFrom(...codecs),
    timestampType: fc.constantFrom('CreateTime' as const, 'LogAppendTime' as const),
    isTransactional: fc.boolean(),
    isControl: fc.boolean(),
    baseOffset: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 52 })),
    partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
    producerId: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
    producerEpoch: fc.integer({ min: -1, max: 32767 }),
    baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
    large: fc.option(fc.tuple(fc.integer({ min: 1000, max: 10_000 }), fc.nat()), { freq: 25 }),
  })
  .chain((b) =>
    (b.large === null
      ? fc.array(recordArb(b.baseTimestamp), { maxLength: 20 })
      : fc.constant(largeRecords(b.large[0], b.large[1], b.baseTimestamp))
    ).chain((records) =>
      fc
        .record({
          maxTimestamp: fc.option(fc.integer({ min: 0, max: 2 ** 45 }), { nil: undefined }),
        })
        .map(({ maxTimestamp }) => {
          const { large: _large, ...fields } = b;
          // LogAppendTime batches carry the append time as maxTimestamp.
          return {
            ...fields,
            records,
            maxTimestamp: b.timestampType === 'LogAppendTime' ? maxTimestamp : undefined,
          };
        }),
    ),
  );

/** Plain comparable form of a decoded record. */
export function plain(r: Record): object {
  return {
    offset: r.offset,
    timestamp: r.timestamp,
    key: r.key === null ? null : r.key.toString('hex'),
    value: r.value === null ? null : r.value.toString('hex'),
    headers: r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('hex') })),
  };
}

/** What decoding `input` must give, from the spec's rules on defaults. */
export function expectedRecords(input: BatchInput, maxTimestamp: number): object[] {
  const base = input.baseTimestamp ?? input.records[0]?.timestamp ?? 0;
  return input.records.map((r, i) =>
    plain({
      offset: (input.baseOffset ?? 0) + (r.offsetDelta ?? i),
      timestamp: input.timestampType === 'LogAppendTime' ? maxTimestamp : (r.timestamp ?? base),
      key: r.key,
      value: r.value,
      headers: r.headers ?? [],
      attributes: 0,
    }),
  );
}
