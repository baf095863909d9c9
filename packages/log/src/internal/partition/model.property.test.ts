/**
 * Model property: for arbitrary sequences of appends, segment rolls, DeleteRecords, deletion
 * of old segments, clean reopens and power cuts, every read and timestamp lookup returns
 * exactly what a simple in-memory model says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import type { Partition } from './partition.js';
import { open, readAll, rec } from './test-helpers.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

type Op =
  | { kind: 'append'; records: { value: string; ts: number }[] }
  | { kind: 'roll' }
  | { kind: 'deleteRecords'; frac: number }
  | { kind: 'deleteSegments'; n: number }
  | { kind: 'reopen' }
  | { kind: 'crash'; tear: boolean; seed: number }
  | { kind: 'lookup'; frac: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      records: fc.array(
        fc.record({ value: fc.string({ maxLength: 30 }), ts: fc.integer({ min: 0, max: 50 }) }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'roll' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteRecords' as const),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deleteSegments' as const), n: fc.integer({ min: 0, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('crash' as const), tear: fc.boolean(), seed: fc.integer() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('lookup' as const),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
);

describe('partition model', () => {
  it('reads and timestamp lookups match an in-memory model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(300, 700, 100_000),
        fc.constantFrom(0, 80, 400),
        async (ops, segmentBytes, interval) => {
          const cfg = { 'segment.bytes': segmentBytes, 'index.interval.bytes': interval };
          let io = new FaultyFileIO();
          let p: Partition = await open(io, cfg, new ManualClock(0));
          const model: { value: string; ts: number }[] = [];
          let lso = 0;
          for (const op of ops) {
            switch (op.kind) {
              case 'append': {
                // Timestamps mostly rise with the offset, with ties and some going back: the
                // shape that exercises sparse time-index entries.
                const recs = op.records.map((x, i) => ({
                  value: x.value,
                  ts: x.ts < 25 ? x.ts : model.length + i + (x.ts % 3),
                }));
                const r = await p.appendRecords(recs.map((x) => rec(x.value, null, x.ts)));
                expect(r.baseOffset).toBe(model.length);
                model.push(...recs);
                break;
              }
              case 'roll':
                await p.maintenance.rollActiveSegment();
                break;
              case 'deleteRecords': {
                const target = lso + Math.floor(op.frac * (model.length - lso));
                expect(await p.deleteRecordsBefore(target)).toBe(Math.max(lso, target));
                lso = Math.max(lso, target);
                break;
              }
              case 'deleteSegments': {
                const segs = await p.maintenance.listSegments();
                const deleted = await p.maintenance.deleteOldestSegments(op.n);
                expect(deleted).toBe(Math.max(0, Math.min(op.n, segs.length - 1)));
                if (deleted > 0) lso = Math.max(lso, segs[deleted]!.baseOffset);
                break;
              }
              case 'reopen':
                await p.close();
                p = await open(io, cfg, new ManualClock(0));
                expect(p.recovery.segmentsRecovered).toBe(0);
                break;
              case 'crash': {
                io = io.crash({ mode: op.tear ? 'tear-last-write' : 'drop-unsynced', seed: op.seed }).io;
                p = await open(io, cfg, new ManualClock(0));
                break;
              }
              case 'lookup': {
                const top = model.reduce((m, r) => Math.max(m, r.ts), 0) + 2;
                const ts = Math.floor(op.frac * top) - 1;
                const want = model.findIndex((r, o) => o >= lso && r.ts >= ts);
                const got = await p.offsetForTimestamp(ts);
                expect(got?.offset ?? -1).toBe(want);
                if (got !== null) expect(got.timestamp).toBe(model[want]!.ts);
                break;
              }
            }
            expect([p.logStartOffset, p.logEndOffset, p.highWatermark]).toEqual([
              lso,
              model.length,
              model.length,
            ]);
          }
          const seen = await readAll(p);
          expect(seen.map((r) => [r.offset, r.value, r.timestamp])).toEqual(
            model.map((r, o) => [o, r.value, r.ts]).slice(lso),
          );
          await p.close();
        },
      ),
      { numRuns: runs },
    );
  });
});
