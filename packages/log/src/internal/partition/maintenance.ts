/**
 * The internal segment API that retention and compaction build on. Kept small on purpose:
 *
 * - `rollActiveSegment()` — close the active segment and start a new one (Kafka's roll).
 * - `listSegments()` — every segment with base offset, end offset, size, largest timestamp.
 * - `deleteOldestSegments(n)` — delete the n oldest segments (never the active one),
 *   advancing the log start offset to the first remaining segment (durably, first).
 * - `advanceLogStartOffset(o)` — DeleteRecords: persist the new log start offset, then
 *   delete the segments that lie wholly below it.
 * - `beginSegmentReplacement(base, end)` — write a cleaned segment that replaces every
 *   inactive segment based in [base, end), committed crash-safely (see segment-replacement.ts).
 *
 * Maintenance operations run one at a time; they never block appends except for the
 * moment the segment list is swapped. While a replacement is being written, deletions
 * (retention, DeleteRecords) still advance the log start offset at once but leave the
 * segments under replacement in place; they go when the replacement commits or aborts.
 */
import { LogError, storageError } from '../../errors.js';
import {
  CLEANED_SUFFIX,
  DELETED_SUFFIX,
  LOG_SUFFIX,
  segmentPath,
  TXN_INDEX_SUFFIX,
} from '../segment/file-names.js';
import { LogSegment } from '../segment/log-segment.js';
import { writeCheckpoint } from './checkpoint.js';
import type { Partition } from './partition.js';
import { finishReplacement, SegmentReplacement } from './segment-replacement.js';

/** What retention and compaction see of a segment. */
export interface SegmentInfo {
  readonly baseOffset: number;
  /** First offset after this segment (the next segment's base, or the log end for the active one). */
  readonly endOffset: number;
  readonly sizeBytes: number;
  /** Largest record timestamp in the segment, -1 when empty. */
  readonly largestTimestamp: number;
  readonly isActive: boolean;
}

/** Every file of a segment, the aborted-transactions index included. */
function segmentFiles(s: LogSegment): string[] {
  return [s.logPath, s.indexPath, s.timeIndexPath, segmentPath(s.ctx.dir, s.baseOffset, TXN_INDEX_SUFFIX)];
}

export class PartitionMaintenance {
  private chain: Promise<void> = Promise.resolve();
  /** The range of the replacement being written, if any: its segments must not be deleted under it. */
  private replacing: { readonly base: number; readonly end: number } | null = null;

