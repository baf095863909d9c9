/**
 * LogEngine: the embedded log's public facade. Topics, partitioned appends, reads and an async
 * record iterator over segmented partitions stored as Kafka RecordBatch v2 bytes.
 */
import { encodeControlBatch, type RecordInput } from '@rill/protocol';
import { LogError } from './errors.js';
import type { Clock } from './internal/clock/clock.js';
import type { BrokerConfig } from './internal/config/broker-config.js';
import type { TopicConfigInput } from './internal/config/validate.js';
import {
  groupByPartition,
  type ProducerRecord,
  type RecordMetadata,
} from './internal/engine/producer-records.js';
import { recordStream, type ConsumedRecord } from './internal/engine/record-stream.js';
import { writeCleanShutdownMarker } from './internal/engine/shutdown-marker.js';
import { openEngineParts } from './internal/engine/open-engine.js';
import type { AlterConfigOptions, TopicManager } from './internal/engine/topic-manager.js';
import type {
  CreateTopicOptions,
  LogEngineOptions,
  PartitionOffsets,
  RecordsOptions,
  TopicDescription,
} from './internal/engine/engine-types.js';
import type { FileIO } from './internal/io/file-io.js';
import type { DirLock } from './internal/lock/dir-lock.js';
import type { LogManager } from './internal/maintenance/log-manager.js';
import type { CompactionResult, CompactOptions, RetentionResult } from './internal/maintenance/types.js';
import {
  checkOffset,
  offsetForTimestamp,
  partitionsOf,
  waitPastOffset,
} from './internal/engine/partition-queries.js';
import type {
  AppendRecordsOptions,
  AppendResult,
  ReadOptions,
  ReadResult,
  TimestampOffset,
} from './internal/partition/types.js';
import { StickyPartitioner } from './internal/partitioner/sticky-partitioner.js';
import { describeProducers, type ProducerDescription } from './internal/producer/describe-producers.js';
import { ProducerIdManager } from './internal/producer/producer-id-manager.js';

/**
 * The embedded log engine.
 *
 * @example
 * ```ts
 * const engine = await LogEngine.open({ dataDir: './data' });
 * await engine.createTopic('orders', { partitions: 3 });
 * const [meta] = await engine.append('orders', [{ key: 'user-1', value: 'hello' }]);
 * const { batches } = await engine.read('orders', meta!.partition, meta!.offset);
 * await engine.close();
 * ```
 */
export class LogEngine {
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly sticky = new StickyPartitioner();
  private producerIds: ProducerIdManager | undefined;

  private constructor(
    private readonly dataDir: string,
    private readonly io: FileIO,
    private readonly clock: Clock,
    private readonly broker: BrokerConfig,
    private readonly topics: TopicManager,
    private readonly lock: DirLock,
    private readonly maintenance: LogManager,
  ) {}

  /**
   * Open (or create) the log in `options.dataDir`: take the directory lock, load topics and open
   * every partition, skipping tail recovery if the last shutdown was clean.
   * @throws LogError LOG_DIR_LOCKED if another engine (here or in another process) has the directory;
   *   INVALID_CONFIG for a bad `brokerConfig`; KAFKA_STORAGE_ERROR if the data cannot be read.
   */
  static async open(options: LogEngineOptions): Promise<LogEngine> {
    const p = await openEngineParts(options);
    return new LogEngine(p.dataDir, p.io, p.clock, p.broker, p.topics, p.lock, p.maintenance);
  }

  /**
   * The broker config this engine was opened with, parsed and with Kafka's defaults filled in:
   * topic defaults, the log manager's and cleaner's settings, producer-id expiry, and the group and
   * transaction coordinators' settings (`groups`, `transactions`). The coordinators start from the
   * latter when opened over this engine, so one `brokerConfig` configures the whole node; an
   * explicit `config` passed to `GroupCoordinator.open` / `TransactionCoordinator.open` overrides
   * single keys.
   *
   * @example
   * ```ts
   * const engine = await LogEngine.open({ dataDir: './data', brokerConfig: { 'transactional.id.expiration.ms': 3_600_000 } });
   * engine.brokerConfig.transactions['transactional.id.expiration.ms']; // 3600000
   * const txns = await TransactionCoordinator.open({ engine }); // expires idle ids after an hour
   * ```
   */
  get brokerConfig(): BrokerConfig {
    return this.broker;
  }

