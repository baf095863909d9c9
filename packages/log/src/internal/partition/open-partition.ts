/**
 * Opening a partition directory: finish or discard interrupted segment replacements, remove
 * leftovers (`.deleted`, `.cleaned`, temp files, orphan indexes), load the segment list, and
 * recover every segment holding offsets at or above the recovery point — batch by batch,
 * truncating a torn or corrupt tail and rebuilding indexes. A clean reopen (recovery point
 * = log end) validates nothing and reads only the active segment's index tail.
 */
import { join } from 'node:path';
import { storageError } from '../../errors.js';
import type { TopicConfig } from '../config/topic-config.js';
import { type FdCache, sharedFdCache } from '../segment/fd-cache.js';
import {
  INDEX_SUFFIX,
  LOG_SUFFIX,
  parseSegmentName,
  segmentPath,
  TIME_INDEX_SUFFIX,
  TXN_INDEX_SUFFIX,
} from '../segment/file-names.js';
import { LogSegment, type SegmentContext } from '../segment/log-segment.js';
import { recoverSegment } from '../segment/segment-recovery.js';
import { readCheckpoint, writeCheckpoint } from './checkpoint.js';
import { recoverProducerState, type ProducerRecovery } from '../producer/recover-producers.js';
import { Partition } from './partition.js';
import { completeReplacements } from './segment-replacement.js';
import type { PartitionOpenOptions } from './types.js';

/** What recovery did, for logs and tests. */
export interface RecoveryReport {
  /** Segments validated batch by batch. */
  readonly segmentsRecovered: number;
  /** Bytes cut from torn or corrupt tails. */
  readonly truncatedBytes: number;
  /** Segments removed because they followed a truncated one. */
  readonly segmentsDropped: number;
  readonly reasons: readonly string[];
  /** Producer state: the snapshot loaded and the batches replayed after it (filled in once rebuilt). */
  producers?: ProducerRecovery;
}

export interface OpenPartitionOptions extends PartitionOpenOptions {
  /** Read-descriptor cache; default one shared by every partition over the same FileIO (256 handles). */
  readonly fdCache?: FdCache;
}

async function removeIfPresent(io: PartitionOpenOptions['io'], path: string): Promise<void> {
  if (await io.exists(path)) await io.unlink(path);
}

async function removeSegmentFiles(seg: LogSegment, o: PartitionOpenOptions, fds: FdCache): Promise<void> {
  for (const p of [seg.logPath, seg.indexPath, seg.timeIndexPath]) {
    await fds.invalidate(p);
    await removeIfPresent(o.io, p);
  }
  await removeIfPresent(o.io, segmentPath(o.dir, seg.baseOffset, TXN_INDEX_SUFFIX));
}

/**
 * Open (creating if needed) and recover a partition; what recovery did is in `partition.recovery`.
 * @throws LogError KAFKA_STORAGE_ERROR / DISK_FULL when the directory cannot be read or repaired.
 */
export async function openPartition(o: OpenPartitionOptions): Promise<Partition> {
  try {
    return await load(o);
  } catch (e) {
    throw storageError(`opening ${o.topic}-${o.partition} in ${o.dir}`, e);
  }
}

