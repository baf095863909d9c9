/**
 * A partition: an ordered list of segments, the last one active. Appends are assigned
 * offsets in call order and written one at a time (one positional write per append); the
 * Flusher decides when to fsync. Readers see offsets below the high watermark only, which is
 * the durable end under group commit. Any write or fsync failure fails this partition alone.
 */
import { sep } from 'node:path';
import type { RecordInput } from '@rill/protocol';
import { LogError, storageError } from '../../errors.js';
import type { Clock } from '../clock/clock.js';
import type { TopicConfig } from '../config/topic-config.js';
import { flushPolicyOf } from '../durability/flush-policy.js';
import { Flusher } from '../durability/flusher.js';
import type { FileIO } from '../io/file-io.js';
import type { FdCache } from '../segment/fd-cache.js';
import { IndexResidency } from '../segment/index-residency.js';
import { type AppendedBatch, LogSegment, type SegmentContext } from '../segment/log-segment.js';
import { assignOffsets, type PreparedAppend, prepareProducerBatches, prepareRecords } from './append-prep.js';
import type { BatchMetadata } from '../producer/producer-entry.js';
import { ProducerState, type ProducerStateOptions } from '../producer/producer-state.js';
import { clearProducersDirty, markProducersDirty } from '../producer/dirty-marker.js';
import { writeProducerSnapshot } from '../producer/snapshot-files.js';
import type { AbortedTxn } from '../producer/txn-index.js';
import { writeCheckpoint } from './checkpoint.js';
import { PartitionMaintenance } from './maintenance.js';
import { checkOffset, offsetForTimestamp as findOffsetForTimestamp, readPartition } from './read-path.js';
import { Watermark } from './watermark.js';
import type { RecoveryReport } from './open-partition.js';
import type {
  AppendRecordsOptions,
  AppendResult,
  PartitionLog,
  ReadOptions,
  ReadResult,
  TimestampOffset,
} from './types.js';

// The engine opens partitions through this module.
export { openPartition } from './open-partition.js';
export type { OpenPartitionOptions, RecoveryReport } from './open-partition.js';

const MAX_RELATIVE_OFFSET = 0x7fffffff;

/** State recovered by openPartition. */
export interface LoadedPartition {
  readonly dir: string;
  readonly topic: string;
  readonly partition: number;
  readonly io: FileIO;
  readonly clock: Clock;
  readonly fds: FdCache;
  readonly ctx: SegmentContext;
  readonly segments: LogSegment[];
  readonly logStartOffset: number;
  readonly recoveryPoint: number;
  readonly recovery: RecoveryReport;
  readonly producerState?: ProducerStateOptions;
}

export class Partition implements PartitionLog {
  readonly topic: string;
  readonly partition: number;
  readonly dir: string;
  /** @internal */ readonly io: FileIO;
  /** @internal */ readonly clock: Clock;
  /** @internal */ readonly fds: FdCache;
  /** @internal */ readonly ctx: SegmentContext;
  /** @internal */ segments: LogSegment[];
  /** @internal */ lso: number;
  /** @internal */ recoveryPoint: number;
  /** @internal Bounds how many inactive segments keep their indexes in memory. */
  readonly residency = new IndexResidency();
  /** Retention and compaction hooks (internal API, see maintenance.ts). */
  readonly maintenance: PartitionMaintenance;
  /** What recovery did when this partition was opened. */
  readonly recovery: RecoveryReport;
  /** Idempotent-producer and transaction state (internal API). */
  readonly producers: ProducerState;
  /** @internal Whether producer batches may exist past the last clean-close snapshot (see dirty-marker.ts). */
  producersDirty = false;
  private config: Readonly<TopicConfig>;
  private nextOffset: number;
  private writtenEnd: number;
  private readonly watermark: Watermark;
  private readonly flusher: Flusher;
  private writeChain: Promise<void> = Promise.resolve();
  /** Serializes fsync of the active segment with rolls (which close it). */
  private rollLock: Promise<void> = Promise.resolve();
  private failure: LogError | null = null;
  private closing = false;

