/**
 * Contract between the partition (segmented log) and the engine that owns topics.
 * The partition implementation lives in ./partition.ts.
 */
import type { RecordInput } from '@rill/protocol';
import type { TopicConfig } from '../config/topic-config.js';
import type { ProducerStateOptions } from '../producer/producer-state.js';
import type { AbortedTransaction } from '../producer/txn-index.js';

/** Kafka's fetch isolation level. */
export type IsolationLevel = 'read_uncommitted' | 'read_committed';

export interface AppendResult {
  /** Offset of the first record appended. */
  readonly baseOffset: number;
  /** Offset of the last record appended. */
  readonly lastOffset: number;
  /** The broker-assigned time if the topic uses LogAppendTime, else -1 (Kafka's ProduceResponse semantics). */
  readonly logAppendTime: number;
  /** Log start offset after the append. */
  readonly logStartOffset: number;
}

export interface AppendRecordsOptions {
  readonly compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  readonly isTransactional?: boolean;
}

export interface ReadOptions {
  /** Soft byte limit: whole batches up to it, but always at least one whole batch (Kafka's rule). Default 1 MiB. */
  readonly maxBytes?: number;
  /** Exclusive upper bound on offsets served (e.g. high watermark); default the high watermark. */
  readonly maxOffset?: number;
  /**
   * `read_committed` stops at the last stable offset and lists the aborted transactions the
   * returned range overlaps; default `read_uncommitted` (up to the high watermark).
   */
  readonly isolation?: IsolationLevel;
}

export interface ReadResult {
  /** Whole, CRC-verified RecordBatch v2 bytes, concatenated; the first batch contains the requested offset. Empty at the end of the log. */
  readonly batches: Buffer;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  /** First offset of the earliest open transaction, else the high watermark. */
  readonly lastStableOffset: number;
  /**
   * Under read_committed: the aborted transactions overlapping the returned batches (Kafka's
   * FetchResponse aborted_transactions), so a consumer can skip their records; null under read_uncommitted.
   */
  readonly abortedTransactions: readonly AbortedTransaction[] | null;
}

export interface TimestampOffset {
  readonly offset: number;
  readonly timestamp: number;
}

export interface PartitionOpenOptions {
  /** The partition's directory, `<dataDir>/<topic>-<partition>`. */
  readonly dir: string;
  readonly topic: string;
  readonly partition: number;
  readonly config: Readonly<TopicConfig>;
  readonly io: import('../io/file-io.js').FileIO;
  readonly clock: import('../clock/clock.js').Clock;
  /** True when the engine found a clean-shutdown marker: skip tail validation after the recovery point. */
  readonly cleanShutdown: boolean;
  /** Producer-id expiry (Kafka's producer.id.expiration.ms and its check interval). */
  readonly producerState?: ProducerStateOptions;
}

/** What the engine needs from a partition. */
export interface PartitionLog {
  readonly topic: string;
  readonly partition: number;
  /** First offset still stored. */
  readonly logStartOffset: number;
  /** Next offset to be assigned. */
  readonly logEndOffset: number;
  /** Offsets below this are durable and visible to readers. */
  readonly highWatermark: number;
  /** First offset of the earliest open transaction, else the high watermark (read_committed readers stop here). */
  readonly lastStableOffset: number;
  /**
   * Append one or more already-encoded v2 batches (producer bytes); offsets are assigned here. Resolves when
   * durable under the topic's flush policy. Idempotent batches are checked against the producer state: a retry
   * of one of the producer's last 5 batches resolves with its original offsets.
   * `allowControl` lets the transaction coordinator write COMMIT/ABORT markers.
   */
  appendBatches(batches: Buffer, options?: { readonly allowControl?: boolean }): Promise<AppendResult>;
  /** Encode and append records as one batch. */
  appendRecords(records: readonly RecordInput[], options?: AppendRecordsOptions): Promise<AppendResult>;
  read(offset: number, options?: ReadOptions): Promise<ReadResult>;
  /** First offset whose timestamp is >= ts (Kafka's ListOffsets), or null if none. */
  offsetForTimestamp(timestamp: number): Promise<TimestampOffset | null>;
  /** Advance the log start offset (Kafka's DeleteRecords); deletes whole segments below it. */
  deleteRecordsBefore(offset: number): Promise<number>;
  /** Resolves when highWatermark > offset, or when the signal aborts, or the partition closes. No polling. */
  waitForData(offset: number, signal?: AbortSignal): Promise<void>;
  updateConfig(config: Readonly<TopicConfig>): void;
  /** Flush, write the recovery point, close files. */
  close(): Promise<void>;
  /** Close and remove all files (topic deletion). */
  delete(): Promise<void>;
}
