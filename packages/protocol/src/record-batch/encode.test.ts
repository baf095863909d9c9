import { describe, expect, it } from 'vitest';
import { decodeRecordBatch } from './decode.js';
import { encodeRecordBatch } from './encode.js';
import { readBatchHeader } from './header.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('encodeRecordBatch', () => {
  it('writes the spec layout for a one-record batch', () => {
    const buf = encodeRecordBatch({
      records: [{ key: Buffer.from('k'), value: Buffer.from('vv'), headers: [{ key: 'h', value: null }] }],
      baseTimestamp: 1000,
      baseOffset: 5,
    });
    const hex = buf.toString('hex');
    // header (61 bytes) after baseOffset/length/epoch/magic/crc: attributes 0, lastOffsetDelta 0,
    // timestamps 1000, producerId -1, epoch -1, sequence -1, count 1
    expect(hex.slice(0, 24)).toBe('0000000000000005' + (buf.length - 12).toString(16).padStart(8, '0'));
    expect(hex.slice(24, 34)).toBe('ffffffff02');
    expect(hex.slice(42, 122)).toBe(
      '0000' +
        '00000000' +
        '00000000000003e8'.repeat(2) +
        'ffffffffffffffff' +
        'ffff' +
        'ffffffff' +
        '00000001',
    );
    // record: length 12 (zigzag 0x18), attrs 0, tsDelta 0, offsetDelta 0, key len 1 'k', value len 2 'vv', 1 header 'h' null
    expect(hex.slice(122)).toBe(
      '18' + '00' + '00' + '00' + '02' + '6b' + '04' + '7676' + '02' + '02' + '68' + '01',
    );
  });

  it('applies the documented defaults', () => {
    const before = Date.now();
    const h = readBatchHeader(encodeRecordBatch({ records: [{ key: null, value: null }] }));
    expect(h.baseTimestamp).toBeGreaterThanOrEqual(before);
    expect(h).toMatchObject({
      baseOffset: 0,
      partitionLeaderEpoch: -1,
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
    });
    expect(h.maxTimestamp).toBe(h.baseTimestamp);
    const empty = readBatchHeader(encodeRecordBatch({ records: [], baseTimestamp: 1 }));
    expect(empty).toMatchObject({ recordsCount: 0, lastOffsetDelta: -1 });
  });

  it('keeps explicit offset deltas and lastOffsetDelta (compacted batches have gaps)', () => {
    const buf = encodeRecordBatch({
      records: [
        { key: null, value: Buffer.from('a'), offsetDelta: 1 },
        { key: null, value: Buffer.from('b'), offsetDelta: 4 },
      ],
      baseOffset: 100,
      lastOffsetDelta: 9,
      baseTimestamp: 0,
    });
    const { header, records } = decodeRecordBatch(buf);
    expect(header.lastOffsetDelta).toBe(9);
    expect(records.map((r) => r.offset)).toEqual([101, 104]);
  });

  it('rejects fields outside their types', () => {
    const one = [{ key: null, value: null }];
    expect(codeOf(() => encodeRecordBatch({ records: one, producerEpoch: 40000 }))).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(codeOf(() => encodeRecordBatch({ records: one, baseOffset: 2 ** 53 }))).toBe('VALUE_OUT_OF_RANGE');
    expect(codeOf(() => encodeRecordBatch({ records: one, baseSequence: 2 ** 31 }))).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(codeOf(() => encodeRecordBatch({ records: [{ key: null, value: null, timestamp: 1.5 }] }))).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(codeOf(() => encodeRecordBatch({ records: [{ key: null, value: null, offsetDelta: -1 }] }))).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(
      codeOf(() => encodeRecordBatch({ records: one, compression: 'brotli' as unknown as 'none' })),
    ).toBe('UNSUPPORTED_COMPRESSION_TYPE');
  });
});
