/**
 * One compaction pass over a partition, independent of files (Kafka's Cleaner.doClean):
 *
 * 1. Build the offset map from the dirty range [firstDirtyOffset, firstUncleanableOffset), batch by
 *    batch. If the keys do not fit, stop after the last whole batch that did: the pass then covers
 *    only up to there and reports it as `nextDirtyOffset`, and a later pass continues.
 * 2. Rewrite every segment from the log start that begins below that point, in groups whose
 *    combined original size fits `segment.bytes`, each group through one writer (one new segment
 *    replacing the group, with the first segment's base offset).
 *
 * The caller passes only segments below the uncleanable point (never the active segment). Memory
 * is the offset map plus the batch in hand: segments are read batch by batch and never buffered.
 * Between batches the pass yields to the event loop (every `yieldEveryBytes`), awaits an optional
 * `throttle` hook and honours an AbortSignal, so appends and reads keep running beside it.
 */
import {
  forEachRecord,
  readBatchHeader,
  ATTR_CONTROL_MASK,
  ATTR_TRANSACTIONAL_MASK,
  type BatchHeader,
} from '@rill/protocol';
import {
  cleanBatch,
  emptyCleanBatchStats,
  type CleanBatchContext,
  type CleanBatchStats,
} from './clean-batch.js';
import { CleanerError } from './cleaner-error.js';
import type { OffsetMap } from './offset-map.js';
import { TransactionCleaningState } from './transaction-state.js';

/** A read-only view of one closed segment. */
export interface CleanableSegment {
  readonly baseOffset: number;
  /** One past the last offset the segment covers (the next segment's base offset). */
  readonly nextOffset: number;
  /** Bytes on disk, used to group small segments as Kafka does. */
  readonly sizeBytes: number;
  readonly largestTimestamp: number;
  /** The segment's whole batches in offset order, one Buffer each, read incrementally. */
  readBatches(): AsyncIterable<Buffer>;
}

/** Receives the cleaned batches of one group of segments. */
export interface CleanedSegmentWriter {
  append(batch: Buffer): Promise<void>;
  /** All batches written: make the cleaned segment durable and swap it in for the group. */
  finish(): Promise<void>;
  /** The pass failed or was aborted: discard what was written; the group's segments stay. */
  abort(): Promise<void>;
}

/** Opens a writer for a group of consecutive segments; the cleaned segment takes `group[0].baseOffset`. */
export type CleanedSegmentWriterFactory = (
  group: readonly CleanableSegment[],
) => Promise<CleanedSegmentWriter>;

export interface CleanerProgress {
  readonly phase: 'build-map' | 'clean';
  readonly bytesRead: number;
  /** Last offset of the batch just processed. */
  readonly offset: number;
}

export interface CleanerPassOptions {
  /** Every closed segment below the uncleanable point, from the log start, in offset order. */
  readonly segments: readonly CleanableSegment[];
  readonly firstDirtyOffset: number;
  /** Exclusive end of the cleanable range (active segment base, LSO, min.compaction.lag). Default: the last segment's end. */
  readonly firstUncleanableOffset?: number;
  /** The dedupe buffer, reused across passes; cleared at the start of each. */
  readonly map: OffsetMap;
  readonly now: number;
  /** `delete.retention.ms`. */
  readonly deleteRetentionMs: number;
  /** `segment.bytes`: groups of segments are merged while their combined size stays within it. */
  readonly segmentBytes: number;
  readonly createWriter: CleanedSegmentWriterFactory;
  /** Awaited between batches (when it returns a promise): the hook for rate limiting and pausing. */
  readonly throttle?: (progress: CleanerProgress) => void | Promise<void>;
  readonly signal?: AbortSignal;
  /** Yield to the event loop after this many bytes read (default 1 MiB). */
  readonly yieldEveryBytes?: number;
  readonly retainEmptyBatch?: CleanBatchContext['retainEmptyBatch'];
  readonly isAborted?: CleanBatchContext['isAborted'];
  readonly verifyCrc?: boolean;
}

export interface CleanerPassResult extends CleanBatchStats {
  readonly firstDirtyOffset: number;
  /** Where the next pass starts: the end of what this pass's map covered. */
  readonly nextDirtyOffset: number;
  /** True when the whole cleanable range was covered (no further pass needed until new data). */
  readonly complete: boolean;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  readonly segmentsCleaned: number;
  readonly groups: number;
  readonly distinctKeys: number;
  readonly mapUtilization: number;
}

const MAX_RELATIVE_OFFSET = 0x7fffffff;