  /**
   * Create a topic.
   * @throws LogError INVALID_TOPIC_EXCEPTION (bad name, or '.'/'_' collision with an existing topic),
   *   TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, INVALID_CONFIG.
   */
  async createTopic(name: string, opts: CreateTopicOptions = {}): Promise<void> {
    this.checkOpen();
    await this.topics.create(name, opts.partitions, opts.configs);
  }

  /** Delete a topic and its files. @throws LogError UNKNOWN_TOPIC_OR_PARTITION. */
  async deleteTopic(name: string): Promise<void> {
    this.checkOpen();
    // Kafka aborts and pauses cleaning of a partition before deleting it; so do we.
    const resume = await this.maintenance.pause(partitionsOf(this.topics.get(name).partitions));
    try {
      await this.topics.delete(name);
    } finally {
      resume();
    }
    this.sticky.reset(name);
  }

  /** Grow a topic to `totalCount` partitions (Kafka's CreatePartitions). @throws LogError INVALID_PARTITIONS, UNKNOWN_TOPIC_OR_PARTITION. */
  async createPartitions(name: string, totalCount: number): Promise<void> {
    this.checkOpen();
    await this.topics.createPartitions(name, totalCount);
    this.sticky.reset(name);
  }

  /** Names of all topics, sorted. */
  listTopics(): string[] {
    this.checkOpen();
    return this.topics.names();
  }

  /** @throws LogError UNKNOWN_TOPIC_OR_PARTITION. */
  describeTopic(name: string): TopicDescription {
    this.checkOpen();
    const { meta, config, partitions } = this.topics.get(name);
    return {
      name,
      topicId: meta.topicId,
      partitions: partitions.length,
      configs: config,
      overrides: meta.overrides,
    };
  }

  /**
   * Change a topic's config overrides: by default the given keys are set and others kept
   * (Kafka's IncrementalAlterConfigs SET); `delete` reverts keys to the engine default;
   * `replace` makes the given keys the only overrides (Kafka's AlterConfigs).
   * @throws LogError INVALID_CONFIG, UNKNOWN_TOPIC_OR_PARTITION.
   */
  async alterTopicConfig(name: string, configs: TopicConfigInput, opts?: AlterConfigOptions): Promise<void> {
    this.checkOpen();
    await this.topics.alterConfig(name, configs, opts);
  }

  /**
   * Append records to a topic. Each record goes to its `partition` if set, else the partition of
   * its key (Kafka's murmur2 partitioner), else the topic's sticky partition for keyless records.
   * Resolves when every record is durable under its topic's flush policy.
   * @returns per-record metadata, in input order.
   * @throws LogError UNKNOWN_TOPIC_OR_PARTITION (unknown topic with auto-create off, or a bad
   *   `partition`), INVALID_TIMESTAMP, MESSAGE_TOO_LARGE, and storage errors of the partition.
   */
  async append(topic: string, records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
    this.checkOpen();
    const entry = await this.topicForProduce(topic);
    const n = entry.partitions.length;
    const { groups, stickyPartition } = groupByPartition(topic, records, n, this.sticky, this.clock.now());
    const out = new Array<RecordMetadata>(records.length);
    const settled = await Promise.allSettled(
      [...groups.values()].map(async (g) => {
        const result = await entry.partitions[g.partition]!.appendRecords(g.inputs);
        for (let j = 0; j < g.indexes.length; j++) {
          const timestamp = result.logAppendTime !== -1 ? result.logAppendTime : g.inputs[j]!.timestamp!;
          out[g.indexes[j]!] = { topic, partition: g.partition, offset: result.baseOffset + j, timestamp };
        }
      }),
    );
    // The batch for the sticky partition is complete: later keyless records move on (KIP-480).
    if (stickyPartition >= 0) this.sticky.onNewBatch(topic, n, stickyPartition);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    return out;
  }

