/**
 * The consumer side of the client interface: records, batches, the group consumer and its
 * rebalance listener.
 */
import type { Header, OffsetAndMetadata, TopicPartition, TopicPartitionOffset } from './common.js';

/** Kafka's timestamp type of a record. */
export type TimestampType = 'CreateTime' | 'LogAppendTime';

/**
 * A consumed record. `key`, `value` and header values are views into the fetched batch (no
 * copy); copy them if you keep them beyond the processing of the batch.
 */
export interface ConsumerRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly timestampType: TimestampType;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly Header[];
  /** Leader epoch of the batch, if known (KIP-320). */
  readonly leaderEpoch?: number;
}

/** The records one poll returned for one partition, in offset order. */
export interface PartitionRecords extends TopicPartition {
  readonly records: readonly ConsumerRecord[];
  /**
   * The consumer's position after these records (last offset + 1, or further if control records
   * or aborted records were skipped); what `commit()` without arguments commits.
   */
  readonly nextOffset: number;
  /** High watermark at fetch time, if the implementation knows it (for lag). */
  readonly highWatermark?: number;
  /** Last stable offset at fetch time under read_committed, if known. */
  readonly lastStableOffset?: number;
}

/** What one `poll` returned: records grouped per partition. */
export interface ConsumerRecords {
  /** Total number of records over all partitions. */
  readonly count: number;
  /** One entry per partition with records, each partition at most once. */
  readonly partitions: readonly PartitionRecords[];
}

/**
 * The consumer's group identity for transactional offset commits (Kafka's KIP-447
 * `ConsumerGroupMetadata`): the group coordinator rejects a commit whose generation or member is
 * stale, so a task that moved to another instance cannot commit.
 */
export interface ConsumerGroupMetadata {
  readonly groupId: string;
  /** -1 outside a group generation. */
  readonly generationId: number;
  /** '' before the first join. */
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

/**
 * Callbacks run by the consumer during a rebalance, inside `poll()` (never concurrently with
 * your processing of a batch). The consumer awaits them, so a revocation handler can flush and
 * commit before the partitions move. An error thrown here is rethrown by the `poll()` that ran it.
 *
 * Under the eager protocol every partition is revoked before each rebalance and the new set is
 * assigned after it. Under the cooperative protocol only the partitions that move are revoked,
 * and `onPartitionsAssigned` receives only newly added partitions. As in Kafka,
 * `onPartitionsAssigned` runs after every completed rebalance, even with an empty list; the
 * other two run only with a non-empty list.
 */
export interface RebalanceListener {
  /** Partitions now owned by this member (only the added ones under the cooperative protocol). */
  onPartitionsAssigned?(partitions: readonly TopicPartition[]): void | Promise<void>;
  /** Partitions given up cleanly: offsets may still be committed for them from here. */
  onPartitionsRevoked?(partitions: readonly TopicPartition[]): void | Promise<void>;
  /**
   * Partitions lost without a clean revocation (the member was evicted: session or poll timeout,
   * fenced instance); other members may already own them, so commits for them will fail.
   * Defaults to `onPartitionsRevoked` when absent, as in Kafka.
   */
  onPartitionsLost?(partitions: readonly TopicPartition[]): void | Promise<void>;
}

/** Options of {@link Consumer.batches}. */
export interface BatchIteratorOptions {
  /** Poll timeout per round; default 1000 ms. Empty polls are not yielded. */
  readonly pollTimeoutMs?: number;
  /** Aborting ends the iteration (no error). */
  readonly signal?: AbortSignal;
}

/**
 * A consumer: a group member when subscribed (with `group.id`), or a standalone reader of
 * explicitly assigned partitions.
 *
 * Group work that runs user code or changes what is read (join, sync, rebalance callbacks,
 * auto commit) happens during `poll()`; heartbeats run in the background. A consumer that stops
 * polling for longer than `max.poll.interval.ms` is removed from the group.
 *
 * @example
 * ```ts
 * const consumer = client.consumer({ 'group.id': 'billing', 'auto.offset.reset': 'earliest' });
 * await consumer.subscribe(['orders']);
 * for await (const batch of consumer.batches()) {
 *   for (const p of batch.partitions) for (const r of p.records) handle(r);
 *   await consumer.commit();
 * }
 * ```
 */
export interface Consumer {
  /**
   * Join the group for topics named in the list, or for every topic matching the pattern
   * (re-evaluated as topics appear). Replaces the previous subscription. The join happens in
   * the next `poll()`.
   * @throws ClientError INVALID_ARGUMENT (no `group.id`, empty list, after `assign`), CLOSED.
   */
  subscribe(topics: readonly string[] | RegExp, listener?: RebalanceListener): Promise<void>;
  /** Revoke everything (running the listener), leave the group, clear the subscription. */
  unsubscribe(): Promise<void>;
  /** Read these partitions without a group (no rebalances). Replaces a previous assignment. */
  assign(partitions: readonly TopicPartition[]): void;
  /** Partitions currently assigned (by the group or by `assign`). */
  assignment(): TopicPartition[];
  /** The current subscription: topic names, a pattern, or null when not subscribed. */
  subscription(): readonly string[] | RegExp | null;