  constructor(private readonly p: Partition) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    // Sequencing only; the outcome reaches the caller through `run`.
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async listSegments(): Promise<SegmentInfo[]> {
    const segs = this.p.segments;
    const out: SegmentInfo[] = [];
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      const next = segs[i + 1];
      await s.ensureSummary(next?.baseOffset ?? Number.MAX_SAFE_INTEGER);
      this.p.residency.touch(s);
      out.push({
        baseOffset: s.baseOffset,
        endOffset: next === undefined ? this.p.logEndOffset : next.baseOffset,
        sizeBytes: s.size,
        largestTimestamp: s.maxTimestamp,
        isActive: next === undefined,
      });
    }
    return out;
  }

  /** Start a new active segment (if the current one holds data), so retention can delete the old one. */
  rollActiveSegment(): Promise<void> {
    return this.p.rollActive();
  }

  /** Delete up to `count` oldest segments (the active one is never deleted). Returns how many were deleted. */
  deleteOldestSegments(count: number): Promise<number> {
    return this.serial(async () => {
      const n = Math.min(count, this.p.segments.length - 1);
      if (n <= 0) return 0;
      const newStart = this.p.segments[n]!.baseOffset;
      await this.persistLogStart(Math.max(this.p.lso, newStart));
      await this.deleteBelow(this.p.lso);
      return n;
    });
  }

  /** DeleteRecords: make `offset` the log start offset (durably) and delete whole segments below it. */
  advanceLogStartOffset(offset: number): Promise<number> {
    return this.serial(async () => {
      if (offset > this.p.lso) await this.persistLogStart(offset);
      await this.deleteBelow(this.p.lso);
      return this.p.lso;
    });
  }

  private async persistLogStart(offset: number): Promise<void> {
    try {
      await writeCheckpoint(this.p.io, this.p.dir, {
        recoveryPoint: this.p.recoveryPoint,
        logStartOffset: offset,
      });
    } catch (e) {
      throw storageError(`persisting log start offset ${offset} of ${this.p.topic}-${this.p.partition}`, e);
    }
    this.p.lso = offset;
  }

  /** Remove segments whose every offset is below `offset` (never the active segment, nor one under replacement). */
  private async deleteBelow(offset: number): Promise<void> {
    const segs = this.p.segments;
    const guard = this.replacing?.base ?? Number.POSITIVE_INFINITY;
    let n = 0;
    while (n < segs.length - 1 && segs[n + 1]!.baseOffset <= offset && segs[n]!.baseOffset < guard) n++;
    if (n === 0) return;
    const doomed = segs.slice(0, n);
    this.p.segments = this.p.segments.slice(n);
    // Their aborted transactions lie wholly below the log start offset now.
    this.p.producers.txnIndex.dropBelow(this.p.lso);
    for (const s of doomed) this.p.residency.forget(s);
    await this.removeFiles(doomed);
  }

  private async removeFiles(doomed: readonly LogSegment[]): Promise<void> {
    const { io, dir, fds } = this.p;
    try {
      for (const s of doomed) {
        for (const path of segmentFiles(s)) {
          await fds.invalidate(path);
          if (await io.exists(path)) await io.rename(path, path + DELETED_SUFFIX);
        }
      }
      await io.syncDir(dir);
      for (const s of doomed) {
        for (const path of segmentFiles(s)) {
          if (await io.exists(path + DELETED_SUFFIX)) await io.unlink(path + DELETED_SUFFIX);
        }
      }
    } catch (e) {
      throw storageError(`deleting segments of ${this.p.topic}-${this.p.partition}`, e);
    }
  }

  /**
   * Start writing a segment that will replace every inactive segment based in
   * [baseOffset, endOffset). `baseOffset` must be a segment's base and `endOffset` a later
   * segment's base (at most the active segment's): the run must be whole, inactive segments.
   */
  beginSegmentReplacement(baseOffset: number, endOffset: number): Promise<SegmentReplacement> {
    const segs = this.p.segments;
    const first = segs.findIndex((s) => s.baseOffset === baseOffset);
    const end = segs.findIndex((s) => s.baseOffset === endOffset);
    if (this.replacing !== null) {
      return Promise.reject(
        new LogError(
          'INVALID_REQUEST',
          `a replacement of ${this.p.topic}-${this.p.partition} is in progress`,
        ),
      );
    }
    if (first < 0 || end <= first) {
      return Promise.reject(
        new LogError(
          'INVALID_REQUEST',
          `[${baseOffset}, ${endOffset}) is not a run of whole inactive segments`,
        ),
      );
    }
    const path = segmentPath(this.p.dir, baseOffset, LOG_SUFFIX + CLEANED_SUFFIX);
    this.replacing = { base: baseOffset, end: endOffset };
    // Every marker in the range is in a closed segment, so its entry is already in the index.
    const aborted = this.p.producers.txnIndex
      .all()
      .filter((e) => e.lastOffset >= baseOffset && e.lastOffset < endOffset);
    return this.p.io.open(path, 'rw').then(
      async (h) => {
        await h.truncate(0);
        return new SegmentReplacement(
          this.p.io,
          this.p.dir,
          baseOffset,
          endOffset,
          h,
          (r, size) => this.commitReplacement(r, size),
          () => this.endReplacement(),
          aborted,
        );
      },
      (e: unknown) => {
        this.replacing = null;
        throw storageError(`creating ${path}`, e);
      },
    );
  }

  /** A replacement ended without committing: finish the deletions it held back. */
  private endReplacement(): Promise<void> {
    this.replacing = null;
    return this.serial(() => this.deleteBelow(this.p.lso));
  }

  private commitReplacement(r: SegmentReplacement, size: number): Promise<void> {
    return this.serial(async () => {
      const segs = this.p.segments;
      const old = segs.filter((s) => s.baseOffset >= r.baseOffset && s.baseOffset < r.endOffset);
      if (old.length === 0 || old.includes(this.p.active)) {
        this.replacing = null;
        throw new LogError(
          'INVALID_REQUEST',
          `segments [${r.baseOffset}, ${r.endOffset}) changed during the replacement`,
        );
      }
      for (const s of old) {
        this.p.residency.forget(s);
        for (const path of [s.logPath, s.indexPath, s.timeIndexPath]) await this.p.fds.invalidate(path);
      }
      try {
        await finishReplacement(
          this.p.io,
          this.p.dir,
          r.baseOffset,
          old.map((s) => s.baseOffset),
          r.hasTxnIndex,
        );
      } catch (e) {
        this.replacing = null;
        throw storageError(`finishing the replacement of segment ${r.baseOffset}`, e);
      }
      const fresh = new LogSegment(this.p.ctx, r.baseOffset, size);
      const current = this.p.segments;
      this.p.segments = [
        ...current.filter((s) => s.baseOffset < r.baseOffset),
        fresh,
        ...current.filter((s) => s.baseOffset >= r.endOffset),
      ];
      // In the same turn as the segment list (readers take both together).
      this.p.producers.txnIndex.replaceRange(r.baseOffset, r.endOffset, r.keptAborted);
      this.replacing = null;
      await fresh.ensureIndexes(r.endOffset);
      // Deletions held back while the replacement was written.
      await this.deleteBelow(this.p.lso);
    });
  }
}
