/**
 * Compaction of one partition: where its dirty range lies (compactionState over its segments
 * and its cleaner checkpoint), whether it needs cleaning, and running kernel passes over it with
 * crash-safe segment replacement, then moving its checkpoint forward.
 */
import type { BatchHeader } from '@rill/protocol';
import { runCleanerPass, type CleanerPassResult, type CleanerProgress } from '../cleaner/cleaner-pass.js';
import {
  compactionState,
  type CompactionSegment,
  type CompactionState,
} from '../cleaner/compaction-policy.js';
import type { OffsetMap } from '../cleaner/offset-map.js';
import { LONG_MAX } from '../config/topic-config.js';
import type { Partition } from '../partition/partition.js';
import {
  readCleanerCheckpoint,
  writeCleanerCheckpoint,
  type CleanerCheckpoint,
} from './cleaner-checkpoint.js';
import { cleanedWriterFactory, PassObservations } from './cleaned-writer.js';
import { cleanableSegments, firstBatchTimestamp } from './segment-source.js';

/** What the cleaner keeps per partition between passes. */
export class PartitionCleanState {
  checkpoint: CleanerCheckpoint | null = null;

  async loadCheckpoint(p: Partition): Promise<CleanerCheckpoint> {
    this.checkpoint ??= await readCleanerCheckpoint(p.io, p.dir);
    return this.checkpoint;
  }
}

export interface Inspection {
  readonly state: CompactionState;
  readonly checkpoint: CleanerCheckpoint;
  /** A tombstone's delete horizon has passed: a pass would remove it. */
  readonly horizonDue: boolean;
  /** There is at least one closed segment below the uncleanable point to clean. */
  readonly hasCleanable: boolean;
}

/** Compute the partition's cleanable range and whether it needs cleaning at `now`. */
export async function inspect(p: Partition, st: PartitionCleanState, now: number): Promise<Inspection> {
  const checkpoint = await st.loadCheckpoint(p);
  const config = p.topicConfig;
  const infos = await p.maintenance.listSegments();
  const needFirstBatch = config['max.compaction.lag.ms'] < LONG_MAX;
  const byBase = needFirstBatch ? new Map(p.segments.map((x) => [x.baseOffset, x])) : null;
  const segments: CompactionSegment[] = [];
  for (let i = 0; i < infos.length; i++) {
    const s = infos[i]!;
    const seg = byBase?.get(s.baseOffset);
    const first = needFirstBatch && !s.isActive && seg !== undefined ? await firstBatchTimestamp(seg) : -1;
    segments.push({ ...s, firstBatchTimestamp: first });
  }
  const state = compactionState({
    segments,
    logStartOffset: p.logStartOffset,
    checkpointOffset: checkpoint.firstDirtyOffset,
    lastStableOffset: Math.min(p.lastStableOffset, p.highWatermark),
    now,
    minCleanableDirtyRatio: config['min.cleanable.dirty.ratio'],
    minCompactionLagMs: config['min.compaction.lag.ms'],
    maxCompactionLagMs: config['max.compaction.lag.ms'],
  });
  const horizonDue = checkpoint.deleteHorizonMs >= 0 && now >= checkpoint.deleteHorizonMs;
  const hasCleanable = infos.some((s) => !s.isActive && s.endOffset <= state.firstUncleanableOffset);
  return { state, checkpoint, horizonDue, hasCleanable };
}

/** Would the background cleaner pick this partition? */
export function wantsCleaning(i: Inspection): boolean {
  return i.hasCleanable && (i.state.needsCompaction || i.horizonDue);
}

/** Is there anything for an explicit pass to do? */
export function hasWork(i: Inspection): boolean {
  return i.hasCleanable && (i.state.firstDirtyOffset < i.state.firstUncleanableOffset || i.horizonDue);
}

export interface PassContext {
  readonly map: OffsetMap;
  readonly now: number;
  readonly ioBufferBytes: number;
  readonly throttle?: (progress: CleanerProgress) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * Each active producer's last batch (its last offset), from the partition's producer state, as
 * Kafka's cleaner takes it: only that batch keeps an empty header when compaction empties it,
 * so the producer's last sequence and epoch survive; emptied older batches disappear.
 */
export function producerLastOffsets(p: Partition): Map<number, number> {
  const out = new Map<number, number>();
  for (const [pid, entry] of p.producers.entries) {
    const last = entry.batches[entry.batches.length - 1];
    if (last !== undefined) out.set(pid, last.lastOffset);
  }
  return out;
}

/** Run one pass over the inspected range and move the checkpoint to where it ended. */
export async function runPass(
  p: Partition,
  st: PartitionCleanState,
  inspection: Inspection,
  ctx: PassContext,
): Promise<CleanerPassResult> {
  const { state } = inspection;
  const config = p.topicConfig;
  const half = Math.max(1, Math.floor(ctx.ioBufferBytes / 2));
  const lastOffsets = producerLastOffsets(p);
  const retainEmptyBatch = (h: BatchHeader): boolean =>
    h.producerId >= 0 && lastOffsets.get(h.producerId) === h.baseOffset + h.lastOffsetDelta;
  const observations = new PassObservations();
  const result = await runCleanerPass({
    segments: cleanableSegments(p, state.firstUncleanableOffset, half),
    firstDirtyOffset: state.firstDirtyOffset,
    firstUncleanableOffset: state.firstUncleanableOffset,
    map: ctx.map,
    now: ctx.now,
    deleteRetentionMs: config['delete.retention.ms'],
    segmentBytes: config['segment.bytes'],
    createWriter: cleanedWriterFactory(p, { writeBufferBytes: half, observations }),
    retainEmptyBatch,
    // Records of aborted transactions are dropped (and never shadow committed values), as
    // Kafka's cleaner does from the aborted-transaction index.
    isAborted: (h: BatchHeader) => p.producers.txnIndex.isAborted(h.producerId, h.baseOffset),
    ...(ctx.throttle === undefined ? {} : { throttle: ctx.throttle }),
    ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
  });
  const horizon = observations.earliestHorizon;
  const next: CleanerCheckpoint = {
    firstDirtyOffset: result.nextDirtyOffset,
    deleteHorizonMs: Number.isFinite(horizon) ? horizon : -1,
  };
  await writeCleanerCheckpoint(p.io, p.dir, next);
  st.checkpoint = next;
  return result;
}
