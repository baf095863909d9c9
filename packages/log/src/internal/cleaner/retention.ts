/**
 * Retention decisions for `cleanup.policy=delete` (and `compact,delete`), as pure functions over
 * segment summaries, following Kafka's UnifiedLog.deleteOldSegments:
 *
 * 1. time: delete leading segments whose largestTimestamp < now - retention.ms;
 * 2. size: delete leading segments while totalSize - segmentSize >= retention.bytes
 *    (the total counts every segment, the active one included);
 * 3. log start: delete leading segments that end at or below the log start offset
 *    (DeleteRecords moved it past them) — applied for every cleanup policy.
 *
 * Each rule stops at the first segment it would keep, and no segment is deleted unless all of its
 * records are below the high watermark. The active segment is never returned for deletion: when
 * every segment, the non-empty active one included, is breached, Kafka rolls a new active segment
 * and deletes them all; here that is the `rollActive` flag, and after the roll a second call
 * deletes the former active segment.
 */

/** What retention needs to know about one segment. `segments` arrays are in offset order, active last. */
export interface RetentionSegment {
  readonly baseOffset: number;
  readonly sizeBytes: number;
  /** Largest record timestamp in the segment (Kafka: the time index's max, else the file's mtime). */
  readonly largestTimestamp: number;
  readonly isActive: boolean;
}

export interface RetentionInput {
  readonly segments: readonly RetentionSegment[];
  /** `retention.ms`; negative disables time retention. */
  readonly retentionMs: number;
  /** `retention.bytes`; negative disables size retention. */
  readonly retentionBytes: number;
  /** True when `cleanup.policy` includes `delete`; otherwise only the log-start rule applies. */
  readonly deleteEnabled: boolean;
  readonly now: number;
  readonly logStartOffset: number;
  /** Next offset to be written (the active segment's upper bound). */
  readonly logEndOffset: number;
  /** Segments are deletable only below it. Default logEndOffset. */
  readonly highWatermark?: number;
}

export type RetentionReason = 'retention.ms' | 'retention.bytes' | 'log-start-offset';

export interface RetentionDecision {
  /** How many leading segments to delete (never the active one). */
  readonly deleteCount: number;
  /** Why each deleted segment goes, index-aligned with the leading segments. */
  readonly reasons: readonly RetentionReason[];
  /** The log start offset after the deletion (never lower than the input one). */
  readonly newLogStartOffset: number;
  /** The active segment is breached too: roll it, then decide again to delete it. */
  readonly rollActive: boolean;
}

/** Decide which leading segments retention deletes. Pure: the caller deletes and rolls. */
export function decideRetention(input: RetentionInput): RetentionDecision {
  const { segments, now } = input;
  const highWatermark = input.highWatermark ?? input.logEndOffset;
  const reasons: RetentionReason[] = [];
  let rollActive = false;
  let next = 0; // index of the first segment still kept

  let totalBytes = 0;
  for (const s of segments) totalBytes += s.sizeBytes;

  const upperBound = (i: number): number => segments[i + 1]?.baseOffset ?? input.logEndOffset;

  /** Kafka's deletableSegments: leading segments matching `breached`, stopping at the first that does not. */
  const sweep = (reason: RetentionReason, breached: (s: RetentionSegment, i: number) => boolean): void => {
    while (next < segments.length) {
      const s = segments[next]!;
      const isLastAndEmpty = next === segments.length - 1 && s.sizeBytes === 0;
      if (highWatermark < upperBound(next) || isLastAndEmpty || !breached(s, next)) return;
      if (s.isActive) {
        rollActive = true;
        return;
      }
      reasons.push(reason);
      next++;
    }
  };

  if (input.deleteEnabled && input.retentionMs >= 0) {
    const cutoff = now - input.retentionMs;
    sweep('retention.ms', (s) => s.largestTimestamp < cutoff);
  }
  if (input.deleteEnabled && input.retentionBytes >= 0 && !rollActive) {
    let remaining = totalBytes;
    for (let i = 0; i < next; i++) remaining -= segments[i]!.sizeBytes;
    if (remaining >= input.retentionBytes) {
      let excess = remaining - input.retentionBytes;
      sweep('retention.bytes', (s) => {
        if (excess - s.sizeBytes < 0) return false;
        excess -= s.sizeBytes;
        return true;
      });
    }
  }
  if (!rollActive) {
    sweep(
      'log-start-offset',
      (_s, i) => i + 1 < segments.length && segments[i + 1]!.baseOffset <= input.logStartOffset,
    );
  }

  const firstKept = segments[next];
  const newLogStartOffset = Math.max(input.logStartOffset, firstKept?.baseOffset ?? input.logStartOffset);
  return { deleteCount: next, reasons, newLogStartOffset, rollActive };
}
