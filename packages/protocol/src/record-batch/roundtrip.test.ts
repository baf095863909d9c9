import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchArb, expectedRecords, plain, runs } from '../../test/arbitraries.js';
import { decodeRecordBatch, forEachRecord } from './decode.js';
import { encodeRecordBatch } from './encode.js';
import { CompressionCodec, type Record } from './types.js';
import { splitBatches } from './split.js';
import { validateBatch } from './validate.js';

describe('record batch round-trip (property)', () => {
  it('decode(encode(batch)) gives back every field and record', () => {
    fc.assert(
      fc.property(batchArb, (input) => {
        const buf = encodeRecordBatch(input);
        const { header, records } = decodeRecordBatch(buf);
        const n = input.records.length;
        const tsOf = (i: number): number => input.records[i]?.timestamp ?? header.baseTimestamp;
        const maxTs =
          input.maxTimestamp ?? Math.max(header.baseTimestamp, ...input.records.map((_, i) => tsOf(i)));

        expect(header.batchLength + 12).toBe(buf.length);
        expect(header).toMatchObject({
          baseOffset: input.baseOffset ?? 0,
          magic: 2,
          partitionLeaderEpoch: input.partitionLeaderEpoch ?? -1,
          lastOffsetDelta: n - 1,
          maxTimestamp: maxTs,
          producerId: input.producerId ?? -1,
          producerEpoch: input.producerEpoch ?? -1,
          baseSequence: input.baseSequence ?? -1,
          recordsCount: n,
        });
        expect(header.attributes & 7).toBe(CompressionCodec[input.compression ?? 'none']);
        expect((header.attributes & 8) !== 0).toBe(input.timestampType === 'LogAppendTime');
        expect((header.attributes & 16) !== 0).toBe(!!input.isTransactional);
        expect((header.attributes & 32) !== 0).toBe(!!input.isControl);
        expect(records.map(plain)).toEqual(expectedRecords(input, header.maxTimestamp));

        const scanned: object[] = [];
        forEachRecord(buf, (r: Record) => scanned.push(plain(r)));
        expect(scanned).toEqual(records.map(plain));
        if (n > 0 && !input.isControl) expect(validateBatch(buf).header).toEqual(header);
      }),
      { numRuns: runs },
    );
  });

  it('splitBatches recovers concatenated batches and drops a partial tail', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 1, maxLength: 4 }), fc.nat(), (inputs, cut) => {
        const batches = inputs.map((b) => encodeRecordBatch({ ...b, records: b.records.slice(0, 50) }));
        const all = Buffer.concat(batches);
        expect(splitBatches(all).map((b) => b.toString('hex'))).toEqual(
          batches.map((b) => b.toString('hex')),
        );
        const last = batches[batches.length - 1]!;
        const partial = all.subarray(0, all.length - 1 - (cut % last.length));
        expect(splitBatches(partial)).toHaveLength(batches.length - 1);
      }),
      { numRuns: Math.max(10, Math.floor(runs / 2)) },
    );
  });
});
