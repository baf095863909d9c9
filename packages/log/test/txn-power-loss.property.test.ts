/**
 * Power loss with transactions at the partition (FaultyFileIO): two transactional producers and
 * plain appends, with rolls (producer snapshots), clean reopens and a power cut at an arbitrary
 * I/O operation. After recovery the partition must agree with its own log: a read_committed
 * reader (fetching with the aborted-transactions lists, as a Kafka consumer) sees exactly the
 * records of transactions whose COMMIT marker survived plus plain records, up to the first
 * transaction without a marker, which is where the last stable offset stands.
 */
import {
  decodeControlRecord,
  encodeControlBatch,
  encodeRecordBatch,
  forEachRecord,
  isControlBatch,
  isTransactional,
  iterateBatches,
  readBatchHeader,
} from '@rill/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/internal/clock/manual-clock.js';
import { FaultyFileIO } from '../src/internal/io/faulty-file-io.js';
import type { Partition } from '../src/internal/partition/partition.js';
import { open } from '../src/internal/partition/test-helpers.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

type Op =
  | { readonly kind: 'data'; readonly pid: 1 | 2; readonly n: number }
  | { readonly kind: 'end'; readonly pid: 1 | 2; readonly commit: boolean }
  | { readonly kind: 'plain' }
  | { readonly kind: 'reopen' };

const pid = fc.constantFrom<1 | 2>(1, 2);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('data' as const), pid, n: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('end' as const), pid, commit: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('plain' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

/** What the recovered log itself says a read_committed reader must see, and where the LSO is. */
function expectedFromLog(batches: Buffer, end: number): { values: string[]; lso: number } {
  const open = new Map<number, { first: number; values: { offset: number; value: string }[] }>();
  const committed: { offset: number; value: string }[] = [];
  for (const b of iterateBatches(batches)) {
    const h = readBatchHeader(b);
    if (isControlBatch(h.attributes)) {
      let commit = false;
      forEachRecord(b, (r) => void (commit = decodeControlRecord(r).type === 'COMMIT'));
      const t = open.get(h.producerId);
      if (t !== undefined && commit) committed.push(...t.values);
      open.delete(h.producerId);
      continue;
    }
    const values: { offset: number; value: string }[] = [];
    forEachRecord(b, (r) => void values.push({ offset: r.offset, value: r.value!.toString() }));
    if (!isTransactional(h.attributes)) committed.push(...values);
    else {
      const t = open.get(h.producerId) ?? { first: h.baseOffset, values: [] };
      t.values.push(...values);
      open.set(h.producerId, t);
    }
  }
  const lso = Math.min(end, ...[...open.values()].map((t) => t.first));
  return {
    values: committed
      .filter((x) => x.offset < lso)
      .sort((a, b) => a.offset - b.offset)
      .map((x) => x.value),
    lso,
  };
}

async function readAllUncommitted(p: Partition): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = p.logStartOffset; offset < p.highWatermark;) {
    const { batches } = await p.read(offset);
    if (batches.length === 0) break;
    parts.push(batches);
    for (const b of iterateBatches(batches)) {
      const h = readBatchHeader(b);
      offset = h.baseOffset + h.lastOffsetDelta + 1;
    }
  }
  return Buffer.concat(parts);
}

async function readCommittedValues(p: Partition): Promise<string[]> {
  const out: string[] = [];
  const pending: { producerId: number; firstOffset: number }[] = [];
  const aborted = new Set<number>();
  for (let offset = p.logStartOffset; ;) {
    const r = await p.read(offset, { isolation: 'read_committed' });
    if (r.batches.length === 0) break;
    pending.push(...r.abortedTransactions!);
    pending.sort((a, b) => a.firstOffset - b.firstOffset);
    for (const b of iterateBatches(r.batches)) {
      const h = readBatchHeader(b);
      const last = h.baseOffset + h.lastOffsetDelta;
      expect(last).toBeLessThan(r.lastStableOffset);
      while (pending.length > 0 && pending[0]!.firstOffset <= last) aborted.add(pending.shift()!.producerId);
      if (isControlBatch(h.attributes)) {
        forEachRecord(b, (rec) => {
          if (decodeControlRecord(rec).type === 'ABORT') aborted.delete(h.producerId);
        });
      } else if (!(isTransactional(h.attributes) && aborted.has(h.producerId))) {
        forEachRecord(b, (rec) => void out.push(rec.value!.toString()));
      }
      offset = last + 1;
    }
  }
  return out;
}