  constructor(loaded: LoadedPartition, config: Readonly<TopicConfig>) {
    this.topic = loaded.topic;
    this.partition = loaded.partition;
    this.dir = loaded.dir;
    this.io = loaded.io;
    this.clock = loaded.clock;
    this.fds = loaded.fds;
    this.ctx = loaded.ctx;
    this.segments = loaded.segments;
    this.lso = loaded.logStartOffset;
    this.recoveryPoint = loaded.recoveryPoint;
    this.recovery = loaded.recovery;
    this.config = config;
    const end = this.active.nextOffset;
    this.nextOffset = end;
    this.writtenEnd = end;
    this.watermark = new Watermark(end);
    this.flusher = new Flusher(
      loaded.clock,
      {
        sync: () => this.withRollLock(() => this.active.sync()),
        onDurable: (e) => this.onDurable(e),
        onSyncFailed: (e) =>
          this.fail(
            e instanceof LogError
              ? e
              : new LogError('FSYNC_FAILED', `fsync of ${this.active.logPath} failed`, { cause: e }),
          ),
      },
      () => flushPolicyOf(this.config),
      end,
    );
    this.maintenance = new PartitionMaintenance(this);
    this.producers = new ProducerState(loaded.io, loaded.dir, loaded.producerState);
  }

  get logStartOffset(): number {
    return this.lso;
  }

  get logEndOffset(): number {
    return this.writtenEnd;
  }

  get highWatermark(): number {
    return this.watermark.value;
  }

  /** First offset of the earliest transaction not yet decided and durable, else the high watermark. */
  get lastStableOffset(): number {
    const hw = this.watermark.value;
    // As Kafka: an open transaction whose start was deleted (DeleteRecords, retention) cannot
    // hold the LSO below the log start offset.
    return Math.max(this.producers.firstUnstableOffset(hw), Math.min(this.lso, hw));
  }

  /** The error that failed this partition, if any. */
  get failed(): LogError | null {
    return this.failure;
  }

  /** @internal */ get active(): LogSegment {
    return this.segments[this.segments.length - 1]!;
  }

  /** @internal */ get topicConfig(): Readonly<TopicConfig> {
    return this.config;
  }

  updateConfig(config: Readonly<TopicConfig>): void {
    this.config = config;
    if (flushPolicyOf(config).kind === 'interval') this.watermark.advance(this.writtenEnd);
  }

  /**
   * Append producer batches (validated, offsets assigned here). The buffer is edited in place
   * (base offsets, LogAppendTime): the caller hands it over. `allowControl` lets the
   * transaction coordinator write commit/abort markers; clients may not.
   */
  appendBatches(batches: Buffer, options: { readonly allowControl?: boolean } = {}): Promise<AppendResult> {
    try {
      this.checkWritable();
      return this.append(
        prepareProducerBatches(batches, this.config, this.clock.now(), options.allowControl ?? false),
      );
    } catch (e) {
      return Promise.reject(e);
    }
  }

