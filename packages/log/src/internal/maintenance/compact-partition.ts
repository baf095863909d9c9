/**
 * An explicit compaction of one partition (`LogEngine.compact`): inspect, run a pass, repeat
 * until the cleanable range seen at the call is covered — plus one pass when a tombstone's
 * delete horizon has passed — and sum the passes' statistics. Also the helpers the log manager
 * shares with it: recognising a pass that lost its segments to a deletion, and a throttle hook
 * whose wait an abort cuts short.
 */
import type { CleanerPassResult, CleanerProgress } from '../cleaner/cleaner-pass.js';
import type { Clock } from '../clock/clock.js';
import { LogError } from '../../errors.js';
import type { Partition } from '../partition/partition.js';
import { hasWork, inspect, type Inspection, type PartitionCleanState } from './partition-cleaner.js';
import type { CleanerThrottle, CompactionResult } from './types.js';

export interface CompactRun {
  readonly p: Partition;
  readonly state: PartitionCleanState;
  readonly clock: Clock;
  /** Keep passing until done (else one pass). */
  readonly untilDone: boolean;
  /** Run one pass over the inspected range at `now`. */
  readonly pass: (i: Inspection, now: number) => Promise<CleanerPassResult>;
}

export async function compactPartition(run: CompactRun): Promise<CompactionResult> {
  const { p, untilDone } = run;
  const total = { passes: 0, recordsRead: 0, recordsKept: 0, recordsRemoved: 0, tombstonesRemoved: 0 };
  const io = { bytesRead: 0, bytesWritten: 0, segmentsCleaned: 0 };
  let firstDirtyOffset = -1;
  let target = -1;
  let horizonPassDone = false;
  let last: Inspection | null = null;
  let cleanedUpTo = -1;
  for (;;) {
    const now = run.clock.now();
    const i = await inspect(p, run.state, now);
    last = i;
    if (firstDirtyOffset < 0) {
      firstDirtyOffset = i.state.firstDirtyOffset;
      target = i.state.firstUncleanableOffset;
    }
    // Stop at the range seen at the call, so a log that keeps rolling cannot keep us here.
    const dirty = hasWork(i) && i.state.firstDirtyOffset < target;
    const horizon = i.hasCleanable && i.horizonDue && !horizonPassDone;
    if (!dirty && !horizon) break;
    if (!dirty) horizonPassDone = true;
    const startBefore = p.logStartOffset;
    let r: CleanerPassResult;
    try {
      r = await run.pass(i, now);
    } catch (e) {
      // Retention or DeleteRecords deleted segments this pass was about to read or replace:
      // start again from the log as it is now (each retry follows a real deletion, so this ends).
      if (p.logStartOffset > startBefore && segmentsVanished(e)) continue;
      throw e;
    }
    cleanedUpTo = i.state.firstUncleanableOffset;
    total.passes++;
    total.recordsRead += r.recordsRead;
    total.recordsKept += r.recordsKept;
    total.recordsRemoved += r.recordsRemoved;
    total.tombstonesRemoved += r.tombstonesRemoved;
    io.bytesRead += r.bytesRead;
    io.bytesWritten += r.bytesWritten;
    io.segmentsCleaned += r.segmentsCleaned;
    if (!untilDone) break;
  }
  const checkpoint = run.state.checkpoint ?? last.checkpoint;
  return {
    topic: p.topic,
    partition: p.partition,
    ...total,
    ...io,
    firstDirtyOffset,
    nextDirtyOffset: checkpoint.firstDirtyOffset,
    firstUncleanableOffset: cleanedUpTo >= 0 ? cleanedUpTo : last.state.firstUncleanableOffset,
    deleteHorizonMs: checkpoint.deleteHorizonMs,
  };
}

/** The error a pass meets when segments it listed were deleted under it. */
export function segmentsVanished(e: unknown): boolean {
  if (e instanceof LogError && e.code === 'INVALID_REQUEST') return true;
  for (let c: unknown = e; c !== undefined && c !== null; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === 'ENOENT') return true;
  }
  return false;
}

/** The user's throttle, with the partition named and its wait cut short by an abort. */
export function abortableThrottle(
  throttle: CleanerThrottle | undefined,
  p: Partition,
  signal: AbortSignal,
): ((progress: CleanerProgress) => void | Promise<void>) | undefined {
  if (throttle === undefined) return undefined;
  return (progress) => {
    const pending = throttle({ ...progress, topic: p.topic, partition: p.partition });
    if (pending === undefined) return undefined;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => resolve();
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  };
}
