/**
 * Public result and option types of the engine's retention and compaction entry points
 * (`LogEngine.runRetention`, `LogEngine.compact`) and of the cleaner's test hook.
 */
import type { CleanerProgress } from '../cleaner/cleaner-pass.js';

/** What one retention run did to one partition. */
export interface RetentionResult {
  readonly topic: string;
  readonly partition: number;
  /** Segments deleted by this run. */
  readonly segmentsDeleted: number;
  /** Why: `retention.ms`, `retention.bytes` or `log-start-offset` (DeleteRecords), per deleted segment. */
  readonly reasons: readonly string[];
  /** Whether the active segment was rolled so that it could be deleted too (everything expired). */
  readonly rolled: boolean;
  readonly logStartOffset: number;
}

/** Options of `LogEngine.compact`. */
export interface CompactOptions {
  /**
   * Size of the offset map for this run (default the engine's `log.cleaner.dedupe.buffer.size`).
   * A buffer too small for the keys makes the run take several passes.
   */
  readonly dedupeBufferBytes?: number;
  /** Run passes until the cleanable range is covered (default true); false runs one pass. */
  readonly untilDone?: boolean;
}

/** What `LogEngine.compact` did: the sum over its passes. */
export interface CompactionResult {
  readonly topic: string;
  readonly partition: number;
  /** Cleaning passes run (0 when nothing was cleanable). */
  readonly passes: number;
  readonly recordsRead: number;
  readonly recordsKept: number;
  readonly recordsRemoved: number;
  readonly tombstonesRemoved: number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  readonly segmentsCleaned: number;
  /** Where the first pass started (the cleaner checkpoint before the run). */
  readonly firstDirtyOffset: number;
  /** The cleaner checkpoint after the run: every offset below it has been compacted. */
  readonly nextDirtyOffset: number;
  /**
   * Offsets at or above it were not touched: the active segment's base, or lower under
   * `min.compaction.lag.ms` or below the high watermark.
   */
  readonly firstUncleanableOffset: number;
  /** Earliest delete horizon of a tombstone still in the log (when a later pass removes it), -1 if none. */
  readonly deleteHorizonMs: number;
}

/** Progress of a cleaning pass, as the throttle hook sees it. */
export interface CleanerThrottleProgress extends CleanerProgress {
  readonly topic: string;
  readonly partition: number;
}

/**
 * Called by the cleaner between batches; when it returns a promise the pass waits for it
 * (rate limiting, or a test pausing compaction mid-segment). Closing the engine or deleting
 * the topic stops waiting and aborts the pass.
 */
export type CleanerThrottle = (progress: CleanerThrottleProgress) => void | Promise<void>;

/** Where a background maintenance error happened. */
export interface BackgroundErrorContext {
  readonly task: 'retention' | 'cleaner';
  readonly topic: string;
  readonly partition: number;
}
