/**
 * The producer side of the client interface: records, metadata, transactions.
 */
import type { HeadersInput, TopicPartitionOffset } from './common.js';
import type { ConsumerGroupMetadata } from './consumer.js';

/** A record to send. Without `partition` the configured partitioner chooses one. */
export interface ProducerRecord {
  readonly topic: string;
  /** Explicit partition; skips the partitioner. */
  readonly partition?: number;
  /** Hashed with murmur2 by the default partitioner (as Kafka's producers do); a string is UTF-8. */
  readonly key?: Buffer | string | null;
  /** null is a tombstone on a compacted topic. */
  readonly value: Buffer | string | null;
  readonly headers?: HeadersInput;
  /** Create time in ms since the epoch; default now. Topics with LogAppendTime overwrite it. */
  readonly timestamp?: number;
}

/** Where a sent record was stored. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset; -1 under `acks=0`, where the send resolves before the append (as in Kafka). */
  readonly offset: number;
  /** Create time, or the log's append time if the topic uses LogAppendTime. */
  readonly timestamp: number;
}

/**
 * Chooses a partition for a record without an explicit one (Kafka's `partitioner.class`).
 * Return -1 to let the built-in logic decide (murmur2 of the key, sticky for keyless records).
 */
export type Partitioner = (record: ProducerRecord, partitionCount: number) => number;

/** Sending operations, shared by the producer and an open transaction. */
export interface Sender {
  /**
   * Send one record; resolves once it is acknowledged under `acks`.
   *
   * A failed send rejects its promise AND is reported again by the next `flush()` or
   * `commitTransaction()` (a failed send poisons the transaction, as in Kafka). Implementations
   * mark the returned promise as handled, so code that sends without awaiting and relies on
   * `flush()` (the streams runtime does) never sees an unhandled rejection.
   * @throws ClientError UNKNOWN_TOPIC_OR_PARTITION, MESSAGE_TOO_LARGE, INVALID_TIMESTAMP,
   *   PRODUCER_FENCED, OUT_OF_ORDER_SEQUENCE_NUMBER, TIMEOUT (`delivery.timeout.ms`), CLOSED.
   */
  send(record: ProducerRecord): Promise<RecordMetadata>;
  /** Send many records (any topics) in order; metadata in input order. Same errors as send. */
  sendBatch(records: readonly ProducerRecord[]): Promise<RecordMetadata[]>;
}

/** An open transaction, as handed to {@link Producer.transaction}'s callback. */
export interface Transaction extends Sender {
  /**
   * Add consumer offsets to the transaction (Kafka's `sendOffsetsToTransaction`): they are
   * committed for the group if and only if the transaction commits. With KIP-447 group metadata
   * the group coordinator fences the commit if the member's generation is stale.
   * @throws ClientError ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID (the task moved),
   *   PRODUCER_FENCED, UNSUPPORTED (group metadata on an implementation without KIP-447).
   */
  sendOffsets(offsets: readonly TopicPartitionOffset[], groupMetadata: ConsumerGroupMetadata): Promise<void>;
}

/**
 * A producer: idempotent by default (`enable.idempotence=true`), transactional when configured
 * with `transactional.id`.
 *
 * @example
 * ```ts
 * const producer = client.producer({ 'transactional.id': 'orders-app-0' });
 * await producer.transaction(async (tx) => {
 *   await tx.send({ topic: 'totals', key: 'user-1', value: '42' });
 *   await tx.sendOffsets([{ topic: 'orders', partition: 0, offset: 101 }], consumer.groupMetadata());
 * }); // committed; a throw inside aborts and rethrows
 * ```
 */
export interface Producer extends Sender {
  /**
   * Register `transactional.id` with the transaction coordinator: gets a producer id, bumps the
   * epoch (fencing any older instance with the same id) and completes or aborts a transaction
   * the previous instance left open. Called implicitly by the first `beginTransaction`/`transaction`.
   * @throws ClientError ILLEGAL_STATE without `transactional.id`; TIMEOUT (`max.block.ms`).
   */
  initTransactions(): Promise<void>;
  /**
   * Run `fn` inside a transaction: commit when it resolves, abort when it throws, and rethrow
   * `fn`'s error. If the abort itself fails (typically PRODUCER_FENCED: another instance owns the
   * transactional id now), the abort's error is thrown instead, with `fn`'s error as its `cause`,
   * because the producer's state is what the caller must act on. Resolves with `fn`'s result.
   * @throws ClientError ILLEGAL_STATE without `transactional.id` or with a transaction already
   *   open; any error of {@link Producer.commitTransaction} (after which the transaction is
   *   aborted if the producer is still usable).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Open a transaction; while it is open `send` joins it. @throws ClientError ILLEGAL_STATE. */
  beginTransaction(): Promise<void>;
  /** As {@link Transaction.sendOffsets}, for the open transaction. */
  sendOffsetsToTransaction(
    offsets: readonly TopicPartitionOffset[],
    groupMetadata: ConsumerGroupMetadata,
  ): Promise<void>;
  /**
   * Flush pending sends, then commit. If a send of this transaction failed, the commit fails
   * with that error and the transaction must be aborted.
   * @throws ClientError ILLEGAL_STATE (no open transaction), PRODUCER_FENCED, INVALID_PRODUCER_EPOCH
   *   (also when `transaction.timeout.ms` passed and the coordinator aborted it), or the first
   *   failed send's error.
   */
  commitTransaction(): Promise<void>;
  /** Abort the open transaction: its records are never visible to read_committed consumers. */
  abortTransaction(): Promise<void>;
  /** Wait until every record sent so far is acknowledged or failed; rejects with the first failure since the last flush. */
  flush(): Promise<void>;
  /** Number of partitions of `topic` (for callers that partition themselves). @throws ClientError UNKNOWN_TOPIC_OR_PARTITION. */
  partitionCount(topic: string): Promise<number>;
  /**
   * Flush (unless `timeoutMs` is 0), abort an open transaction, release resources. Idempotent.
   * Later calls fail with CLOSED. A fenced producer closes without error: the coordinator has
   * already aborted its transaction. Rejects with a send's error only if the flush found one
   * that no earlier call reported.
   */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
}