  appendRecords(records: readonly RecordInput[], options: AppendRecordsOptions = {}): Promise<AppendResult> {
    try {
      this.checkWritable();
      return this.append(prepareRecords(records, options, this.config, this.clock.now()));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private checkWritable(): void {
    if (this.closing) throw new LogError('CLOSED', `partition ${this.topic}-${this.partition} is closed`);
    if (this.failure !== null) {
      throw new LogError(
        'PARTITION_FAILED',
        `partition ${this.topic}-${this.partition} has failed (${this.failure.code}): ${this.failure.message}`,
        { cause: this.failure },
      );
    }
  }

  private append(p: PreparedAppend): Promise<AppendResult> {
    const base = this.nextOffset;
    let aborted: AbortedTxn[] = [];
    if (p.producers !== null) {
      // Checked and applied synchronously, in offset order, before the offsets are taken.
      const now = this.clock.now();
      const prepared = this.producers.prepare(p.producers, base, now, `${this.topic}-${this.partition}`);
      if (prepared.duplicate !== null) return this.ackDuplicate(prepared.duplicate);
      aborted = this.producers.commit(prepared, now);
    }
    const last = base + p.offsetCount - 1;
    this.nextOffset = last + 1;
    const { data, batches } = assignOffsets(p, base);
    // A marker ends a transaction that its coordinator waits on: it skips the group-commit window.
    const urgent = p.producers !== null && p.producers.some((b) => b.control !== null);
    const hasProducers = p.producers !== null;
    const written = this.writeChain.then(() =>
      this.write(data, batches, p.offsetCount, aborted, urgent, hasProducers),
    );
    // Sequencing only: a failed write fails the partition and rejects through `written`.
    this.writeChain = written.then(
      () => undefined,
      () => undefined,
    );
    return written.then(async ({ policyFlush }) => {
      if (policyFlush !== null) {
        await policyFlush.catch((e: unknown) => {
          throw this.failure ?? e;
        });
      }
      if (this.failure !== null && this.watermark.value <= last) throw this.failure;
      await this.watermark.waitAck(last);
      return { baseOffset: base, lastOffset: last, logAppendTime: p.logAppendTime, logStartOffset: this.lso };
    });
  }

  /** A retry of a batch in the dedup window: acknowledged with its original offsets once they are durable. */
  private async ackDuplicate(d: BatchMetadata): Promise<AppendResult> {
    if (this.watermark.value <= d.lastOffset) {
      if (this.failure !== null) throw this.failure;
      await this.watermark.waitAck(d.lastOffset);
    }
    return {
      baseOffset: d.firstOffset,
      lastOffset: d.lastOffset,
      logAppendTime: -1,
      logStartOffset: this.lso,
    };
  }

  /** Returns the policy flush to await before acknowledging (wrapped: a bare promise would be flattened). */
  private async write(
    data: Buffer,
    batches: readonly AppendedBatch[],
    count: number,
    aborted: readonly AbortedTxn[],
    urgent = false,
    hasProducers = false,
  ): Promise<{ policyFlush: Promise<void> | null }> {
    if (this.failure !== null) throw this.failure;
    const now = this.clock.now();
    const first = batches[0]!;
    const last = batches[batches.length - 1]!;
    if (this.shouldRoll(this.active, data.length, now, last.lastOffset)) await this.roll(first.baseOffset);
    try {
      // Durable before the batch can be: recovery must know to replay producer state.
      if (hasProducers && !this.producersDirty) {
        await markProducersDirty(this.io, this.dir);
        this.producersDirty = true;
      }
      if (aborted.length > 0) {
        // Indexed durably before the ABORT marker can be: a snapshot taken later must never
        // cover a marker whose entry was lost. An entry whose marker is lost instead lies past
        // the replay point and is dropped by recovery.
        const base = this.active.baseOffset;
        await this.producers.txnIndex.persist(aborted, base);
        for (const a of aborted) this.producers.txnIndex.add(a, base);
      }
      await this.active.append(data, batches, now);
    } catch (e) {
      throw this.fail(storageError(`writing ${this.active.logPath}`, e));
    }
    this.writtenEnd = last.lastOffset + 1;
    const policyFlush = this.flusher.written(this.writtenEnd, count);
    // A failed fsync reaches the waiting append through the partition's failure.
    if (urgent && policyFlush === null) this.flusher.flush().then(undefined, () => undefined);
    if (flushPolicyOf(this.config).kind === 'interval') this.watermark.advance(this.writtenEnd);
    return { policyFlush };
  }

  private shouldRoll(seg: LogSegment, bytes: number, now: number, lastOffset: number): boolean {
    if (seg.size === 0) return false;
    const c = this.config;
    if (seg.size + bytes > c['segment.bytes']) return true;
    if (seg.rollBaseTime !== null && now - seg.rollBaseTime > c['segment.ms'] - seg.rollJitterMs) return true;
    const maxEntries = Math.floor(c['segment.index.bytes'] / 12);
    if ((seg.offsetIndex?.entries ?? 0) >= maxEntries || (seg.timeIndex?.entries ?? 0) >= maxEntries)
      return true;
    return lastOffset - seg.baseOffset > MAX_RELATIVE_OFFSET;
  }

  /** Close the active segment durably and start a new one at `baseOffset`. */
  private async roll(baseOffset: number): Promise<void> {
    await this.withRollLock(async () => {
      try {
        await this.active.makeInactive();
        const seg = await LogSegment.create(this.ctx, baseOffset);
        const jitter = this.config['segment.jitter.ms'];
        seg.rollJitterMs = jitter > 0 ? Math.floor(Math.random() * jitter) : 0;
        await this.io.syncDir(this.dir);
        this.segments.push(seg);
        // Producer state of every offset assigned so far; recovery discards it if the log ends before it.
        await writeProducerSnapshot(this.io, this.dir, this.nextOffset, this.producers.snapshot());
        this.recoveryPoint = baseOffset;
        await writeCheckpoint(this.io, this.dir, { recoveryPoint: baseOffset, logStartOffset: this.lso });
      } catch (e) {
        throw this.fail(
          storageError(`rolling ${this.topic}-${this.partition} to a new segment at ${baseOffset}`, e),
        );
      }
    });
    this.flusher.markDurable(baseOffset);
  }

  private withRollLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.rollLock.then(fn);
    this.rollLock = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private onDurable(end: number): void {
    if (flushPolicyOf(this.config).kind === 'group-commit') this.watermark.advance(end);
  }

  /** Fail the partition: pending appends reject with `error`, later ones with PARTITION_FAILED. Reads keep working. */
  private fail(error: LogError): LogError {
    if (this.failure !== null) return this.failure;
    this.failure = error;
    this.flusher.stop();
    this.watermark.rejectAcks(error);
    return error;
  }

  read(offset: number, options: ReadOptions = {}): Promise<ReadResult> {
    return readPartition(this, offset, options);
  }

  offsetForTimestamp(timestamp: number): Promise<TimestampOffset | null> {
    return findOffsetForTimestamp(this, timestamp);
  }

  async deleteRecordsBefore(offset: number): Promise<number> {
    this.checkWritable();
    checkOffset(this, offset, this.highWatermark);
    return this.maintenance.advanceLogStartOffset(offset);
  }

  waitForData(offset: number, signal?: AbortSignal): Promise<void> {
    if (this.closing) return Promise.resolve();
    return this.watermark.waitForData(offset, signal);
  }

  /** @internal Roll the active segment now if it holds data (retention deleting everything, tests). */
  rollActive(): Promise<void> {
    return this.exclusive(async () => {
      this.checkWritable();
      if (this.active.size > 0) await this.roll(this.writtenEnd);
    });
  }

  /** Run `fn` with appends paused (no write in flight); for maintenance that edits segments. */
  /** @internal */ exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeChain.then(fn);
    this.writeChain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const failedBefore = this.failure !== null;
    await this.writeChain;
    this.flusher.stop();
    await this.flusher.idle();
    if (this.failure === null) {
      try {
        await this.withRollLock(async () => {
          await this.active.sync();
          await this.active.writeIndexes();
        });
        this.watermark.advance(this.writtenEnd);
        await writeProducerSnapshot(this.io, this.dir, this.writtenEnd, this.producers.snapshot());
        // The snapshot covers the whole (synced) log: no replay is needed until the next producer batch.
        await clearProducersDirty(this.io, this.dir);
        this.producersDirty = false;
        this.recoveryPoint = this.writtenEnd;
        await writeCheckpoint(this.io, this.dir, {
          recoveryPoint: this.writtenEnd,
          logStartOffset: this.lso,
        });
      } catch (e) {
        this.fail(storageError(`closing ${this.topic}-${this.partition}`, e));
      }
    }
    this.watermark.rejectAcks(this.failure ?? new LogError('CLOSED', 'partition closed'));
    this.watermark.releaseReaders();
    await this.active.closeWriter();
    await this.fds.invalidatePrefix(this.dir.endsWith(sep) ? this.dir : this.dir + sep);
    // A partition that had already failed closes quietly (its writers saw the error);
    // a failure while closing is reported.
    if (!failedBefore && this.failure !== null) throw this.failure;
  }

  async delete(): Promise<void> {
    await this.close();
    await this.io.rmdir(this.dir);
  }
}
