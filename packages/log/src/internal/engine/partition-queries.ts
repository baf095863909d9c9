/**
 * The engine's per-partition queries that need more than one call on the partition: Kafka's
 * ListOffsets (including the sentinel timestamps) and the watermark wait behind waitForData.
 */
import { LogError } from '../../errors.js';
import { Partition } from '../partition/partition.js';
import type { IsolationLevel, PartitionLog, TimestampOffset } from '../partition/types.js';

/** Kafka's ListOffsets sentinel timestamps. */
const LATEST_TIMESTAMP = -1;
const EARLIEST_TIMESTAMP = -2;
const MAX_TIMESTAMP = -3;

/** Offsets must be non-negative safe integers. @throws LogError OFFSET_OUT_OF_RANGE. */
export function checkOffset(topic: string, partition: number, offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new LogError('OFFSET_OUT_OF_RANGE', `Offset ${offset} is out of range for ${topic}-${partition}`);
  }
}

/** The engine's partitions are always `Partition`s; maintenance needs their segment API. */
export function partitionsOf(logs: Iterable<unknown>): Partition[] {
  const out: Partition[] = [];
  for (const p of logs) {
    if (!(p instanceof Partition)) throw new TypeError('the engine opened a partition it cannot maintain');
    out.push(p);
  }
  return out;
}

/** ListOffsets for one partition; see LogEngine.offsetForTimestamp. */
export async function offsetForTimestamp(
  log: PartitionLog,
  timestamp: number,
  isolation: IsolationLevel | undefined,
): Promise<TimestampOffset | null> {
  const committed = isolation === 'read_committed';
  const end = committed ? log.lastStableOffset : log.highWatermark;
  if (timestamp === LATEST_TIMESTAMP) return { offset: end, timestamp: -1 };
  if (timestamp === EARLIEST_TIMESTAMP) return { offset: log.logStartOffset, timestamp: -1 };
  let target = timestamp;
  if (timestamp === MAX_TIMESTAMP) {
    // The first record carrying the largest timestamp is the first at or after it.
    target = await maxTimestampOf(log);
    if (target < 0) return null;
  }
  const found = await log.offsetForTimestamp(target);
  return committed && found !== null && found.offset >= end ? null : found;
}

/**
 * The largest timestamp in the readable log (segments from the log start offset, below the high
 * watermark), from the segments' summaries; -1 if there is none.
 */
async function maxTimestampOf(log: PartitionLog): Promise<number> {
  const [p] = partitionsOf([log]);
  const segs = p!.segments;
  const hw = p!.highWatermark;
  const start = p!.logStartOffset;
  let max = -1;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.baseOffset >= hw) break;
    const upper = segs[i + 1]?.baseOffset ?? Number.MAX_SAFE_INTEGER;
    if (upper <= start) continue;
    await seg.ensureSummary(upper);
    if (seg.maxTimestamp > max) max = seg.maxTimestamp;
  }
  return max;
}

/**
 * Resolve once `log`'s high watermark (or last stable offset under read_committed) is above
 * `offset`, or when `stillWanted()` turns false (aborted, engine closed, partition deleted).
 */
export async function waitPastOffset(
  log: PartitionLog,
  offset: number,
  isolation: IsolationLevel | undefined,
  signal: AbortSignal,
  stillWanted: () => boolean,
): Promise<void> {
  const committed = isolation === 'read_committed';
  for (;;) {
    if (signal.aborted || !stillWanted()) return;
    const hw = log.highWatermark;
    if ((committed ? log.lastStableOffset : hw) > offset) return;
    // The last stable offset moves when the high watermark does (a marker is appended):
    // wait for the watermark's next move past both, then look again.
    await log.waitForData(Math.max(offset, hw), signal);
    // A wake-up without a move (the partition closed) ends the wait rather than spinning.
    if (log.highWatermark === hw) return;
  }
}