  /**
   * Fetch records from assigned, non-paused partitions, waiting up to `timeoutMs` for some.
   * Runs pending group work first (rebalance, listener callbacks, auto commit).
   * Returns at most `max.poll.records` records; an empty result after the timeout.
   * @throws ClientError NO_OFFSET_FOR_PARTITION (`auto.offset.reset=none`), OFFSET_OUT_OF_RANGE
   *   (same), an error thrown by a rebalance listener, FENCED_INSTANCE_ID, CLOSED.
   */
  poll(timeoutMs: number): Promise<ConsumerRecords>;
  /** Poll in a loop, yielding non-empty batches until the consumer closes or the signal aborts. */
  batches(options?: BatchIteratorOptions): AsyncIterableIterator<ConsumerRecords>;

  /**
   * Commit offsets for the group: the given ones, or the current position of every assigned
   * partition (records returned by poll count as consumed). Offsets are next-to-read positions.
   * @throws ClientError REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID (the member
   *   lost the partitions), FENCED_INSTANCE_ID, INVALID_ARGUMENT (no `group.id`).
   */
  commit(offsets?: readonly TopicPartitionOffset[]): Promise<void>;
  /** The group's committed offsets for these partitions (null where none). */
  committed(partitions: readonly TopicPartition[]): Promise<(OffsetAndMetadata | null)[]>;

  /**
   * Next offset `poll` returns for an assigned partition. A position not yet known (just
   * assigned, or after `seekToBeginning`/`seekToEnd`) is resolved now, as Java's position() does:
   * the committed offset, else `auto.offset.reset`. The poll in which a partition is assigned
   * resolves it too, so records produced after that poll are always read under 'latest'.
   * @throws ClientError ILLEGAL_STATE if not assigned; NO_OFFSET_FOR_PARTITION (`auto.offset.reset=none`).
   */
  position(partition: TopicPartition): Promise<number>;
  /** Make the next poll read `partition` from `offset`. @throws ClientError ILLEGAL_STATE if not assigned. */
  seek(partition: TopicPartition, offset: number): void;
  /** Seek to the log start offset (all assigned partitions when omitted); resolved lazily on the next poll. */
  seekToBeginning(partitions?: readonly TopicPartition[]): void;
  /** Seek to the end (high watermark, or LSO under read_committed); resolved lazily on the next poll. */
  seekToEnd(partitions?: readonly TopicPartition[]): void;
  /** Log start offsets. */
  beginningOffsets(partitions: readonly TopicPartition[]): Promise<number[]>;
  /** End offsets: high watermark, or last stable offset under read_committed. */
  endOffsets(partitions: readonly TopicPartition[]): Promise<number[]>;
  /** End offset minus position from the last fetch, if known without a request (Kafka's currentLag). */
  currentLag(partition: TopicPartition): number | undefined;

  /** Stop fetching these assigned partitions (backpressure); positions and ownership are kept. */
  pause(partitions: readonly TopicPartition[]): void;
  /** Fetch these partitions again. */
  resume(partitions: readonly TopicPartition[]): void;
  /** Partitions paused now. Pausing survives a rebalance only for partitions that stay owned. */
  paused(): TopicPartition[];

  /** The group identity for {@link Transaction.sendOffsets}. @throws ClientError INVALID_ARGUMENT without `group.id`. */
  groupMetadata(): ConsumerGroupMetadata;
  /** Ask for a rebalance at the next poll (e.g. to probe for a better assignment). */
  enforceRebalance(reason?: string): void;

  /**
   * Commit (if `enable.auto.commit`), revoke (running the listener), leave the group so that
   * the others rebalance at once (a static member keeps its place until `session.timeout.ms`),
   * and release resources. A pending poll resolves empty. Idempotent.
   */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
}
