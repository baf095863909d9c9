/**
 * Oracle (b): kafkajs 2.2.4's own RecordBatch encoder and decoder. Uncompressed batches
 * must be byte-identical for the same fields; gzip batches (kafkajs's only built-in
 * codec) must decode identically in both directions.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecordBatch, encodeRecordBatch, type RecordInput } from '../src/index.js';
import { runs } from './arbitraries.js';

const require = createRequire(import.meta.url);
type KjsRecordInput = {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: object;
};
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as {
  RecordBatch: (args: object) => Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (
  r: KjsRecordInput,
) => unknown;
const decodeKjsBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder.js') as (
  d: unknown,
) => Promise<KjsBatch>;
const Decoder = require('kafkajs/src/protocol/decoder.js') as new (buf: Buffer) => unknown;
const Long = require('kafkajs/src/utils/long.js') as { fromNumber(n: number): unknown };

interface KjsBatch {
  firstOffset: string;
  maxTimestamp: string;
  producerId: string;
  producerEpoch: number;
  firstSequence: number;
  partitionLeaderEpoch: number;
  inTransaction: boolean;
  records: Array<{
    offset: string;
    timestamp: string;
    key: Buffer | null;
    value: Buffer | null;
    headers: Record<string, Buffer | Buffer[]>;
  }>;
}

const bytes = (max: number): fc.Arbitrary<Buffer> =>
  fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));

/**
 * kafkajs takes headers as an object, so keys are unique, non-numeric (JS objects order
 * integer-like keys first) and a repeated key is an array; its size computation also
 * rejects null header values.
 */
const headersArb = fc.uniqueArray(
  fc.tuple(
    fc.string({ maxLength: 8 }).map((s) => `h-${s}`),
    fc.array(bytes(16), { minLength: 1, maxLength: 2 }),
  ),
  { selector: ([k]) => k, maxLength: 3 },
);

const fieldsArb = fc.record({
  baseOffset: fc.integer({ min: 0, max: 2 ** 52 }),
  baseTimestamp: fc.integer({ min: 0, max: 2 ** 44 }),
  partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  producerId: fc.integer({ min: -1, max: Number.MAX_SAFE_INTEGER }),
  producerEpoch: fc.integer({ min: -1, max: 32767 }),
  baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  transactional: fc.boolean(),
  records: fc.array(
    fc.record({
      key: fc.option(bytes(24), { nil: null }),
      value: fc.option(bytes(120), { nil: null }),
      headers: headersArb,
      delta: fc.integer({ min: 0, max: 2 ** 36 }),
    }),
    { maxLength: 30 },
  ),
});

type Fields = typeof fieldsArb extends fc.Arbitrary<infer T> ? T : never;

function ours(f: Fields, compression: 'none' | 'gzip'): Buffer {
  const records: RecordInput[] = f.records.map((r) => ({
    key: r.key,
    value: r.value,
    timestamp: f.baseTimestamp + r.delta,
    headers: r.headers.flatMap(([key, values]) => values.map((value) => ({ key, value }))),
  }));
  return encodeRecordBatch({
    records,
    compression,
    baseOffset: f.baseOffset,
    baseTimestamp: f.baseTimestamp,
    maxTimestamp: maxTimestampOf(f),
    partitionLeaderEpoch: f.partitionLeaderEpoch,
    producerId: f.producerId,
    producerEpoch: f.producerEpoch,
    baseSequence: f.baseSequence,
    isTransactional: f.transactional,
  });
}

function maxTimestampOf(f: Fields): number {
  return f.baseTimestamp + Math.max(0, ...f.records.map((r) => r.delta));
}

async function theirs(f: Fields, compression: 'none' | 'gzip'): Promise<Buffer> {
  const batch = await RecordBatch({
    compression: compression === 'gzip' ? 1 : 0,
    firstOffset: Long.fromNumber(f.baseOffset),
    firstTimestamp: f.baseTimestamp,
    maxTimestamp: maxTimestampOf(f),
    // kafkajs defaults these to 0 (and lastOffsetDelta to 0): pass ours explicitly.
    partitionLeaderEpoch: f.partitionLeaderEpoch,
    producerId: Long.fromNumber(f.producerId),
    producerEpoch: f.producerEpoch,
    firstSequence: f.baseSequence,
    lastOffsetDelta: f.records.length - 1,
    transactional: f.transactional,
    records: f.records.map((r, i) =>
      Record({
        offsetDelta: i,
        timestampDelta: r.delta,
        key: r.key,
        value: r.value,
        headers: Object.fromEntries(r.headers.map(([k, vs]) => [k, vs.length === 1 ? vs[0] : vs])),
      }),
    ),
  });
  return batch.buffer;
}

function plainKjs(b: KjsBatch): object {
  return {
    firstOffset: b.firstOffset,
    maxTimestamp: b.maxTimestamp,
    producerId: b.producerId,
    producerEpoch: b.producerEpoch,
    firstSequence: b.firstSequence,
    partitionLeaderEpoch: b.partitionLeaderEpoch,
    inTransaction: b.inTransaction,
    records: b.records.map((r) => ({
      offset: r.offset,
      timestamp: r.timestamp,
      key: r.key?.toString('hex') ?? null,
      value: r.value?.toString('hex') ?? null,
      headers: Object.entries(r.headers).map(([k, v]) => [k, [v].flat().map((x) => x.toString('hex'))]),
    })),
  };
}

function plainOurs(buf: Buffer): object {
  const { header, records } = decodeRecordBatch(buf);
  return {
    firstOffset: String(header.baseOffset),
    maxTimestamp: String(header.maxTimestamp),
    producerId: String(header.producerId),
    producerEpoch: header.producerEpoch,
    firstSequence: header.baseSequence,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    inTransaction: (header.attributes & 0x10) !== 0,
    records: records.map((r) => {
      const grouped = new Map<string, string[]>();
      for (const h of r.headers)
        grouped.set(h.key, [...(grouped.get(h.key) ?? []), h.value!.toString('hex')]);
      return {
        offset: String(r.offset),
        timestamp: String(r.timestamp),
        key: r.key?.toString('hex') ?? null,
        value: r.value?.toString('hex') ?? null,
        headers: [...grouped],
      };
    }),
  };
}

describe('kafkajs 2.2.4 oracle', () => {
  it('uncompressed batches are byte-identical to kafkajs', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, async (f) => {
        expect(ours(f, 'none').toString('hex')).toBe((await theirs(f, 'none')).toString('hex'));
      }),
      { numRuns: runs },
    );
  });

  it('gzip batches decode identically both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb, async (f) => {
        const mine = ours(f, 'gzip');
        const kjs = await theirs(f, 'gzip');
        expect(plainKjs(await decodeKjsBatch(new Decoder(mine)))).toEqual(plainOurs(mine));
        expect(plainOurs(kjs)).toEqual(plainKjs(await decodeKjsBatch(new Decoder(kjs))));
        expect(plainOurs(kjs)).toEqual(plainOurs(mine));
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
  });
});
