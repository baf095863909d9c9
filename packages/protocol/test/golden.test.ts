/**
 * Oracle (c): batches written by real clients (librdkafka via kcat and confluent-kafka),
 * captured by scripts/capture-golden.ts, plus control batches written out by hand from
 * Kafka's spec. See test/fixtures/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CompressionCodec,
  decodeControlRecord,
  decodeRecordBatch,
  encodeControlBatch,
  encodeRecordBatch,
  isControlBatch,
  isTransactional,
  splitBatches,
  validateBatch,
  verifyBatchCrc,
  type CompressionCodecName,
  type Record,
} from '../src/index.js';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, 'fixtures', name));
const codecs: CompressionCodecName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** What the capture script sent; kept here rather than read from the script's output. */
const kcatHeaders = [
  { key: 'h1', value: 'v1' },
  { key: 'h2', value: 'second' },
];
const kcatExpected = [
  { key: 'k1', value: 'v1', headers: kcatHeaders },
  { key: 'k2', value: 'hello world', headers: kcatHeaders },
  { key: 'k3', value: 'abcdefgh'.repeat(40), headers: kcatHeaders },
];
const confluentExpected = [
  {
    key: 'pk1',
    value: 'py-value-1',
    headers: [
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
      { key: 'n', value: null },
    ],
  },
  { key: null, value: 'no key', headers: [] },
  { key: 'tombstone', value: null, headers: [] },
  {
    key: 'big',
    value: '0123456789'.repeat(50),
    headers: [{ key: 'utf8-\u00e9', value: Buffer.from([0xff, 0]).toString('latin1') }],
  },
];

const str = (b: Buffer | null, enc: BufferEncoding = 'utf8'): string | null =>
  b === null ? null : b.toString(enc);
const plain = (r: Record): object => ({
  key: str(r.key),
  value: str(r.value),
  headers: r.headers.map((h) => ({ key: h.key, value: str(h.value, 'latin1') })),
});

function decodeAll(name: string): { codecs: number[]; records: Record[]; batches: Buffer[] } {
  const batches = splitBatches(fixture(name));
  const decoded = batches.map((b) => decodeRecordBatch(b));
  return {
    codecs: decoded.map((d) => d.header.attributes & 7),
    records: decoded.flatMap((d) => d.records),
    batches,
  };
}

describe('golden batches from librdkafka 2.0.2', () => {
  for (const codec of codecs) {
    it(`kcat -z ${codec}`, () => {
      const { codecs: ids, records, batches } = decodeAll(`kcat-${codec}.bin`);
      expect(ids.every((id) => id === CompressionCodec[codec])).toBe(true);
      expect(records.map(plain)).toEqual(kcatExpected);
      expect(records.map((r) => r.offset)).toEqual([0, 1, 2]);
      for (const b of batches) validateBatch(b);
    });

    it(`confluent-kafka compression.type=${codec}`, () => {
      const { codecs: ids, records, batches } = decodeAll(`confluent-${codec}.bin`);
      // librdkafka sends a batch uncompressed when compressing would not shrink it (a lone
      // small message may go out in its own batch).
      expect(ids.every((id) => id === CompressionCodec[codec] || id === 0)).toBe(true);
      expect(ids).toContain(CompressionCodec[codec]);
      expect(records.map(plain)).toEqual(confluentExpected);
      expect(records[1]!.timestamp).toBe(1_700_000_000_000);
      for (const b of batches) validateBatch(b);
    });
  }

  it('idempotent confluent-kafka batch carries producer id, epoch and sequence', () => {
    const batches = splitBatches(fixture('confluent-idempotent-lz4.bin'));
    let sequence = 0;
    for (const b of batches) {
      const { header, records } = decodeRecordBatch(b);
      expect(header).toMatchObject({ producerId: 4242, producerEpoch: 0, baseSequence: sequence });
      expect(header.attributes & 7).toBe(CompressionCodec.lz4);
      validateBatch(b);
      sequence += records.length;
    }
    expect(batches.flatMap((b) => decodeRecordBatch(b).records).map(plain)).toEqual(confluentExpected);
  });

  it('our encoder reproduces uncompressed librdkafka batches byte for byte', () => {
    for (const name of ['kcat-none.bin', 'confluent-none.bin']) {
      for (const batch of splitBatches(fixture(name))) {
        const { header, records } = decodeRecordBatch(batch);
        const again = encodeRecordBatch({
          records,
          baseOffset: header.baseOffset,
          baseTimestamp: header.baseTimestamp,
          maxTimestamp: header.maxTimestamp,
          partitionLeaderEpoch: header.partitionLeaderEpoch,
          producerId: header.producerId,
          producerEpoch: header.producerEpoch,
          baseSequence: header.baseSequence,
        });
        expect(again.toString('hex')).toBe(batch.toString('hex'));
      }
    }
  });
});

