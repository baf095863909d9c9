import { describe, expect, it } from 'vitest';
import { verifyBatchCrc } from './crc.js';
import { decodeRecordBatch } from './decode.js';
import { encodeRecordBatch } from './encode.js';
import { setBaseOffset, stampLogAppendTime } from './mutate.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};
const batch = (): Buffer =>
  encodeRecordBatch({
    records: [
      { key: null, value: Buffer.from('v'), timestamp: 5 },
      { key: null, value: null, timestamp: 9 },
    ],
  });

describe('setBaseOffset', () => {
  it('moves every record offset and keeps the CRC valid', () => {
    const b = batch();
    setBaseOffset(b, 2 ** 40);
    verifyBatchCrc(b);
    expect(decodeRecordBatch(b).records.map((r) => r.offset)).toEqual([2 ** 40, 2 ** 40 + 1]);
    expect(codeOf(() => setBaseOffset(b, -1))).toBe('VALUE_OUT_OF_RANGE');
    expect(codeOf(() => setBaseOffset(b, 2 ** 53))).toBe('VALUE_OUT_OF_RANGE');
  });
});

describe('stampLogAppendTime', () => {
  it('sets the timestamp type and maxTimestamp, recomputing the CRC', () => {
    for (const compression of ['none', 'gzip'] as const) {
      const b = encodeRecordBatch({ records: [{ key: null, value: null, timestamp: 5 }], compression });
      stampLogAppendTime(b, 1234);
      verifyBatchCrc(b);
      const { header, records } = decodeRecordBatch(b);
      expect(header.attributes & 0x0f).toBe(0x08 | (compression === 'gzip' ? 1 : 0));
      expect(header.maxTimestamp).toBe(1234);
      expect(header.baseTimestamp).toBe(5);
      expect(records[0]!.timestamp).toBe(1234);
    }
  });

  it('rejects a non-integer timestamp and a truncated batch', () => {
    expect(codeOf(() => stampLogAppendTime(batch(), 0.5))).toBe('VALUE_OUT_OF_RANGE');
    expect(codeOf(() => stampLogAppendTime(batch().subarray(0, 70), 1))).toBe('TRUNCATED');
  });
});
