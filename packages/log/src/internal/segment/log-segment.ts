/**
 * One segment: a `.log` file of record batches with its offset and time indexes. The active
 * (last) segment holds a write handle and in-memory indexes; older segments are read through
 * the partition's descriptor cache and load their indexes on first use.
 */
import { LogError, storageError } from '../../errors.js';
import type { FileHandle, FileIO } from '../io/file-io.js';
import type { FdCache } from './fd-cache.js';
import { INDEX_SUFFIX, LOG_SUFFIX, segmentPath, TIME_INDEX_SUFFIX } from './file-names.js';
import { OffsetIndex } from './offset-index.js';
import { loadIndexes } from './segment-index-load.js';
import { findBatchByTimestamp, readBatches } from './segment-read.js';
import { TimeIndex } from './time-index.js';

/** What a segment needs from its partition. */
export interface SegmentContext {
  readonly dir: string;
  readonly io: FileIO;
  readonly fds: FdCache;
  /** Current `index.interval.bytes`. */
  indexIntervalBytes(): number;
}

/** One batch of an append, positioned relative to the appended buffer. */
export interface AppendedBatch {
  readonly relPos: number;
  readonly size: number;
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly maxTimestamp: number;
}

export class LogSegment {
  readonly logPath: string;
  readonly indexPath: string;
  readonly timeIndexPath: string;
  /** Bytes of whole, written batches. */
  size: number;
  /** Offset after the last batch; known for the active segment and once indexes are loaded. */
  nextOffset: number;
  /** Largest batch max timestamp, -1 if none (or not loaded yet). */
  maxTimestamp = -1;
  /** Clock time from which `segment.ms` counts (the first append), null while empty. */
  rollBaseTime: number | null = null;
  /** Random part of `segment.jitter.ms` applied to this segment. */
  rollJitterMs = 0;
  private lastBatchBase = -1;
  private bytesSinceIndex = 0;
  private offsetIdx: OffsetIndex | null = null;
  private timeIdx: TimeIndex | null = null;
  private writer: FileHandle | null = null;
  private pins = 0;
  private summaryKnown = false;

  constructor(
    /** @internal */ readonly ctx: SegmentContext,
    readonly baseOffset: number,
    size: number,
  ) {
    this.logPath = segmentPath(ctx.dir, baseOffset, LOG_SUFFIX);
    this.indexPath = segmentPath(ctx.dir, baseOffset, INDEX_SUFFIX);
    this.timeIndexPath = segmentPath(ctx.dir, baseOffset, TIME_INDEX_SUFFIX);
    this.size = size;
    this.nextOffset = baseOffset;
  }

  /** Create an empty active segment (any stale file of the same name is emptied). */
  static async create(ctx: SegmentContext, baseOffset: number): Promise<LogSegment> {
    const seg = new LogSegment(ctx, baseOffset, 0);
    seg.writer = await ctx.io.open(seg.logPath, 'rw');
    if ((await seg.writer.size()) > 0) await seg.writer.truncate(0);
    seg.offsetIdx = new OffsetIndex(baseOffset);
    seg.timeIdx = new TimeIndex(baseOffset);
    seg.summaryKnown = true;
    return seg;
  }

  get isActive(): boolean {
    return this.writer !== null;
  }

  get offsetIndex(): OffsetIndex | null {
    return this.offsetIdx;
  }

  get timeIndex(): TimeIndex | null {
    return this.timeIdx;
  }

  /** Install indexes and tail state built by recovery or a load. */
  adopt(state: {
    offsetIndex: OffsetIndex;
    timeIndex: TimeIndex;
    nextOffset: number;
    maxTimestamp: number;
    lastBatchBase: number;
    bytesSinceIndex: number;
  }): void {
    this.offsetIdx = state.offsetIndex;
    this.timeIdx = state.timeIndex;
    this.nextOffset = state.nextOffset;
    this.maxTimestamp = state.maxTimestamp;
    this.lastBatchBase = state.lastBatchBase;
    this.bytesSinceIndex = state.bytesSinceIndex;
    this.summaryKnown = true;
  }

  /** Become the active segment again (after reopen). */
  async openForAppend(): Promise<void> {
    this.writer = await this.ctx.io.open(this.logPath, 'rw');
  }

  /** Write batches (offsets already assigned) at the end with one positional write, then index them. */
  async append(data: Buffer, batches: readonly AppendedBatch[], now: number): Promise<void> {
    const w = this.writer;
    if (w === null) throw new Error(`segment ${this.logPath} is not active`);
    const start = this.size;
    await w.write(data, start);
    this.size = start + data.length;
    if (this.rollBaseTime === null) this.rollBaseTime = now;
    this.indexBatches(start, batches);
  }