async function load(o: OpenPartitionOptions): Promise<Partition> {
  const { io, dir, clock } = o;
  const config = o.config;
  await io.mkdir(dir);
  await completeReplacements(io, dir);

  const logs: number[] = [];
  const indexOwners: { name: string; base: number }[] = [];
  for (const name of await io.readdir(dir)) {
    const parsed = parseSegmentName(name);
    if (parsed === null) {
      if (name.endsWith('.tmp')) await io.unlink(join(dir, name));
      continue;
    }
    if (parsed.state !== '') await io.unlink(join(dir, name));
    else if (parsed.suffix === LOG_SUFFIX) logs.push(parsed.baseOffset);
    // An orphan .txnindex only lists transactions of deleted or replaced segments.
    else if (
      parsed.suffix === INDEX_SUFFIX ||
      parsed.suffix === TIME_INDEX_SUFFIX ||
      parsed.suffix === TXN_INDEX_SUFFIX
    )
      indexOwners.push({ name, base: parsed.baseOffset });
  }
  logs.sort((a, b) => a - b);
  const logSet = new Set(logs);
  for (const ix of indexOwners) if (!logSet.has(ix.base)) await io.unlink(join(dir, ix.name));

  let configOf: () => Readonly<TopicConfig> = () => config;
  const fds = o.fdCache ?? sharedFdCache(io);
  const ctx: SegmentContext = { dir, io, fds, indexIntervalBytes: () => configOf()['index.interval.bytes'] };
  const checkpoint = await readCheckpoint(io, dir);
  let lso = checkpoint?.logStartOffset ?? 0;
  const recoveryPoint = checkpoint?.recoveryPoint ?? 0;

  let segments: LogSegment[] = [];
  for (const base of logs) {
    const lease = await fds.acquire(join(dir, `${String(base).padStart(20, '0')}${LOG_SUFFIX}`));
    let size: number;
    try {
      size = await lease.handle.size();
    } finally {
      lease.release();
    }
    segments.push(new LogSegment(ctx, base, size));
  }

  // Segments wholly below the log start offset were being deleted: finish that.
  while (segments.length > 1 && segments[1]!.baseOffset <= lso)
    await removeSegmentFiles(segments.shift()!, o, fds);

  let segmentsRecovered = 0;
  let truncatedBytes = 0;
  let segmentsDropped = 0;
  const reasons: string[] = [];
  let changed = checkpoint === null;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next = segments[i + 1];
    if (next !== undefined && next.baseOffset <= recoveryPoint) continue;
    // The active segment needs no validation when nothing lies past the recovery point and
    // its structure is intact (a clean reopen): its index tail is read, not the whole file.
    // The active segment's indexes are written only on a clean close: without them, skip
    // straight to validation rather than rebuilding them from one scan and validating in another.
    if (
      next === undefined &&
      checkpoint !== null &&
      seg.baseOffset <= recoveryPoint &&
      (await io.exists(seg.indexPath))
    ) {
      if ((await seg.ensureIndexes(Number.MAX_SAFE_INTEGER)) && seg.nextOffset <= recoveryPoint) continue;
      seg.unloadIndexes();
    }
    const r = await recoverSegment(seg, ctx, seg.baseOffset);
    segmentsRecovered++;
    changed = true;
    if (r.truncatedBytes > 0) {
      truncatedBytes += r.truncatedBytes;
      reasons.push(`${seg.logPath}: ${r.reason ?? 'torn tail'}`);
      // Like Kafka: what follows a damaged segment cannot be trusted to be contiguous.
      for (const later of segments.slice(i + 1)) await removeSegmentFiles(later, o, fds);
      segmentsDropped += segments.length - i - 1;
      segments = segments.slice(0, i + 1);
    }
    if (i < segments.length - 1) {
      // The bytes validated may sit only in the page cache (process crash): make them durable.
      const h = await io.open(seg.logPath, 'rw');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
      await seg.writeIndexes();
    }
  }

  let last = segments[segments.length - 1];
  if (last !== undefined) {
    await last.ensureIndexes(Number.MAX_SAFE_INTEGER);
    if (last.nextOffset < lso) {
      // Everything stored is below the log start offset: start afresh there.
      for (const s of segments) await removeSegmentFiles(s, o, fds);
      segments = [];
      last = undefined;
    }
  }
  if (last === undefined) {
    last = await LogSegment.create(ctx, lso);
    segments = [last];
    await io.syncDir(dir);
    changed = true;
  } else {
    await last.openForAppend();
    await last.sync();
    if (last.size > 0) last.rollBaseTime = clock.now();
  }
  lso = Math.max(lso, segments[0]!.baseOffset);
  const end = last.nextOffset;
  if (changed || recoveryPoint !== end)
    await writeCheckpoint(io, dir, { recoveryPoint: end, logStartOffset: lso });

  const recovery: { -readonly [K in keyof RecoveryReport]: RecoveryReport[K] } = {
    segmentsRecovered,
    truncatedBytes,
    segmentsDropped,
    reasons,
  };
  const partition = new Partition(
    {
      dir,
      topic: o.topic,
      partition: o.partition,
      io,
      clock,
      fds,
      ctx,
      segments,
      logStartOffset: lso,
      recoveryPoint: end,
      recovery,
      ...(o.producerState === undefined ? {} : { producerState: o.producerState }),
    },
    config,
  );
  configOf = () => partition.topicConfig;
  recovery.producers = await recoverProducerState(partition);
  return partition;
}
