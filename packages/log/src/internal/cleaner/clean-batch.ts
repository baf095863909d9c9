/**
 * Cleans one stored RecordBatch v2 against the offset map: Kafka's LogCleaner record filter plus
 * MemoryRecords.filterTo, for one batch at a time so memory stays at one batch.
 *
 * Per record (offset below `cleanUpTo`):
 * - keyed, and a later offset for the key is in the map -> removed (superseded);
 * - tombstone (null value) that is the latest for its key -> kept until its batch's delete horizon
 *   has passed, then removed. The horizon follows KIP-534: the first pass that keeps a tombstone
 *   stamps its batch with `now + delete.retention.ms` (attribute bit 6, the horizon stored as the
 *   base timestamp; record timestamps stay correct because their deltas are rewritten against it);
 * - no key -> kept and counted (Kafka rejects such records on append to compacted topics; a log
 *   that received them before its policy changed must not lose them silently);
 * - records at or after `cleanUpTo` (beyond what the offset map covers) are kept untouched.
 *
 * Per batch: control batches follow TransactionCleaningState's rule; a batch whose records all
 * go is dropped, except that `retainEmptyBatch` may keep its header (an empty batch that preserves
 * a producer's last sequence and epoch for idempotence, as Kafka does for the last batch of each
 * active producer). A batch that keeps everything and needs no new horizon is returned as the
 * original bytes; otherwise it is rebuilt with the same base offset, last offset delta, producer
 * fields, timestamp type and codec, and the kept records keep their original offsets (gaps).
 */
import {
  ATTR_CONTROL_MASK,
  ATTR_DELETE_HORIZON_MASK,
  ATTR_TIMESTAMP_TYPE_MASK,
  ATTR_TRANSACTIONAL_MASK,
  ATTRIBUTES_OFFSET,
  compressionCodecName,
  compressionOf,
  computeBatchCrc,
  CRC_OFFSET,
  encodeRecordBatch,
  forEachRecord,
  readBatchHeader,
  verifyBatchCrc,
  type BatchHeader,
  type Record,
  type RecordInput,
} from '@rill/protocol';
import type { OffsetMap } from './offset-map.js';
import type { TransactionCleaningState } from './transaction-state.js';

export interface CleanBatchContext {
  readonly map: OffsetMap;
  /** Records at or after this offset are beyond the map's coverage and kept as they are. */
  readonly cleanUpTo: number;
  readonly now: number;
  /** `delete.retention.ms`: how long a tombstone (and a removable marker) stays after it is first cleaned. */
  readonly deleteRetentionMs: number;
  readonly transactions: TransactionCleaningState;
  /**
   * Keep the header of a producer's batch whose records were all removed? Default: yes for every
   * batch with a producer id (the conservative rule); the producer-state layer should narrow it to
   * each producer's last batch, as Kafka does, so emptied older batches disappear.
   */
  readonly retainEmptyBatch?: (header: BatchHeader) => boolean;
  /** True if the transactional batch belongs to an aborted transaction (its records are dropped). */
  readonly isAborted?: (header: BatchHeader) => boolean;
  /** Verify each batch's CRC before trusting its bytes (default true). */
  readonly verifyCrc?: boolean;
}

/** Counters a pass accumulates over its batches. */
export interface CleanBatchStats {
  recordsRead: number;
  recordsKept: number;
  recordsRemoved: number;
  tombstonesRemoved: number;
  keylessRecords: number;
  batchesRebuilt: number;
  batchesRemoved: number;
  emptyBatchesRetained: number;
}

export function emptyCleanBatchStats(): CleanBatchStats {
  return {
    recordsRead: 0,
    recordsKept: 0,
    recordsRemoved: 0,
    tombstonesRemoved: 0,
    keylessRecords: 0,
    batchesRebuilt: 0,
    batchesRemoved: 0,
    emptyBatchesRetained: 0,
  };
}

const defaultRetainEmpty = (header: BatchHeader): boolean => header.producerId >= 0;

/**
 * The bytes to keep for `batch` (exactly one whole batch): the original buffer when nothing
 * changes, a rebuilt batch, or null when the whole batch goes. Updates `stats`.
 *
 * @throws ProtocolError if the batch is corrupt (bad CRC, malformed records).
 */