  /**
   * Append to one partition: records (encoded as one batch) or already-encoded RecordBatch v2
   * bytes (offsets are assigned here, as a broker does for Produce).
   */
  async appendToPartition(
    topic: string,
    partition: number,
    records: readonly RecordInput[] | Buffer,
    opts?: AppendRecordsOptions,
  ): Promise<AppendResult> {
    this.checkOpen();
    await this.topicForProduce(topic);
    const log = this.topics.partition(topic, partition);
    return Buffer.isBuffer(records)
      ? log.appendBatches(records)
      : log.appendRecords(records as readonly RecordInput[], opts);
  }

  /**
   * A new producer id for an idempotent producer (Kafka's InitProducerId without a transactional
   * id): ids are persisted in blocks and never repeat, also after a restart. Batches carrying it
   * with sequence numbers are deduplicated per partition.
   * @throws LogError KAFKA_STORAGE_ERROR if the id block cannot be persisted.
   */
  async initProducerId(): Promise<{ producerId: number; producerEpoch: number }> {
    return { producerId: await this.allocateProducerId(), producerEpoch: 0 };
  }

  /** @internal A fresh producer id (also for the transaction coordinator). */
  allocateProducerId(): Promise<number> {
    return this.run(() => {
      this.producerIds ??= new ProducerIdManager(this.io, this.dataDir);
      return this.producerIds.allocate();
    });
  }

  /**
   * The idempotent and transactional producers a partition knows (Kafka's DescribeProducers,
   * KIP-664), with their open transactions' first offsets.
   * @throws LogError UNKNOWN_TOPIC_OR_PARTITION.
   */
  describeProducers(topic: string, partition: number): ProducerDescription[] {
    this.checkOpen();
    const [p] = partitionsOf([this.topics.partition(topic, partition)]);
    return describeProducers(p!.producers);
  }

  /**
   * Abort a hanging transaction on one partition by writing its ABORT marker (Kafka's
   * Admin.abortTransaction, KIP-664): for a transaction its coordinator no longer knows, which
   * would otherwise hold the last stable offset forever. Find it with {@link describeProducers}.
   * @throws LogError UNKNOWN_TOPIC_OR_PARTITION; INVALID_PRODUCER_EPOCH if the epoch is older than
   *   the producer's; TRANSACTION_COORDINATOR_FENCED if `coordinatorEpoch` is older than its last marker's.
   */
  async abortTransaction(spec: {
    readonly topic: string;
    readonly partition: number;
    readonly producerId: number;
    readonly producerEpoch: number;
    readonly coordinatorEpoch: number;
  }): Promise<void> {
    const marker = encodeControlBatch({
      type: 'ABORT',
      producerId: spec.producerId,
      producerEpoch: spec.producerEpoch,
      coordinatorEpoch: spec.coordinatorEpoch,
      timestamp: this.clock.now(),
    });
    await this.appendControlBatch(spec.topic, spec.partition, marker);
  }

  /** @internal Append a COMMIT/ABORT marker batch (the transaction coordinator only). */
  appendControlBatch(topic: string, partition: number, batch: Buffer): Promise<AppendResult> {
    return this.run(() =>
      this.topics.partition(topic, partition).appendBatches(batch, { allowControl: true }),
    );
  }

  /**
   * Read whole, CRC-verified batches from `offset` (the first one contains it).
   * @throws LogError OFFSET_OUT_OF_RANGE, UNKNOWN_TOPIC_OR_PARTITION, CORRUPT_MESSAGE.
   */
  read(topic: string, partition: number, offset: number, opts?: ReadOptions): Promise<ReadResult> {
    return this.run(() => {
      checkOffset(topic, partition, offset);
      return this.topics.partition(topic, partition).read(offset, opts);
    });
  }

