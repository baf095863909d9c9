import { describe, expect, it } from 'vitest';
import { decodeControlRecord, encodeControlBatch } from './control.js';
import { decodeRecordBatch } from './decode.js';

describe('control batches', () => {
  it('round-trips COMMIT and ABORT markers', () => {
    for (const type of ['COMMIT', 'ABORT'] as const) {
      const buf = encodeControlBatch({
        type,
        producerId: 9,
        producerEpoch: 2,
        coordinatorEpoch: 77,
        timestamp: 3,
      });
      const { header, records } = decodeRecordBatch(buf);
      expect(header.attributes & 0x30).toBe(0x30);
      expect(header).toMatchObject({ producerId: 9, producerEpoch: 2, baseSequence: -1, recordsCount: 1 });
      expect(decodeControlRecord(records[0]!)).toEqual({ type, version: 0, coordinatorEpoch: 77 });
    }
  });

  it('rejects records that are not transaction markers', () => {
    const rec = (key: Buffer | null, value: Buffer | null) => ({
      offset: 0,
      timestamp: 0,
      attributes: 0,
      headers: [],
      key,
      value,
    });
    const value = Buffer.from('0000' + '00000001', 'hex');
    for (const key of [
      null,
      Buffer.from('0000', 'hex'),
      Buffer.from('00000002', 'hex'),
      Buffer.from('00010001', 'hex'),
    ]) {
      expect(() => decodeControlRecord(rec(key, value))).toThrow(
        expect.objectContaining({ code: 'INVALID_RECORD' }),
      );
    }
    expect(() =>
      decodeControlRecord(rec(Buffer.from('00000001', 'hex'), Buffer.from('0000', 'hex'))),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RECORD' }));
  });
});