/** Run one pass. Throws CleanerError (CLEANER_ABORTED, CLEANER_DEDUPE_BUFFER_TOO_SMALL) or the reader's/writer's errors. */
export async function runCleanerPass(options: CleanerPassOptions): Promise<CleanerPassResult> {
  const { segments, map, firstDirtyOffset } = options;
  checkSegments(segments);
  const last = segments[segments.length - 1];
  const dirtyEnd = Math.min(
    options.firstUncleanableOffset ?? Number.POSITIVE_INFINITY,
    last?.nextOffset ?? firstDirtyOffset,
  );
  const io = new PassIo(options);

  map.clear();
  let cleanUpTo = firstDirtyOffset;
  if (firstDirtyOffset < dirtyEnd) {
    const full = await buildOffsetMap(options, dirtyEnd, io);
    if (full && map.latestOffset < firstDirtyOffset) {
      throw new CleanerError(
        'CLEANER_DEDUPE_BUFFER_TOO_SMALL',
        `the dedupe buffer (${map.bufferBytes} bytes, ${map.capacity} keys) cannot hold the keys of the batch at offset ${firstDirtyOffset}`,
      );
    }
    cleanUpTo = full ? map.latestOffset + 1 : dirtyEnd;
  }

  const stats = emptyCleanBatchStats();
  const ctx: CleanBatchContext = {
    map,
    cleanUpTo,
    now: options.now,
    deleteRetentionMs: options.deleteRetentionMs,
    transactions: new TransactionCleaningState(),
    ...(options.retainEmptyBatch === undefined ? {} : { retainEmptyBatch: options.retainEmptyBatch }),
    ...(options.isAborted === undefined ? {} : { isAborted: options.isAborted }),
    verifyCrc: options.verifyCrc !== false,
  };
  let bytesWritten = 0;
  let segmentsCleaned = 0;
  const groups = groupSegments(
    segments.filter((s) => s.baseOffset < cleanUpTo),
    options.segmentBytes,
  );
  for (const group of groups) {
    const writer = await options.createWriter(group);
    try {
      for (const segment of group) {
        for await (const batch of segment.readBatches()) {
          const kept = cleanBatch(batch, ctx, stats);
          if (kept !== null) {
            await writer.append(kept);
            bytesWritten += kept.length;
          }
          await io.afterBatch('clean', batch);
        }
        segmentsCleaned++;
      }
    } catch (error) {
      await writer.abort();
      throw error;
    }
    await writer.finish();
  }

  return {
    ...stats,
    firstDirtyOffset,
    nextDirtyOffset: cleanUpTo,
    complete: cleanUpTo >= dirtyEnd,
    bytesRead: io.bytesRead,
    bytesWritten,
    segmentsCleaned,
    groups: groups.length,
    distinctKeys: map.size,
    mapUtilization: map.utilization,
  };
}

/** Scan the dirty range into the map. Returns true if the map filled up before the range ended. */
async function buildOffsetMap(options: CleanerPassOptions, dirtyEnd: number, io: PassIo): Promise<boolean> {
  const { map, firstDirtyOffset: start } = options;
  const verifyCrc = options.verifyCrc !== false;
  let full = false;
  const put = (record: { offset: number; key: Buffer | null }): void => {
    const offset = record.offset;
    if (full || offset < start || offset >= dirtyEnd) return;
    const key = record.key;
    if (key !== null && !map.put(key, 0, key.length, offset)) full = true;
  };
  for (const segment of options.segments) {
    if (segment.nextOffset <= start) continue;
    if (segment.baseOffset >= dirtyEnd) break;
    for await (const batch of segment.readBatches()) {
      const header = readBatchHeader(batch);
      if (header.baseOffset >= dirtyEnd) return false;
      const lastOffset = header.baseOffset + header.lastOffsetDelta;
      if (lastOffset >= start && !skipForMap(header, options)) {
        forEachRecord(batch, put, { verifyCrc });
        if (full) return true;
      }
      if (lastOffset >= start) map.updateLatestOffset(lastOffset);
      await io.afterBatch('build-map', batch);
    }
  }
  return false;
}

/** Control batches hold no data keys; aborted data must not shadow committed values. */
function skipForMap(header: BatchHeader, options: CleanerPassOptions): boolean {
  const attrs = header.attributes;
  if ((attrs & ATTR_CONTROL_MASK) !== 0) return true;
  return (
    (attrs & ATTR_TRANSACTIONAL_MASK) !== 0 && options.isAborted !== undefined && options.isAborted(header)
  );
}

/**
 * Kafka's groupSegmentsBySize: consecutive segments while the combined size stays within
 * `segment.bytes` and the offsets stay addressable as 32-bit deltas from the group's base.
 */
export function groupSegments(segments: readonly CleanableSegment[], maxBytes: number): CleanableSegment[][] {
  const groups: CleanableSegment[][] = [];
  let i = 0;
  while (i < segments.length) {
    const first = segments[i]!;
    const group = [first];
    let size = first.sizeBytes;
    i++;
    while (i < segments.length) {
      const next = segments[i]!;
      if (size + next.sizeBytes > maxBytes || next.nextOffset - 1 - first.baseOffset > MAX_RELATIVE_OFFSET)
        break;
      group.push(next);
      size += next.sizeBytes;
      i++;
    }
    groups.push(group);
  }
  return groups;
}

function checkSegments(segments: readonly CleanableSegment[]): void {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const prev = segments[i - 1];
    if (s.nextOffset < s.baseOffset || (prev !== undefined && prev.nextOffset > s.baseOffset)) {
      throw new CleanerError(
        'CLEANER_INVALID_SEGMENTS',
        `segment ${s.baseOffset}..${s.nextOffset} is out of order or overlaps its predecessor`,
      );
    }
  }
}

/** Byte accounting, cooperative yielding, throttling and cancellation between batches. */
class PassIo {
  bytesRead = 0;
  private sinceYield = 0;
  private readonly yieldEvery: number;

  constructor(private readonly options: CleanerPassOptions) {
    this.yieldEvery = options.yieldEveryBytes ?? 1024 * 1024;
  }

  async afterBatch(phase: CleanerProgress['phase'], batch: Buffer): Promise<void> {
    this.bytesRead += batch.length;
    this.sinceYield += batch.length;
    const { signal, throttle } = this.options;
    if (throttle !== undefined) {
      const header = readBatchHeader(batch);
      const pending = throttle({
        phase,
        bytesRead: this.bytesRead,
        offset: header.baseOffset + header.lastOffsetDelta,
      });
      if (pending !== undefined) await pending;
    }
    if (this.sinceYield >= this.yieldEvery) {
      this.sinceYield = 0;
      // A macrotask turn, so I/O callbacks (appends, fetches) run even when the reader never blocks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (signal?.aborted === true) {
      throw new CleanerError('CLEANER_ABORTED', 'log cleaner pass aborted', { cause: signal.reason });
    }
  }
}