  /**
   * First offset whose timestamp is at or after `timestamp` (Kafka's ListOffsets); -1 (latest)
   * and -2 (earliest) answer the high watermark and the log start offset; -3 (max timestamp,
   * KIP-734) the offset and timestamp of the first record with the partition's largest
   * timestamp (null when the readable log is empty). Under
   * `isolation: 'read_committed'` latest is the last stable offset and offsets at or past it are
   * not answered (null), as Kafka's ListOffsets does.
   */
  offsetForTimestamp(
    topic: string,
    partition: number,
    timestamp: number,
    opts: { readonly isolation?: 'read_uncommitted' | 'read_committed' } = {},
  ): Promise<TimestampOffset | null> {
    return this.run(() =>
      offsetForTimestamp(this.topics.partition(topic, partition), timestamp, opts.isolation),
    );
  }

  /** @throws LogError UNKNOWN_TOPIC_OR_PARTITION. */
  offsets(topic: string, partition: number): PartitionOffsets {
    this.checkOpen();
    const log = this.topics.partition(topic, partition);
    return {
      logStartOffset: log.logStartOffset,
      highWatermark: log.highWatermark,
      logEndOffset: log.logEndOffset,
      lastStableOffset: log.lastStableOffset,
    };
  }

  /**
   * Advance the log start offset to `beforeOffset` (Kafka's DeleteRecords; -1 means the high
   * watermark). @returns the new log start offset. @throws LogError OFFSET_OUT_OF_RANGE.
   */
  deleteRecords(topic: string, partition: number, beforeOffset: number): Promise<number> {
    return this.run(() => {
      const log = this.topics.partition(topic, partition);
      const target = beforeOffset === -1 ? log.highWatermark : beforeOffset;
      checkOffset(topic, partition, target);
      return log.deleteRecordsBefore(target);
    });
  }

  /**
   * Apply retention now, as the background schedule (`log.retention.check.interval.ms`) does:
   * delete the oldest segments beyond `retention.ms` / `retention.bytes` for topics whose
   * `cleanup.policy` includes `delete` (rolling the active segment when all of it has expired),
   * and segments wholly below the log start offset for every topic.
   * @param topic one topic, or every topic when omitted
   * @returns what was done per partition (failed partitions are skipped)
   * @throws LogError UNKNOWN_TOPIC_OR_PARTITION, or the storage error of a partition.
   *
   * @example
   * ```ts
   * await engine.createTopic('events', { configs: { 'retention.ms': 60_000, 'segment.bytes': 1 << 20 } });
   * const [r] = await engine.runRetention('events');
   * console.log(r!.segmentsDeleted, r!.logStartOffset);
   * ```
   */
  runRetention(topic?: string): Promise<RetentionResult[]> {
    return this.run(() => {
      const logs = topic === undefined ? this.topics.allPartitions() : this.topics.get(topic).partitions;
      return this.maintenance.runRetention(partitionsOf(logs));
    });
  }

  /**
   * Compact one partition now, ignoring `min.cleanable.dirty.ratio`: cleaning passes until the
   * cleanable range (closed segments, within `min.compaction.lag.ms`) is covered, plus a pass
   * when a tombstone's `delete.retention.ms` horizon has passed. Keeps the latest record per
   * key with offsets preserved; never touches the active segment. Appends and reads run
   * beside it. For tests, tools and benchmarks; the background cleaner does the same on its own.
   * @throws LogError INVALID_REQUEST if the topic's cleanup.policy does not include `compact`;
   *   UNKNOWN_TOPIC_OR_PARTITION; CleanerError CLEANER_DEDUPE_BUFFER_TOO_SMALL when the dedupe
   *   buffer cannot hold one batch's keys; CLEANER_ABORTED when the engine closes meanwhile.
   *
   * @example
   * ```ts
   * await engine.createTopic('users', { configs: { 'cleanup.policy': 'compact', 'segment.bytes': 4096 } });
   * // ... appends ...
   * const stats = await engine.compact('users', 0);
   * console.log(stats.recordsRemoved, stats.nextDirtyOffset);
   * ```
   */
  compact(topic: string, partition: number, opts?: CompactOptions): Promise<CompactionResult> {
    return this.run(() => {
      const [p] = partitionsOf([this.topics.partition(topic, partition)]);
      return this.maintenance.compact(p!, opts);
    });
  }

