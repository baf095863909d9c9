/**
 * The model property at engine level: for arbitrary sequences of keyed appends (with
 * tombstones), segment rolls (small segment.bytes, segment.ms with the clock moving),
 * retention (DeleteRecords, retention.ms, retention.bytes), compaction (also with a dedupe
 * buffer too small for the keys), clean reopens and power cuts that keep only acknowledged
 * data, every read returns exactly what a simple in-memory model says: the records appended,
 * at their offsets, from the log start offset, with compaction leaving the latest record per
 * key below the cleaned point (offsets preserved) and dropping tombstones once their
 * delete.retention.ms horizon has passed.
 *
 * What the model takes from the engine: where a compaction stopped (the active segment's base,
 * reported by compact) and where retention moved the log start offset (segment boundaries
 * depend on byte sizes); both are checked for consistency rather than trusted blindly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultyFileIO, ManualClock, type LogEngine, type TopicConfigInput } from '../src/index.js';
import { openTestEngine, readRecords, type Seen } from './maintenance-helpers.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const T0 = 1_000_000;
const KEYS = 6;
/** 5 slots of 24 bytes, 4 keys at the 0.9 load factor: fewer than the keys, more than one batch's. */
const SMALL_DEDUPE = 120;

type Op =
  | { kind: 'append'; records: { key: number; tombstone: boolean }[] }
  | { kind: 'advance'; ms: number }
  | { kind: 'deleteRecords'; frac: number }
  | { kind: 'retention' }
  | { kind: 'compact'; small: boolean }
  | { kind: 'reopen' }
  | { kind: 'crash'; tear: boolean; seed: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      records: fc.array(
        fc.record({
          key: fc.integer({ min: 0, max: KEYS - 1 }),
          tombstone: fc.integer({ min: 0, max: 99 }).map((n) => n < 15),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 4000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteRecords' as const),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'retention' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('compact' as const), small: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('crash' as const), tear: fc.boolean(), seed: fc.integer() }),
  },
);

const configArb = fc.record({
  'cleanup.policy': fc.constantFrom('compact', 'compact,delete', 'delete'),
  'delete.retention.ms': fc.constantFrom(0, 1_000_000_000),
  'retention.ms': fc.constantFrom(-1, 2000),
  'retention.bytes': fc.constantFrom(-1, 700),
  'segment.bytes': fc.constantFrom(250, 600, 100_000),
  'segment.ms': fc.constantFrom(3000, 1_000_000_000),
});

interface ModelRecord extends Seen {
  present: boolean;
}

class Model {
  readonly log: ModelRecord[] = [];
  lso = 0;
  /** Highest point compaction has reached: the active segment's base never moves back. */
  cleanedTo = 0;

  visible(): Seen[] {
    return this.log
      .filter((r) => r.present && r.offset >= this.lso)
      .map(({ offset, key, value, timestamp }) => ({ offset, key, value, timestamp }));
  }

  /** Compaction up to `end`: only the latest per key remains there; tombstones go when their horizon passed. */
  compact(end: number, dropTombstones: boolean): void {
    const latest = new Map<string, number>();
    for (const r of this.log) if (r.present && r.offset < end) latest.set(r.key!, r.offset);
    for (const r of this.log) {
      if (!r.present || r.offset >= end) continue;
      if (latest.get(r.key!) !== r.offset || (dropTombstones && r.value === null)) r.present = false;
    }
  }
}

describe('engine model', () => {
  it('reads match an in-memory model across appends, rolls, retention, compaction, reopen and crashes', async () => {
    // What the runs exercised, so the property cannot quietly become vacuous.
    const seen = { compactions: 0, multiPass: 0, tombstonesDropped: 0, retentionDeletes: 0 };
    await fc.assert(
      fc.asyncProperty(
        configArb,
        fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' }),
        async (config, ops) => {
          const clock = new ManualClock(T0);
          let io = new FaultyFileIO();
          const broker = { 'log.retention.check.interval.ms': 1_000_000_000_000 };
          let engine: LogEngine = await openTestEngine(io, clock, broker);
          await engine.createTopic('t', { configs: config as TopicConfigInput });
          const policy = config['cleanup.policy'];
          const model = new Model();
          const check = async (): Promise<void> => {
            expect(engine.offsets('t', 0)).toMatchObject({
              logStartOffset: model.lso,
              highWatermark: model.log.length,
              logEndOffset: model.log.length,
            });
            expect(await readRecords(engine, 't')).toEqual(model.visible());
          };
          for (const op of ops) {
            switch (op.kind) {
              case 'append': {
                const now = clock.now();
                const records = op.records.map((x, i) => ({
                  key: `k${x.key}`,
                  value: x.tombstone ? null : `v${model.log.length + i}`,
                }));
                const r = await engine.appendToPartition(
                  't',
                  0,
                  records.map((x) => ({
                    key: Buffer.from(x.key),
                    value: x.value === null ? null : Buffer.from(x.value),
                    timestamp: now,
                  })),
                );
                expect(r.baseOffset).toBe(model.log.length);
                for (const x of records)
                  model.log.push({ offset: model.log.length, ...x, timestamp: now, present: true });
                break;
              }
              case 'advance':
                clock.advance(op.ms);
                break;
              case 'deleteRecords': {
                const target = model.lso + Math.floor(op.frac * (model.log.length - model.lso));
                expect(await engine.deleteRecords('t', 0, target)).toBe(Math.max(model.lso, target));
                model.lso = Math.max(model.lso, target);
                break;
              }
              case 'retention': {
                const before = model.lso;
                const [r] = await engine.runRetention('t');
                const after = r!.logStartOffset;
                expect(after).toBe(engine.offsets('t', 0).logStartOffset);
                expect(after).toBeGreaterThanOrEqual(before);
                expect(after).toBeLessThanOrEqual(model.log.length);
                const deletes = policy.includes('delete');
                if (!deletes) expect(after).toBe(before);
                const gone = model.log.filter((x) => x.present && x.offset >= before && x.offset < after);
                const cutoff = clock.now() - config['retention.ms'];
                if (deletes && config['retention.bytes'] < 0) {
                  // Only retention.ms applies: everything it removed had expired ...
                  for (const x of gone) expect(x.timestamp).toBeLessThan(cutoff);
                  // ... and when everything had, all of it went (the active segment rolled).
                  const live = model.visible();
                  if (
                    config['retention.ms'] >= 0 &&
                    live.length > 0 &&
                    live.every((x) => x.timestamp < cutoff)
                  )
                    expect(after).toBe(model.log.length);
                }
                model.lso = after;
                if (r!.segmentsDeleted > 0) seen.retentionDeletes++;
                break;
              }
              case 'compact': {
                if (!policy.includes('compact')) {
                  await expect(engine.compact('t', 0)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
                  break;
                }
                const r = await engine.compact('t', 0, op.small ? { dedupeBufferBytes: SMALL_DEDUPE } : {});
                const end = r.firstUncleanableOffset;
                expect(end).toBeGreaterThanOrEqual(model.cleanedTo);
                expect(end).toBeLessThanOrEqual(model.log.length);
                expect(r.nextDirtyOffset).toBeLessThanOrEqual(end);
                model.cleanedTo = end;
                if (r.recordsRemoved > 0) seen.compactions++;
                if (r.passes > 1) seen.multiPass++;
                if (r.tombstonesRemoved > 0) seen.tombstonesDropped++;
                model.compact(end, config['delete.retention.ms'] === 0);
                break;
              }
              case 'reopen':
                await engine.close();
                engine = await openTestEngine(io, clock, broker);
                break;
              case 'crash':
                // Every append was acknowledged (durable), so the power cut may lose nothing.
                io = io.crash({ mode: op.tear ? 'tear-last-write' : 'drop-unsynced', seed: op.seed }).io;
                engine = await openTestEngine(io, clock, broker);
                break;
            }
            await check();
          }
          await engine.close();
        },
      ),
      { numRuns: runs },
    );
    if (runs >= 100) {
      expect(seen.compactions).toBeGreaterThan(0);
      expect(seen.multiPass).toBeGreaterThan(0);
      expect(seen.tombstonesDropped).toBeGreaterThan(0);
      expect(seen.retentionDeletes).toBeGreaterThan(0);
    }
  });
});
