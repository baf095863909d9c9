/**
 * Option and result types of the LogEngine facade (public via the package index).
 */
import type { Clock } from '../clock/clock.js';
import type { BrokerConfigInput } from '../config/broker-config.js';
import type { TopicConfig } from '../config/topic-config.js';
import type { TopicConfigInput } from '../config/validate.js';
import type { FileIO } from '../io/file-io.js';
import type { BackgroundErrorContext, CleanerThrottle } from '../maintenance/types.js';

/** Options of `LogEngine.open`. */
export interface LogEngineOptions {
  /** The data directory; created if missing. One engine per directory at a time. */
  readonly dataDir: string;
  /**
   * The I/O layer; default the real file system. With the real file system the directory is
   * locked across processes (`<dataDir>/.lock`); with another FileIO (e.g. the in-memory
   * FaultyFileIO) the lock covers engines on the same FileIO object.
   */
  readonly io?: FileIO;
  /** Time source for timestamps, retention and flush timers; default the system clock. */
  readonly clock?: Clock;
  /**
   * Engine-wide settings under Kafka's broker names: `log.*` topic defaults (`log.retention.ms`,
   * `log.segment.bytes`, `log.cleanup.policy`, `message.max.bytes`, ...), `num.partitions`,
   * `auto.create.topics.enable`.
   */
  readonly brokerConfig?: BrokerConfigInput;
  /**
   * Called by the log cleaner between batches; a returned promise makes the pass wait
   * (rate limiting; tests pause compaction mid-segment with it). Closing the engine or deleting
   * the topic ends the wait and aborts the pass.
   */
  readonly cleanerThrottle?: CleanerThrottle;
  /**
   * Receives failures of background retention and compaction (a partition whose cleaning fails
   * is skipped by the cleaner until it is reopened or compacted explicitly). Default: a process
   * warning.
   */
  readonly onBackgroundError?: (error: unknown, context: BackgroundErrorContext) => void;
}

/** Options of `LogEngine.createTopic`. */
export interface CreateTopicOptions {
  /** Partition count; default the engine's `num.partitions` (1). -1 also means the default, as in Kafka. */
  readonly partitions?: number;
  /** Topic config overrides under Kafka's names; strings (as over the wire) or typed values. */
  readonly configs?: TopicConfigInput;
}

/** What `LogEngine.describeTopic` reports. */
export interface TopicDescription {
  readonly name: string;
  /** Kafka's topic id (UUID); a re-created topic gets a new one. */
  readonly topicId: string;
  readonly partitions: number;
  /** Effective configs: engine defaults with the topic's overrides applied. */
  readonly configs: Readonly<TopicConfig>;
  /** Only the keys set on this topic. */
  readonly overrides: Readonly<Partial<TopicConfig>>;
}

/** Log start offset, high watermark and log end offset of a partition. */
export interface PartitionOffsets {
  readonly logStartOffset: number;
  readonly highWatermark: number;
  readonly logEndOffset: number;
  /** First offset of the earliest open transaction, else the high watermark (the read_committed end). */
  readonly lastStableOffset: number;
}

/** Options of `LogEngine.records`. */
export interface RecordsOptions {
  /** First offset to deliver; default the log start offset. */
  readonly fromOffset?: number;
  /** Aborting ends the iteration (it does not throw). */
  readonly signal?: AbortSignal;
  /**
   * `read_committed` delivers only committed transactional records (and non-transactional ones),
   * up to the last stable offset; default `read_uncommitted` (everything up to the high watermark).
   * Control batches (transaction markers) are never delivered.
   */
  readonly isolation?: 'read_uncommitted' | 'read_committed';
}
