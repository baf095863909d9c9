/**
 * A partition: an ordered list of segments, the last one active. A facade over small
 * collaborators: the append path (append-path.ts: offsets in call order, one positional write per
 * append, rolls), the Flusher (when to fsync), the Watermark (readers see offsets below the high
 * watermark only, the durable end under group commit), the read path (read-path.ts), maintenance
 * (maintenance.ts) and producer state. Any write or fsync failure fails this partition alone.
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
import type { LogSegment, SegmentContext } from '../segment/log-segment.js';
import { AppendPath } from './append-path.js';
import { prepareProducerBatches, prepareRecords } from './append-prep.js';
import { ProducerState, type ProducerStateOptions } from '../producer/producer-state.js';
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
  /** @internal What readers may see and appends wait on. */
  readonly watermark: Watermark;
  /** @internal When the active segment is fsynced. */
  readonly flusher: Flusher;
  private config: Readonly<TopicConfig>;
  private readonly writes: AppendPath;
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
    this.writes = new AppendPath(this, end);
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
    return this.writes.writtenEnd;
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
    if (flushPolicyOf(config).kind === 'interval') this.watermark.advance(this.writes.writtenEnd);
  }

  /**
   * Append producer batches (validated, offsets assigned here). The buffer is edited in place
   * (base offsets, LogAppendTime): the caller hands it over. `allowControl` lets the
   * transaction coordinator write commit/abort markers; clients may not.
   */
  appendBatches(batches: Buffer, options: { readonly allowControl?: boolean } = {}): Promise<AppendResult> {
    try {
      this.checkWritable();
      return this.writes.append(
        prepareProducerBatches(batches, this.config, this.clock.now(), options.allowControl ?? false),
      );
    } catch (e) {
      return Promise.reject(e);
    }
  }

  appendRecords(records: readonly RecordInput[], options: AppendRecordsOptions = {}): Promise<AppendResult> {
    try {
      this.checkWritable();
      return this.writes.append(prepareRecords(records, options, this.config, this.clock.now()));
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

  /** @internal Run `fn` (an fsync of the active segment, a roll) after the ones before it. */
  withRollLock<T>(fn: () => Promise<T>): Promise<T> {
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

  /** @internal Fail the partition: pending appends reject with `error`, later ones with PARTITION_FAILED. Reads keep working. */
  fail(error: LogError): LogError {
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
      if (this.active.size > 0) await this.writes.roll(this.writes.writtenEnd);
    });
  }

  /** Run `fn` with appends paused (no write in flight); for maintenance that edits segments. */
  /** @internal */ exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.writes.exclusive(fn);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const failedBefore = this.failure !== null;
    await this.writes.idle();
    this.flusher.stop();
    await this.flusher.idle();
    if (this.failure === null) {
      try {
        await this.writes.closeCleanly();
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