  /**
   * Iterate decoded records from `fromOffset` (default the log start), then wait for new ones
   * without polling. Ends when `signal` aborts or the engine closes; throws if the topic is deleted.
   *
   * @example
   * ```ts
   * const ac = new AbortController();
   * for await (const r of engine.records('orders', 0, { signal: ac.signal })) {
   *   console.log(r.offset, r.value?.toString());
   *   if (r.offset >= 99) ac.abort();
   * }
   * ```
   */
  records(topic: string, partition: number, opts: RecordsOptions = {}): AsyncIterable<ConsumedRecord> {
    this.checkOpen();
    this.topics.partition(topic, partition);
    return recordStream({
      topic,
      partition,
      lookup: () => this.topics.partition(topic, partition),
      isClosed: () => this.closed,
      ...(opts.fromOffset === undefined ? {} : { fromOffset: opts.fromOffset }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      ...(opts.isolation === undefined ? {} : { isolation: opts.isolation }),
    });
  }

  /**
   * Wait, without polling, until `topic`-`partition` has data past `offset`: until its high
   * watermark (under `isolation: 'read_committed'`, its last stable offset) is above `offset`.
   * Also resolves when `signal` aborts, when the engine closes (or is closed already) and when
   * the partition is deleted, so the caller re-checks what it waits for after every wake-up.
   * Appends from any source wake it: Produce, the group and transaction coordinators, embedded
   * producers; under read_committed also a COMMIT/ABORT marker that moves the last stable offset.
   * @throws LogError UNKNOWN_TOPIC_OR_PARTITION if the partition does not exist (as a rejection).
   *
   * @example
   * ```ts
   * const ac = new AbortController();
   * setTimeout(() => ac.abort(), 5_000);
   * await engine.waitForData('orders', 0, engine.offsets('orders', 0).highWatermark, { signal: ac.signal });
   * ```
   */
  async waitForData(
    topic: string,
    partition: number,
    offset: number,
    opts: { readonly signal: AbortSignal; readonly isolation?: 'read_uncommitted' | 'read_committed' },
  ): Promise<void> {
    if (this.closed) return;
    const log = this.topics.partition(topic, partition);
    const stillWanted = (): boolean =>
      !this.closed && this.topics.tryGet(topic)?.partitions[partition] === log;
    await waitPastOffset(log, offset, opts.isolation, opts.signal, stillWanted);
  }

  /**
   * Flush and close every partition, write the clean-shutdown marker and release the directory
   * lock. Idempotent; later calls on the engine fail with LogError CLOSED.
   */
  close(): Promise<void> {
    this.closing ??= this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    this.closed = true;
    try {
      // Background passes are aborted and awaited first: nothing is written after close.
      await this.maintenance.close();
      await this.topics.closeAll();
      await writeCleanShutdownMarker(this.io, this.dataDir);
    } finally {
      await this.lock.release();
    }
  }

  private async topicForProduce(topic: string) {
    const existing = this.topics.tryGet(topic);
    if (existing !== undefined) return existing;
    if (!this.broker.autoCreateTopicsEnable) return this.topics.get(topic);
    return this.topics.ensure(topic);
  }

  private checkOpen(): void {
    if (this.closed) throw new LogError('CLOSED', 'The log engine is closed');
  }

  /** Runs `fn` with synchronous throws turned into rejections, after the open check. */
  private async run<T>(fn: () => Promise<T>): Promise<T> {
    this.checkOpen();
    return fn();
  }
}
