/**
 * Rebuilding a partition's producer state on open (Kafka's loadProducerState): load the newest
 * usable snapshot not past the log end (snapshots past it describe appends lost in a crash and
 * are deleted), drop aborted-index entries at or after the replay point, then replay the batch
 * headers from there to the log end without re-checking sequences.
 */
import {
  decodeControlRecord,
  forEachRecord,
  isControlBatch,
  isTransactional,
  readBatchHeader,
} from '@rill/protocol';
import type { Partition } from '../partition/partition.js';
import { segmentIndexFor } from '../partition/read-path.js';
import type { ProducerBatchInfo } from './append-check.js';
import { producersDirty } from './dirty-marker.js';
import { listSnapshots, parseSnapshot, snapshotPath } from './snapshot.js';
import type { AbortedTxn } from './txn-index.js';

const REPLAY_READ_BYTES = 4 * 1024 * 1024;

/** What recovery found, for the partition's recovery report and tests. */
export interface ProducerRecovery {
  /** Offset of the snapshot loaded, or -1. */
  readonly snapshotOffset: number;
  /** Batches replayed after it. */
  readonly batchesReplayed: number;
  /** False when no producer batch follows the last clean close (nothing to replay). */
  readonly replayed: boolean;
}

export async function recoverProducerState(p: Partition): Promise<ProducerRecovery> {
  const { io, dir } = p;
  const state = p.producers;
  const end = p.logEndOffset;
  const logStart = p.logStartOffset;
  let snapshotOffset = -1;
  const snaps = await listSnapshots(io, dir);
  for (let i = snaps.length - 1; i >= 0; i--) {
    const off = snaps[i]!;
    const path = snapshotPath(dir, off);
    if (off > end) {
      await io.unlink(path);
      continue;
    }
    const parsed = parseSnapshot(await io.readFile(path));
    if (typeof parsed === 'string') {
      // An unusable snapshot only costs a longer replay from an older one.
      await io.unlink(path);
      continue;
    }
    state.restore(parsed);
    snapshotOffset = off;
    break;
  }
  const from = Math.max(snapshotOffset, logStart);
  await state.txnIndex.load(logStart);
  const dirty = await producersDirty(io, dir);
  p.producersDirty = dirty;
  if (!dirty) return { snapshotOffset, batchesReplayed: 0, replayed: false };
  await state.txnIndex.truncateFrom(from);

  const where = `${p.topic}-${p.partition}`;
  const now = p.clock.now();
  const pending = new Map<number, AbortedTxn[]>();
  let batchesReplayed = 0;
  let offset = from;
  while (offset < end) {
    const { batches } = await p.read(offset, { maxBytes: REPLAY_READ_BYTES });
    // Nothing stored from here to the end: compaction emptied the tail of the closed segments
    // (offsets are kept, so the log end lies past its last batch) and the active segment is
    // empty, e.g. just rolled or cut back by a crash. The rest is a gap, not damage: recovery
    // validated every segment before this replay.
    if (batches.length === 0) break;
    for (let pos = 0; pos < batches.length;) {
      const h = readBatchHeader(batches, pos);
      const size = h.batchLength + 12;
      const next = h.baseOffset + h.lastOffsetDelta + 1;
      if (next > offset && (h.producerId >= 0 || isControlBatch(h.attributes))) {
        const batch = batches.subarray(pos, pos + size);
        let control: ProducerBatchInfo['control'] = null;
        if (isControlBatch(h.attributes)) {
          forEachRecord(
            batch,
            (r) => {
              const c = decodeControlRecord(r);
              control = { commit: c.type === 'COMMIT', coordinatorEpoch: c.coordinatorEpoch };
            },
            { verifyCrc: false },
          );
        }
        const info: ProducerBatchInfo = {
          producerId: h.producerId,
          producerEpoch: h.producerEpoch,
          baseSequence: h.baseSequence,
          lastOffsetDelta: h.lastOffsetDelta,
          isTransactional: isTransactional(h.attributes),
          control,
        };
        // Replayed producers count as seen now: batch timestamps are producer-chosen (CreateTime)
        // and would expire live producers early.
        const prepared = state.prepare([info], h.baseOffset, now, where, false);
        for (const a of state.commit(prepared, now, false)) {
          const base = p.segments[segmentIndexFor(p.segments, a.lastOffset)]!.baseOffset;
          state.txnIndex.add(a, base);
          let list = pending.get(base);
          if (list === undefined) pending.set(base, (list = []));
          list.push(a);
        }
        batchesReplayed++;
      }
      offset = Math.max(offset, next);
      pos += size;
    }
  }
  for (const [base, list] of pending) await state.txnIndex.persist(list, base);
  return { snapshotOffset, batchesReplayed, replayed: true };
}
