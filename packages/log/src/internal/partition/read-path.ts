/**
 * Reading a partition: locate the segment by binary search, serve whole CRC-verified
 * batches below the high watermark, and find offsets by timestamp. Segment indexes are
 * pinned while used and then subject to the residency bound.
 */
import {
  forEachRecord,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  RECORD_BATCH_OVERHEAD,
} from '@rill/protocol';
import type { AbortedTransaction, AbortedTxn } from '../producer/txn-index.js';
import { LogError, storageError } from '../../errors.js';
import type { LogSegment } from '../segment/log-segment.js';
import type { Partition } from './partition.js';
import type { ReadOptions, ReadResult, TimestampOffset } from './types.js';

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Index of the segment that would hold `offset` (the last one based at or below it). */
export function segmentIndexFor(segs: readonly LogSegment[], offset: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segs[mid]!.baseOffset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function checkOffset(p: Partition, offset: number, upper: number): void {
  if (!Number.isSafeInteger(offset) || offset < p.logStartOffset || offset > upper) {
    throw new LogError(
      'OFFSET_OUT_OF_RANGE',
      `offset ${offset} of ${p.topic}-${p.partition} is outside [${p.logStartOffset}, ${upper}]`,
    );
  }
}

/** Run `fn` with `seg`'s indexes loaded and pinned, then let the residency bound apply. */
async function withIndexes<T>(
  p: Partition,
  seg: LogSegment,
  next: LogSegment | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  seg.pin();
  try {
    await seg.ensureIndexes(next?.baseOffset ?? Number.MAX_SAFE_INTEGER);
    return await fn();
  } finally {
    seg.unpin();
    p.residency.touch(seg);
  }
}

export async function readPartition(p: Partition, offset: number, options: ReadOptions): Promise<ReadResult> {
  checkOffset(p, offset, p.logEndOffset);
  const segments = p.segments;
  try {
    return await readFrom(p, offset, options);
  } catch (e) {
    if (e instanceof LogError) throw e;
    // Retention or DeleteRecords removed the segment while this read was on its way to it,
    // or compaction replaced it: the current segment list has the data.
    if ((e as { code?: unknown }).code === 'ENOENT') {
      checkOffset(p, offset, p.logEndOffset);
      if (p.segments !== segments) return readPartition(p, offset, options);
    }
    throw storageError(`reading ${p.topic}-${p.partition} at offset ${offset}`, e);
  }
}

async function readFrom(p: Partition, offset: number, options: ReadOptions): Promise<ReadResult> {
  const hw = p.highWatermark;
  const committed = options.isolation === 'read_committed';
  const lso = p.lastStableOffset;
  const limit = committed ? lso : hw;
  const maxOffset = Math.min(options.maxOffset ?? limit, limit);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const segs = p.segments;
  // Taken with the segment list: compaction swaps both at once (see TxnIndex.view).
  const aborted = committed ? p.producers.txnIndex.view() : null;
  if (offset < maxOffset) {
    for (let i = segmentIndexFor(segs, offset); i < segs.length; i++) {
      const seg = segs[i]!;
      if (seg.baseOffset >= maxOffset) break;
      const bytes = await withIndexes(p, seg, segs[i + 1], () =>
        seg.read(Math.max(offset, seg.baseOffset), maxBytes, maxOffset, true),
      );
      if (bytes !== null) {
        return {
          batches: bytes,
          highWatermark: hw,
          logStartOffset: p.logStartOffset,
          lastStableOffset: lso,
          abortedTransactions: aborted === null ? null : abortedIn(p, aborted, offset, bytes),
        };
      }
    }
  }
  return {
    batches: Buffer.alloc(0),
    highWatermark: hw,
    logStartOffset: p.logStartOffset,
    lastStableOffset: lso,
    abortedTransactions: committed ? [] : null,
  };
}

/** Aborted transactions overlapping the batches read (their offsets up to the last batch's end). */
function abortedIn(
  p: Partition,
  view: readonly AbortedTxn[],
  offset: number,
  bytes: Buffer,
): AbortedTransaction[] {
  const index = p.producers.txnIndex;
  // Retention may have removed segments since: their aborted transactions no longer matter.
  index.dropBelow(p.logStartOffset);
  if (view.length === 0) return [];
  let pos = 0;
  let end = offset;
  while (pos + RECORD_BATCH_OVERHEAD <= bytes.length) {
    end = Number(bytes.readBigInt64BE(pos)) + bytes.readInt32BE(pos + LAST_OFFSET_DELTA_OFFSET) + 1;
    pos += bytes.readInt32BE(pos + LENGTH_OFFSET) + LOG_OVERHEAD;
  }
  return index.collect(offset, end, view);
}

export async function offsetForTimestamp(p: Partition, timestamp: number): Promise<TimestampOffset | null> {
  const segs = p.segments;
  const hw = p.highWatermark;
  const lso = p.logStartOffset;
  for (let i = segmentIndexFor(segs, lso); i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.baseOffset >= hw) break;
    await seg.ensureSummary(segs[i + 1]?.baseOffset ?? Number.MAX_SAFE_INTEGER);
    if (seg.maxTimestamp < timestamp) continue;
    // Usually the first batch reaching the timestamp holds the answer; only records below
    // the log start offset (DeleteRecords inside a batch) can send the search further.
    let min = Math.max(lso, seg.baseOffset);
    for (;;) {
      const from = min;
      const batch = await withIndexes(p, seg, segs[i + 1], () =>
        seg.findBatchByTimestamp(timestamp, hw, from),
      );
      if (batch === null) break;
      let found: TimestampOffset | null = null;
      forEachRecord(
        batch,
        (r) => {
          if (found === null && r.timestamp >= timestamp && r.offset >= lso)
            found = { offset: r.offset, timestamp: r.timestamp };
        },
        { verifyCrc: false },
      );
      if (found !== null) return found;
      min = Number(batch.readBigInt64BE(0)) + batch.readInt32BE(LAST_OFFSET_DELTA_OFFSET) + 1;
    }
  }
  return null;
}
