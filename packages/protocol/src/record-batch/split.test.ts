import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from './encode.js';
import { completeBatchesLength, iterateBatches, splitBatches } from './split.js';

const b = (n: number): Buffer =>
  encodeRecordBatch({
    records: Array.from({ length: n }, () => ({ key: null, value: Buffer.alloc(n) })),
    baseTimestamp: 0,
  });

describe('splitBatches / iterateBatches', () => {
  it('splits concatenated batches and stops at a partial trailing batch', () => {
    const parts = [b(1), b(2), b(3)];
    const all = Buffer.concat(parts);
    expect(splitBatches(all)).toHaveLength(3);
    expect([...iterateBatches(all)].map((x) => x.length)).toEqual(parts.map((p) => p.length));
    for (const cut of [1, 11, 12, 60, parts[2]!.length - 1]) {
      const partial = all.subarray(0, all.length - cut);
      expect(splitBatches(partial)).toHaveLength(2);
      expect(completeBatchesLength(partial)).toBe(parts[0]!.length + parts[1]!.length);
    }
    expect(splitBatches(Buffer.alloc(0))).toEqual([]);
  });

  it('throws CORRUPT_MESSAGE for a length field below the header size', () => {
    const bad = Buffer.concat([b(1), Buffer.from('000000000000000000000010', 'hex')]);
    expect(() => splitBatches(bad)).toThrow(expect.objectContaining({ code: 'CORRUPT_MESSAGE' }));
  });
});
