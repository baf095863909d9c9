/**
 * When a compacted log needs cleaning, following Kafka's LogCleanerManager:
 *
 * - the cleanable range is [firstDirtyOffset, firstUncleanableOffset), where the uncleanable point
 *   is the lowest of the active segment's base, the base of the segment holding the last stable
 *   offset, and the base of the first dirty segment still within `min.compaction.lag.ms` of now;
 * - cleanableRatio = dirtyBytes / (cleanBytes + dirtyBytes), over the segments overlapping
 *   [logStart, firstDirty) and [firstDirty, firstUncleanable);
 * - the log is cleaned when the ratio exceeds `min.cleanable.dirty.ratio`, or when some dirty
 *   segment's first batch is older than `max.compaction.lag.ms` (and there is something to clean).
 */

export interface CompactionSegment {
  readonly baseOffset: number;
  readonly sizeBytes: number;
  readonly largestTimestamp: number;
  /** Timestamp of the segment's first batch (Kafka reads it for max.compaction.lag.ms); <= 0 or absent if unknown. */
  readonly firstBatchTimestamp?: number;
  readonly isActive: boolean;
}

export interface CompactionPolicyInput {
  /** In offset order, active last. */
  readonly segments: readonly CompactionSegment[];
  readonly logStartOffset: number;
  /** The cleaner checkpoint for this partition (0 or absent when never cleaned). */
  readonly checkpointOffset?: number;
  /** Offsets at or after it belong to open transactions (or are not yet durable). Default: no limit. */
  readonly lastStableOffset?: number;
  readonly now: number;
  readonly minCleanableDirtyRatio: number;
  readonly minCompactionLagMs: number;
  readonly maxCompactionLagMs: number;
}

export interface CompactionState {
  /** Where the dirty range starts: the checkpoint clamped into the log. */
  readonly firstDirtyOffset: number;
  /** Where the cleanable range ends (exclusive); the cleaner never reads past it. */
  readonly firstUncleanableOffset: number;
  readonly cleanBytes: number;
  /** Bytes of the dirty segments below the uncleanable point. */
  readonly cleanableBytes: number;
  /** dirty / (clean + dirty); 0 for an empty log. */
  readonly cleanableRatio: number;
  /** How long past `max.compaction.lag.ms` the oldest dirty record is (0 when not overdue). */
  readonly maxCompactionDelayMs: number;
  readonly needsCompaction: boolean;
}

/** Segments overlapping [from, to): from the one containing `from` to the last starting below `to`. */
function bytesOverlapping(segments: readonly CompactionSegment[], from: number, to: number): number {
  let bytes = 0;
  if (from >= to) return 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const end = segments[i + 1]?.baseOffset ?? Number.POSITIVE_INFINITY;
    if (end > from && s.baseOffset < to) bytes += s.sizeBytes;
  }
  return bytes;
}

/** Base of the segment holding `offset` (the log start side of the first segment for earlier offsets). */
function segmentBaseAtOrBelow(segments: readonly CompactionSegment[], offset: number): number {
  let base = segments[0]?.baseOffset ?? offset;
  for (const s of segments) {
    if (s.baseOffset > offset) break;
    base = s.baseOffset;
  }
  return Math.min(base, offset);
}

/** Compute the cleanable range, the dirty ratio and whether the log should be compacted now. */
export function compactionState(input: CompactionPolicyInput): CompactionState {
  const { segments, now } = input;
  const active = segments[segments.length - 1];
  const activeBase = active === undefined ? input.logStartOffset : active.baseOffset;

  // Kafka resets a checkpoint that points outside the log to the log start.
  const checkpoint = input.checkpointOffset ?? 0;
  const firstDirtyOffset =
    checkpoint < input.logStartOffset || checkpoint > activeBase ? input.logStartOffset : checkpoint;

  // Cleaning rewrites whole segments, so an LSO inside a closed segment ends the range at that
  // segment's base: nothing at or past the LSO is read, and a range ending mid-segment would look
  // dirty forever to passes that cannot touch it.
  let firstUncleanableOffset = Math.min(
    activeBase,
    segmentBaseAtOrBelow(segments, input.lastStableOffset ?? Number.POSITIVE_INFINITY),
  );
  if (input.minCompactionLagMs > 0) {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      const end = segments[i + 1]?.baseOffset ?? Number.POSITIVE_INFINITY;
      if (s.isActive || end <= firstDirtyOffset) continue;
      if (s.largestTimestamp > now - input.minCompactionLagMs) {
        firstUncleanableOffset = Math.min(firstUncleanableOffset, s.baseOffset);
        break;
      }
    }
  }
  firstUncleanableOffset = Math.max(firstUncleanableOffset, firstDirtyOffset);

  const cleanBytes = bytesOverlapping(segments, input.logStartOffset, firstDirtyOffset);
  const cleanableBytes = bytesOverlapping(segments, firstDirtyOffset, firstUncleanableOffset);
  const total = cleanBytes + cleanableBytes;
  const cleanableRatio = total === 0 ? 0 : cleanableBytes / total;

  let earliestDirty = Number.POSITIVE_INFINITY;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const end = segments[i + 1]?.baseOffset ?? Number.POSITIVE_INFINITY;
    if (s.isActive || end <= firstDirtyOffset) continue;
    const t = s.firstBatchTimestamp ?? 0;
    if (t > 0 && t < earliestDirty) earliestDirty = t;
  }
  const cleanUntil = now - Math.max(input.maxCompactionLagMs, 0);
  const maxCompactionDelayMs = earliestDirty < cleanUntil ? cleanUntil - earliestDirty : 0;

  const needsCompaction =
    (maxCompactionDelayMs > 0 && cleanableBytes > 0) || cleanableRatio > input.minCleanableDirtyRatio;
  return {
    firstDirtyOffset,
    firstUncleanableOffset,
    cleanBytes,
    cleanableBytes,
    cleanableRatio,
    maxCompactionDelayMs,
    needsCompaction,
  };
}