export function cleanBatch(batch: Buffer, ctx: CleanBatchContext, stats: CleanBatchStats): Buffer | null {
  const header = readBatchHeader(batch);
  const attrs = header.attributes;
  const verifyCrc = ctx.verifyCrc !== false;
  // Batches passed through without a record scan still get their CRC checked: a pass must never
  // copy corrupt bytes into a cleaned segment, where they would look freshly written.
  if (verifyCrc && (header.baseOffset >= ctx.cleanUpTo || (attrs & ATTR_CONTROL_MASK) !== 0)) {
    verifyBatchCrc(batch);
  }
  if (header.baseOffset >= ctx.cleanUpTo) {
    stats.recordsRead += header.recordsCount;
    stats.recordsKept += header.recordsCount;
    return batch;
  }
  const hasHorizon = (attrs & ATTR_DELETE_HORIZON_MASK) !== 0;
  const horizonPassed = hasHorizon && ctx.now >= header.baseTimestamp;
  const options = { verifyCrc };

  if ((attrs & ATTR_CONTROL_MASK) !== 0) {
    const count = header.recordsCount;
    stats.recordsRead += count;
    const removable = ctx.transactions.onControlBatch(header.producerId);
    if (!removable || (count > 0 && hasHorizon && !horizonPassed)) {
      stats.recordsKept += count;
      return batch;
    }
    if (count > 0 && !hasHorizon) {
      stats.recordsKept += count;
      return rebuild(header, collect(batch, header, options), ctx.now + ctx.deleteRetentionMs, stats);
    }
    stats.recordsRemoved += count;
    return dropOrEmpty(batch, header, ctx, stats);
  }

  const aborted =
    (attrs & ATTR_TRANSACTIONAL_MASK) !== 0 && ctx.isAborted !== undefined && ctx.isAborted(header);
  const { map, cleanUpTo } = ctx;
  const baseOffset = header.baseOffset;
  // The decoder hands out a fresh view per record, so kept records are held as those views and
  // only converted (and re-encoded) if the batch actually changes.
  const kept: Record[] = [];
  let removed = 0;
  let keptTombstone = false;
  forEachRecord(
    batch,
    (r) => {
      const offset = r.offset;
      if (offset >= cleanUpTo) {
        kept.push(r);
        return;
      }
      if (aborted) {
        removed++;
        return;
      }
      const key = r.key;
      if (key === null) {
        stats.keylessRecords++;
        kept.push(r);
        return;
      }
      if (offset < map.get(key, 0, key.length)) {
        removed++;
        return;
      }
      if (r.value === null) {
        if (horizonPassed) {
          removed++;
          stats.tombstonesRemoved++;
          return;
        }
        keptTombstone = true;
      }
      kept.push(r);
    },
    options,
  );

  stats.recordsRead += kept.length + removed;
  stats.recordsKept += kept.length;
  stats.recordsRemoved += removed;
  if ((attrs & ATTR_TRANSACTIONAL_MASK) !== 0) ctx.transactions.onDataBatch(header.producerId, kept.length);
  if (kept.length === 0) return dropOrEmpty(batch, header, ctx, stats);
  const needsHorizon = keptTombstone && !hasHorizon;
  if (removed === 0 && !needsHorizon) return batch;
  const horizon = needsHorizon
    ? ctx.now + ctx.deleteRetentionMs
    : hasHorizon
      ? header.baseTimestamp
      : undefined;
  return rebuild(
    header,
    kept.map((r) => toInput(r, baseOffset)),
    horizon,
    stats,
  );
}

function drop(stats: CleanBatchStats): null {
  stats.batchesRemoved++;
  return null;
}

/** All records of the batch went: keep an empty header for the producer's sake, or drop the batch. */
function dropOrEmpty(
  batch: Buffer,
  header: BatchHeader,
  ctx: CleanBatchContext,
  stats: CleanBatchStats,
): Buffer | null {
  if (!(ctx.retainEmptyBatch ?? defaultRetainEmpty)(header)) return drop(stats);
  stats.emptyBatchesRetained++;
  if (header.recordsCount === 0) return batch;
  const attrs = header.attributes;
  // Kafka's writeEmptyHeader: uncompressed, both timestamps = the batch's max timestamp.
  return encodeRecordBatch({
    records: [],
    baseOffset: header.baseOffset,
    lastOffsetDelta: header.lastOffsetDelta,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    compression: 'none',
    timestampType: attrs & ATTR_TIMESTAMP_TYPE_MASK ? 'LogAppendTime' : 'CreateTime',
    baseTimestamp: header.maxTimestamp,
    maxTimestamp: header.maxTimestamp,
    isTransactional: (attrs & ATTR_TRANSACTIONAL_MASK) !== 0,
    isControl: (attrs & ATTR_CONTROL_MASK) !== 0,
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
  });
}

function toInput(r: Record, baseOffset: number): RecordInput {
  return {
    key: r.key,
    value: r.value,
    headers: r.headers,
    timestamp: r.timestamp,
    offsetDelta: r.offset - baseOffset,
  };
}

function collect(batch: Buffer, header: BatchHeader, options: { verifyCrc: boolean }): RecordInput[] {
  const out: RecordInput[] = [];
  forEachRecord(batch, (r) => out.push(toInput(r, header.baseOffset)), options);
  return out;
}

/** Re-encode the kept records with the batch's own fields and codec; set the delete horizon if given. */
function rebuild(
  header: BatchHeader,
  records: RecordInput[],
  horizon: number | undefined,
  stats: CleanBatchStats,
): Buffer {
  const attrs = header.attributes;
  const out = encodeRecordBatch({
    records,
    baseOffset: header.baseOffset,
    lastOffsetDelta: header.lastOffsetDelta,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    compression: compressionCodecName(compressionOf(attrs)),
    timestampType: attrs & ATTR_TIMESTAMP_TYPE_MASK ? 'LogAppendTime' : 'CreateTime',
    baseTimestamp: horizon ?? header.baseTimestamp,
    maxTimestamp: header.maxTimestamp,
    isTransactional: (attrs & ATTR_TRANSACTIONAL_MASK) !== 0,
    isControl: (attrs & ATTR_CONTROL_MASK) !== 0,
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
  });
  if (horizon !== undefined) {
    out.writeInt16BE(out.readInt16BE(ATTRIBUTES_OFFSET) | ATTR_DELETE_HORIZON_MASK, ATTRIBUTES_OFFSET);
    out.writeUInt32BE(computeBatchCrc(out), CRC_OFFSET);
  }
  stats.batchesRebuilt++;
  return out;
}