  private indexBatches(start: number, batches: readonly AppendedBatch[]): void {
    const interval = this.ctx.indexIntervalBytes();
    const oi = this.offsetIdx!;
    const ti = this.timeIdx!;
    for (const b of batches) {
      if (b.maxTimestamp > this.maxTimestamp) this.maxTimestamp = b.maxTimestamp;
      if (this.bytesSinceIndex > interval) {
        oi.append(b.baseOffset, start + b.relPos);
        ti.maybeAppend(this.maxTimestamp, b.baseOffset);
        this.bytesSinceIndex = 0;
      }
      this.bytesSinceIndex += b.size;
      this.lastBatchBase = b.baseOffset;
      this.nextOffset = b.lastOffset + 1;
    }
  }

  /** fsync the log file. @throws LogError FSYNC_FAILED (DISK_FULL for ENOSPC). */
  async sync(): Promise<void> {
    if (this.writer === null) return;
    try {
      await this.writer.sync();
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ENOSPC') throw storageError(`fsync of ${this.logPath}`, e);
      throw new LogError('FSYNC_FAILED', `fsync of ${this.logPath} failed`, { cause: e });
    }
  }

  /** Record the segment's largest timestamp in the time index (Kafka does so on roll). */
  private finalizeTimeIndex(): void {
    if (this.timeIdx !== null && this.lastBatchBase >= 0)
      this.timeIdx.maybeAppend(this.maxTimestamp, this.lastBatchBase);
  }

  /** Persist both indexes durably (each via temp file + fsync + rename). */
  async writeIndexes(): Promise<void> {
    if (this.offsetIdx === null || this.timeIdx === null) return;
    this.finalizeTimeIndex();
    await this.ctx.io.writeFileAtomic(this.indexPath, this.offsetIdx.serialize());
    await this.ctx.io.writeFileAtomic(this.timeIndexPath, this.timeIdx.serialize());
  }

  /** Roll away from this segment: fsync its data, persist its indexes, drop the write handle. */
  async makeInactive(): Promise<void> {
    await this.sync();
    await this.writeIndexes();
    await this.closeWriter();
  }

  async closeWriter(): Promise<void> {
    const w = this.writer;
    this.writer = null;
    if (w !== null) await w.close();
  }

  /** Cut the file at `position` (recovery of a torn tail); indexes are rebuilt by the caller. */
  async truncateTo(position: number): Promise<void> {
    const h = this.writer ?? (await this.ctx.io.open(this.logPath, 'rw'));
    try {
      await h.truncate(position);
      await h.sync();
    } finally {
      if (h !== this.writer) await h.close();
    }
    this.size = position;
    await this.ctx.fds.invalidate(this.logPath);
  }

  /**
   * Load indexes of an inactive segment, rebuilding them from the log when missing or invalid.
   * @param upperOffset the next segment's base offset (entries must lie below it)
   * @returns false when structural damage stopped the scan of the log (reads reaching it fail)
   */
  ensureIndexes(upperOffset: number = Number.MAX_SAFE_INTEGER): Promise<boolean> {
    if (this.offsetIdx !== null && this.timeIdx !== null) return Promise.resolve(true);
    return loadIndexes(this, upperOffset);
  }

  /**
   * Whole batches from the one containing `offset` (or the first after it), up to `maxBytes`
   * — at least one batch when `minOneBatch` — stopping before any batch reaching `maxOffset`.
   * Every returned batch is CRC-verified. Null when no such batch exists in this segment.
   * The indexes must be loaded (see {@link ensureIndexes}).
   */
  read(offset: number, maxBytes: number, maxOffset: number, minOneBatch: boolean): Promise<Buffer | null> {
    return readBatches(this, offset, maxBytes, maxOffset, minOneBatch);
  }

  /**
   * The first CRC-verified batch with records at or above `minOffset` and below `maxOffset`
   * whose max timestamp is >= `timestamp`. Indexes must be loaded.
   */
  findBatchByTimestamp(timestamp: number, maxOffset: number, minOffset: number): Promise<Buffer | null> {
    return findBatchByTimestamp(this, timestamp, maxOffset, minOffset);
  }

  /** Keep the indexes loaded while a reader uses them. */
  pin(): void {
    this.pins++;
  }

  unpin(): void {
    this.pins--;
  }

  get indexesLoaded(): boolean {
    return this.offsetIdx !== null;
  }

  /**
   * Drop the in-memory indexes of an inactive, unpinned segment (they reload on demand);
   * its summary (next offset, largest timestamp) stays known. Returns whether it dropped them.
   */
  unloadIndexes(): boolean {
    if (this.writer !== null || this.pins > 0) return false;
    this.offsetIdx = null;
    this.timeIdx = null;
    return true;
  }

  /** Make `nextOffset` and `maxTimestamp` known, loading the indexes only if never loaded. */
  async ensureSummary(upperOffset: number): Promise<void> {
    if (!this.summaryKnown) await this.ensureIndexes(upperOffset);
  }
}
