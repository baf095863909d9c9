import { describe, expect, it } from 'vitest';
import { writeBatchCrc } from './crc.js';
import { decodeRecordBatch, forEachRecord } from './decode.js';
import { encodeRecordBatch } from './encode.js';
import { ATTRIBUTES_OFFSET, MAGIC_OFFSET, RECORDS_COUNT_OFFSET } from './header.js';
import type { Record } from './types.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

const sample = (compression: 'none' | 'zstd' = 'none'): Buffer =>
  encodeRecordBatch({
    records: [
      {
        key: Buffer.from('a'),
        value: Buffer.from('1'),
        timestamp: 10,
        headers: [{ key: 'x', value: Buffer.from('y') }],
      },
      { key: null, value: Buffer.from('2'), timestamp: 30 },
    ],
    baseOffset: 7,
    compression,
  });

describe('decodeRecordBatch', () => {
  it('decodes offsets, timestamps and views into the buffer', () => {
    const buf = sample();
    const { records } = decodeRecordBatch(buf);
    expect(
      records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString()]),
    ).toEqual([
      [7, 10, 'a', '1'],
      [8, 30, null, '2'],
    ]);
    expect(records[0]!.key!.buffer).toBe(buf.buffer); // a view, not a copy
  });

  it('ignores trailing bytes after the batch', () => {
    expect(decodeRecordBatch(Buffer.concat([sample(), Buffer.alloc(5)])).records).toHaveLength(2);
  });

  it('gives every record of a LogAppendTime batch the batch maxTimestamp', () => {
    const buf = encodeRecordBatch({
      records: [
        { key: null, value: null, timestamp: 1 },
        { key: null, value: null, timestamp: 2 },
      ],
      timestampType: 'LogAppendTime',
      maxTimestamp: 99,
    });
    expect(decodeRecordBatch(buf).records.map((r) => r.timestamp)).toEqual([99, 99]);
  });

  it('detects a flipped bit anywhere the CRC covers, and can skip the check', () => {
    const good = sample();
    for (let i = ATTRIBUTES_OFFSET; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i]! ^= 0x04;
      expect(
        codeOf(() => decodeRecordBatch(bad)),
        `byte ${i}`,
      ).toBe('CORRUPT_MESSAGE');
    }
    const bad = Buffer.from(good);
    bad[good.length - 2]! ^= 0x01; // inside the last value: still parses
    expect(decodeRecordBatch(bad, { verifyCrc: false }).records).toHaveLength(2);
  });

  it('rejects unknown magic, unknown codecs, truncation and bad counts with typed errors', () => {
    const magic = Buffer.from(sample());
    magic[MAGIC_OFFSET] = 1;
    expect(codeOf(() => decodeRecordBatch(magic))).toBe('UNSUPPORTED_MAGIC');

    const codec = Buffer.from(sample());
    codec.writeInt16BE(6, ATTRIBUTES_OFFSET);
    writeBatchCrc(codec);
    expect(codeOf(() => decodeRecordBatch(codec))).toBe('UNSUPPORTED_COMPRESSION_TYPE');

    expect(codeOf(() => decodeRecordBatch(sample().subarray(0, 40)))).toBe('TRUNCATED');
    expect(codeOf(() => decodeRecordBatch(sample().subarray(0, 70)))).toBe('TRUNCATED');

    for (const count of [1, 3, -1]) {
      const b = Buffer.from(sample());
      b.writeInt32BE(count, RECORDS_COUNT_OFFSET);
      writeBatchCrc(b);
      expect(
        codeOf(() => decodeRecordBatch(b)),
        `count ${count}`,
      ).toBe('CORRUPT_MESSAGE');
    }
  });

  it('reports malformed record bytes (with a valid CRC) as CORRUPT_MESSAGE, never out-of-bounds data', () => {
    const good = sample();
    for (let i = 61; i < good.length; i++) {
      for (const v of [0x00, 0x7f, 0xff, 0x01]) {
        const b = Buffer.from(good);
        b[i] = v;
        writeBatchCrc(b);
        let records: Record[] = [];
        const code = codeOf(() => {
          records = decodeRecordBatch(b).records;
        });
        if (code === undefined) {
          for (const r of records) expect(r.key === null || r.key.length <= good.length).toBe(true);
        } else expect(['CORRUPT_MESSAGE', 'VALUE_OUT_OF_RANGE']).toContain(code);
      }
    }
  });
});

describe('forEachRecord', () => {
  it('visits the same records as decodeRecordBatch, compressed or not', () => {
    for (const codec of ['none', 'zstd'] as const) {
      const seen: unknown[] = [];
      forEachRecord(sample(codec), (r) =>
        seen.push([
          r.offset,
          r.timestamp,
          r.key?.toString() ?? null,
          r.value?.toString(),
          r.headers.map((h) => h.key),
        ]),
      );
      expect(seen).toEqual([
        [7, 10, 'a', '1', ['x']],
        [8, 30, null, '2', []],
      ]);
    }
  });

  it('checks the CRC unless told not to', () => {
    const bad = Buffer.from(sample());
    bad[bad.length - 1]! ^= 1;
    expect(codeOf(() => forEachRecord(bad, () => undefined))).toBe('CORRUPT_MESSAGE');
    let n = 0;
    forEachRecord(bad, () => n++, { verifyCrc: false });
    expect(n).toBe(2);
  });
});