/**
 * End-transaction markers, byte by byte from Kafka's RecordBatch v2 layout and
 * EndTransactionMarker schema. CRC values come from a bitwise CRC-32C (Castagnoli)
 * computed independently of this package.
 */
function handBuiltMarker(type: 0 | 1, crc: string): Buffer {
  const hex = [
    '000000000000002a', // baseOffset 42
    '00000042', // batchLength 66 = 78 - 12
    'ffffffff', // partitionLeaderEpoch -1
    '02', // magic
    crc, // CRC-32C of attributes..end
    '0030', // attributes: transactional (0x10) | control (0x20), CreateTime, no compression
    '00000000', // lastOffsetDelta 0
    '0000018bcfe56800', // baseTimestamp 1700000000000
    '0000018bcfe56800', // maxTimestamp
    '0000000000001234', // producerId 0x1234
    '0003', // producerEpoch 3
    'ffffffff', // baseSequence -1
    '00000001', // records count 1
    '20', // record length varint: 16
    '00', // record attributes
    '00', // timestampDelta 0
    '00', // offsetDelta 0
    '08', // key length varint: 4
    '0000', // key: version 0
    `000${type}`, // key: type (0 ABORT, 1 COMMIT)
    '0c', // value length varint: 6
    '0000', // value: version 0
    '00000005', // value: coordinatorEpoch 5
    '00', // headers count 0
  ].join('');
  return Buffer.from(hex, 'hex');
}

describe('hand-built control batches', () => {
  const cases = [
    { type: 'COMMIT' as const, bytes: handBuiltMarker(1, '8afa837a') },
    { type: 'ABORT' as const, bytes: handBuiltMarker(0, '7ec45532') },
  ];
  for (const { type, bytes } of cases) {
    it(`decodes a ${type} marker`, () => {
      expect(bytes.length).toBe(78);
      verifyBatchCrc(bytes);
      const { header, records } = decodeRecordBatch(bytes);
      expect(isControlBatch(header.attributes)).toBe(true);
      expect(isTransactional(header.attributes)).toBe(true);
      expect(header).toMatchObject({
        baseOffset: 42,
        producerId: 0x1234,
        producerEpoch: 3,
        baseSequence: -1,
      });
      expect(records).toHaveLength(1);
      expect(records[0]!.offset).toBe(42);
      expect(decodeControlRecord(records[0]!)).toEqual({ type, version: 0, coordinatorEpoch: 5 });
      expect(validateBatch(bytes, { allowControl: true }).header.recordsCount).toBe(1);
      expect(() => validateBatch(bytes)).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
    });

    it(`encodeControlBatch writes the same ${type} bytes`, () => {
      const ours = encodeControlBatch({
        type,
        producerId: 0x1234,
        producerEpoch: 3,
        coordinatorEpoch: 5,
        timestamp: 1_700_000_000_000,
        baseOffset: 42,
      });
      expect(ours.toString('hex')).toBe(bytes.toString('hex'));
    });
  }
});
