/**
 * Helpers for the tests where transactions meet compaction and retention (not collected as a
 * test file): transactional batches and markers through the engine, and a read_committed reader
 * that applies the aborted-transaction lists as Kafka's consumer does.
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
import type { LogEngine } from '../src/index.js';
import type { Seen } from './maintenance-helpers.js';

/** One transactional batch of `pid` (keyed records, sequence `seq`). */
export function txnBatch(
  pid: number,
  seq: number,
  records: readonly (readonly [string, string | null])[],
  timestamp: number,
  epoch = 0,
): Buffer {
  return encodeRecordBatch({
    records: records.map(([k, v]) => ({
      key: Buffer.from(k),
      value: v === null ? null : Buffer.from(v),
      timestamp,
    })),
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: seq,
    isTransactional: true,
  });
}

export function markerBatch(pid: number, commit: boolean, timestamp: number, epoch = 0): Buffer {
  return encodeControlBatch({
    type: commit ? 'COMMIT' : 'ABORT',
    producerId: pid,
    producerEpoch: epoch,
    coordinatorEpoch: 0,
    timestamp,
  });
}

/** Ends `pid`'s transaction on `topic`-0 as its coordinator would; returns the marker's offset. */
export async function endTxn(
  engine: LogEngine,
  topic: string,
  pid: number,
  commit: boolean,
  timestamp: number,
): Promise<number> {
  return (await engine.appendControlBatch(topic, 0, markerBatch(pid, commit, timestamp))).baseOffset;
}

/**
 * Every record a read_committed consumer is given from the log start to the last stable offset:
 * reads with `isolation: 'read_committed'`, then Kafka's consumer-side filter over the aborted
 * transactions each response lists (a producer is skipped from its aborted transaction's first
 * offset until its ABORT marker).
 */
export async function readCommitted(engine: LogEngine, topic: string): Promise<Seen[]> {
  const out: Seen[] = [];
  let offset = engine.offsets(topic, 0).logStartOffset;
  const pending: { producerId: number; firstOffset: number }[] = [];
  const known = new Set<string>();
  const skipping = new Set<number>();
  for (;;) {
    const r = await engine.read(topic, 0, offset, { isolation: 'read_committed', maxBytes: 1 });
    if (r.batches.length === 0) return out;
    for (const a of r.abortedTransactions ?? []) {
      const id = `${a.producerId}@${a.firstOffset}`;
      if (!known.has(id)) {
        known.add(id);
        pending.push(a);
      }
    }
    pending.sort((a, b) => a.firstOffset - b.firstOffset);
    for (const batch of iterateBatches(r.batches)) {
      const h = readBatchHeader(batch);
      const last = h.baseOffset + h.lastOffsetDelta;
      while (pending.length > 0 && pending[0]!.firstOffset <= last) skipping.add(pending.shift()!.producerId);
      if (isControlBatch(h.attributes)) {
        forEachRecord(batch, (rec) => {
          if (decodeControlRecord(rec).type === 'ABORT') skipping.delete(h.producerId);
        });
      } else if (!(isTransactional(h.attributes) && skipping.has(h.producerId))) {
        forEachRecord(batch, (rec) => {
          if (rec.offset < offset) return;
          out.push({
            offset: rec.offset,
            key: rec.key === null ? null : rec.key.toString(),
            value: rec.value === null ? null : rec.value.toString(),
            timestamp: rec.timestamp,
          });
        });
      }
      offset = Math.max(offset, last + 1);
    }
  }
}

/** `[offset, key, value]` triples, for readable failures. */
export const triples = (xs: readonly Seen[]) => xs.map((r) => [r.offset, r.key, r.value] as const);
