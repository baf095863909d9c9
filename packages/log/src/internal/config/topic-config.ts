/**
 * Per-topic configuration, keyed by Kafka's own config names, with Kafka's defaults
 * except where DESIGN.md decision 8 says otherwise (durability).
 */

/** Long.MAX_VALUE in Kafka's config docs; kept as a JS number (the exact value is irrelevant, only "never"). */
export const LONG_MAX = Number.MAX_SAFE_INTEGER;

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';
export type TopicCompressionType = 'producer' | 'uncompressed' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface TopicConfig {
  'cleanup.policy': CleanupPolicy;
  'compression.type': TopicCompressionType;
  /** gzip level when the broker (re)compresses: -1 (zlib's default) or 1-9 (Kafka 3.8+, KIP-390). */
  'compression.gzip.level': number;
  /** lz4 level when the broker (re)compresses: 1-17 (KIP-390). */
  'compression.lz4.level': number;
  /** zstd level when the broker (re)compresses: -131072..22 (KIP-390). */
  'compression.zstd.level': number;
  'delete.retention.ms': number;
  'file.delete.delay.ms': number;
  /**
   * fsync after this many messages. `null` (Rill's default) means group commit:
   * fsyncs are batched every `rill.group.commit.ms` and every append waits for its fsync.
   * Setting both flush.messages and flush.ms to LONG_MAX gives Kafka's "never fsync".
   */
  'flush.messages': number | null;
  /** fsync at least this often (ms); `null` = group commit (see flush.messages). */
  'flush.ms': number | null;
  /** Rill: the group-commit window in ms used when flush.messages and flush.ms are unset. */
  'rill.group.commit.ms': number;
  'index.interval.bytes': number;
  'max.compaction.lag.ms': number;
  'max.message.bytes': number;
  'message.timestamp.type': 'CreateTime' | 'LogAppendTime';
  /** Largest allowed age of a CreateTime timestamp relative to the broker's clock (KIP-937). */
  'message.timestamp.before.max.ms': number;
  /** Largest allowed lead of a CreateTime timestamp over the broker's clock (KIP-937; Kafka 4.0 default 1 hour). */
  'message.timestamp.after.max.ms': number;
  'min.cleanable.dirty.ratio': number;
  'min.compaction.lag.ms': number;
  'retention.bytes': number;
  'retention.ms': number;
  'segment.bytes': number;
  'segment.index.bytes': number;
  'segment.jitter.ms': number;
  'segment.ms': number;
  /** Accepted for compatibility; a single node has one replica. */
  'min.insync.replicas': number;
  'unclean.leader.election.enable': boolean;
  preallocate: boolean;
}

export const TOPIC_CONFIG_DEFAULTS: Readonly<TopicConfig> = Object.freeze({
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
  'compression.gzip.level': -1,
  'compression.lz4.level': 9,
  'compression.zstd.level': 3,
  'delete.retention.ms': 86_400_000,
  'file.delete.delay.ms': 60_000,
  'flush.messages': null,
  'flush.ms': null,
  'rill.group.commit.ms': 2,
  'index.interval.bytes': 4096,
  'max.compaction.lag.ms': LONG_MAX,
  'max.message.bytes': 1_048_588,
  'message.timestamp.type': 'CreateTime',
  'message.timestamp.before.max.ms': LONG_MAX,
  'message.timestamp.after.max.ms': 3_600_000,
  'min.cleanable.dirty.ratio': 0.5,
  'min.compaction.lag.ms': 0,
  'retention.bytes': -1,
  'retention.ms': 604_800_000,
  'segment.bytes': 1_073_741_824,
  'segment.index.bytes': 10_485_760,
  'segment.jitter.ms': 0,
  'segment.ms': 604_800_000,
  'min.insync.replicas': 1,
  'unclean.leader.election.enable': false,
  preallocate: false,
} satisfies TopicConfig);