describe('transactions under power loss', () => {
  it('after recovery the LSO and read_committed agree with the markers that survived', async () => {
    const stats = { crashes: 0, aborted: 0, replays: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom<'drop-unsynced' | 'tear-last-write'>('drop-unsynced', 'tear-last-write'),
        fc.integer(),
        async (ops, crashAt, mode, seed) => {
          const cfg = { 'segment.bytes': 400, 'rill.group.commit.ms': 0 };
          const clock = new ManualClock(0);
          let io = new FaultyFileIO();
          let p = await open(io, cfg, clock);
          io.crashAfterOps(crashAt, { mode, seed });
          const seq = new Map<number, number>();
          let value = 0;
          try {
            for (const op of ops) {
              if (op.kind === 'data') {
                const s = seq.get(op.pid) ?? 0;
                const records = Array.from({ length: op.n }, () => ({
                  key: null,
                  value: Buffer.from(`v${value++}`),
                  timestamp: 1,
                }));
                await p.appendBatches(
                  encodeRecordBatch({
                    records,
                    producerId: op.pid,
                    producerEpoch: 0,
                    baseSequence: s,
                    isTransactional: true,
                  }),
                );
                seq.set(op.pid, s + op.n);
              } else if (op.kind === 'end') {
                const type = op.commit ? 'COMMIT' : 'ABORT';
                await p.appendBatches(
                  encodeControlBatch({
                    type,
                    producerId: op.pid,
                    producerEpoch: 0,
                    coordinatorEpoch: 0,
                    timestamp: 1,
                  }),
                  { allowControl: true },
                );
              } else if (op.kind === 'plain') {
                await p.appendRecords([{ key: null, value: Buffer.from(`p${value++}`) }]);
              } else {
                await p.close();
                p = await open(io, cfg, clock);
              }
            }
          } catch (e) {
            // Only the power cut may interrupt the run.
            expect(io.lastCrash, String(e)).not.toBeNull();
          }
          const crash = io.lastCrash ?? io.crash({ mode, seed });
          if (io.lastCrash !== null) stats.crashes++;
          io = crash.io;
          const q = await open(io, cfg, clock);
          if (q.recovery.producers?.replayed === true) stats.replays++;
          const expected = expectedFromLog(await readAllUncommitted(q), q.highWatermark);
          expect(q.lastStableOffset).toBe(expected.lso);
          expect(await readCommittedValues(q)).toEqual(expected.values);
          stats.aborted += q.producers.txnIndex.size;
          // Ending what is open makes everything stable again.
          for (const id of q.producers.openTransactions().keys()) {
            await q.appendBatches(
              encodeControlBatch({
                type: 'ABORT',
                producerId: id,
                producerEpoch: 0,
                coordinatorEpoch: 0,
                timestamp: 1,
              }),
              { allowControl: true },
            );
          }
          expect(q.lastStableOffset).toBe(q.highWatermark);
          await q.close();
        },
      ),
      { numRuns: runs },
    );
    if (runs >= 100) {
      expect(stats.crashes).toBeGreaterThan(0);
      expect(stats.aborted).toBeGreaterThan(0);
      expect(stats.replays).toBeGreaterThan(0);
    }
    console.info(`[txn-power-loss] ${JSON.stringify(stats)}`);
  });
});
