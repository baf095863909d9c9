import { describe, expect, it } from 'vitest';
import { writeBatchCrc } from './crc.js';
import { encodeRecordBatch } from './encode.js';
import { BASE_TIMESTAMP_OFFSET, LAST_OFFSET_DELTA_OFFSET } from './header.js';
import { validateBatch } from './validate.js';
import type { BatchInput } from './types.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};
const input: BatchInput = {
  records: [
    { key: null, value: Buffer.from('a'), timestamp: 50, headers: [{ key: 'h', value: Buffer.from('x') }] },
    { key: null, value: Buffer.from('b'), timestamp: 70 },
    { key: null, value: Buffer.from('c'), timestamp: 60 },
  ],
};

describe('validateBatch', () => {
  it('accepts a well-formed producer batch and reports its max timestamp', () => {
    for (const compression of ['none', 'lz4'] as const) {
      const v = validateBatch(encodeRecordBatch({ ...input, compression }));
      expect(v).toMatchObject({ maxTimestamp: 70, offsetDeltaOfMaxTimestamp: 1 });
      expect(v.header.recordsCount).toBe(3);
    }
  });

  it('requires the buffer to be exactly one batch', () => {
    const b = encodeRecordBatch(input);
    expect(codeOf(() => validateBatch(Buffer.concat([b, Buffer.alloc(1)])))).toBe('CORRUPT_MESSAGE');
    expect(codeOf(() => validateBatch(b.subarray(0, b.length - 1)))).toBe('CORRUPT_MESSAGE');
    expect(codeOf(() => validateBatch(b.subarray(0, 20)))).toBe('CORRUPT_MESSAGE');
  });

  it('rejects count/lastOffsetDelta mismatches, offset gaps, empty and control batches', () => {
    const wrongDelta = encodeRecordBatch(input);
    wrongDelta.writeInt32BE(5, LAST_OFFSET_DELTA_OFFSET);
    writeBatchCrc(wrongDelta);
    expect(codeOf(() => validateBatch(wrongDelta))).toBe('INVALID_RECORD');
    const gaps = encodeRecordBatch({
      records: input.records.map((r, i) => ({ ...r, offsetDelta: i * 2 })),
      lastOffsetDelta: 2,
    });
    expect(codeOf(() => validateBatch(gaps))).toBe('INVALID_RECORD');
    expect(codeOf(() => validateBatch(encodeRecordBatch({ records: [] })))).toBe('INVALID_RECORD');
    expect(codeOf(() => validateBatch(encodeRecordBatch({ ...input, isControl: true })))).toBe(
      'INVALID_RECORD',
    );
  });

  it('rejects unsafe header integers and malformed headers', () => {
    const unsafe = encodeRecordBatch(input);
    unsafe.writeBigInt64BE(2n ** 60n, BASE_TIMESTAMP_OFFSET);
    writeBatchCrc(unsafe);
    expect(codeOf(() => validateBatch(unsafe))).toBe('VALUE_OUT_OF_RANGE');

    const badHeader = encodeRecordBatch({ records: [input.records[0]!] });
    // The record ends with: header count 1, key len 1 'h', value len 1 'x'. Make the value length 5.
    badHeader[badHeader.length - 2] = 0x0a;
    writeBatchCrc(badHeader);
    expect(codeOf(() => validateBatch(badHeader))).toBe('CORRUPT_MESSAGE');
  });

  it('rejects a bad CRC', () => {
    const b = encodeRecordBatch(input);
    b[b.length - 1]! ^= 0xff;
    expect(codeOf(() => validateBatch(b))).toBe('CORRUPT_MESSAGE');
  });
});
