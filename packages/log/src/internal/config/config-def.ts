/**
 * The definition of every topic config key: Kafka's type and validator (LogConfig's ConfigDef),
 * and the broker-level key that supplies its default (KafkaConfig's `log.*` names).
 */
import { LONG_MAX, type TopicConfig } from './topic-config.js';

/** Kafka's ConfigDef types that topic configs use. */
export type ConfigType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list';

export type TopicConfigKey = keyof TopicConfig;

export interface ConfigKeyDef {
  readonly type: ConfigType;
  /** Returns a reason when the (parsed) value is invalid. */
  readonly validate?: (value: never) => string | undefined;
  /** Whether `null` is a legal value (Rill's "group commit" for flush.*). */
  readonly nullable?: boolean;
  /** The broker config (KafkaConfig) that sets the default for every topic, when Kafka has one. */
  readonly brokerKey?: string;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
export const INT_RANGE = { min: INT_MIN, max: INT_MAX } as const;

const atLeast =
  (min: number) =>
  (v: number): string | undefined =>
    v < min ? `Value must be at least ${min}` : undefined;

const between =
  (min: number, max: number) =>
  (v: number): string | undefined =>
    v < min || v > max ? `Value must be no less than ${min} and no more than ${max}` : undefined;

const oneOf =
  (...allowed: readonly string[]) =>
  (v: string): string | undefined =>
    allowed.includes(v) ? undefined : `String must be one of: ${allowed.join(', ')}`;

/** Kafka's RECORD_OVERHEAD_V0: the smallest segment.bytes LogConfig accepts. */
const RECORD_OVERHEAD_V0 = 14;

/** ZSTD_minCLevel() = -(1 << 17); ZSTD_maxCLevel() = 22 (ZstdCompression's validator). */
const ZSTD_MIN_LEVEL = -131072;
const ZSTD_MAX_LEVEL = 22;

export const TOPIC_CONFIG_DEFS: { readonly [K in TopicConfigKey]: ConfigKeyDef } = {
  'cleanup.policy': { type: 'list', brokerKey: 'log.cleanup.policy' },
  'compression.type': {
    type: 'string',
    validate: oneOf('uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'),
    brokerKey: 'compression.type',
  },
  'compression.gzip.level': {
    type: 'int',
    validate: (v: number) =>
      v === -1 || (v >= 1 && v <= 9) ? undefined : 'Value must be -1 (the default) or between 1 and 9',
    brokerKey: 'compression.gzip.level',
  },
  'compression.lz4.level': { type: 'int', validate: between(1, 17), brokerKey: 'compression.lz4.level' },
  'compression.zstd.level': {
    type: 'int',
    validate: between(ZSTD_MIN_LEVEL, ZSTD_MAX_LEVEL),
    brokerKey: 'compression.zstd.level',
  },
  'delete.retention.ms': { type: 'long', validate: atLeast(0), brokerKey: 'log.cleaner.delete.retention.ms' },
  'file.delete.delay.ms': { type: 'long', validate: atLeast(0), brokerKey: 'log.segment.delete.delay.ms' },
  'flush.messages': {
    type: 'long',
    validate: atLeast(1),
    nullable: true,
    brokerKey: 'log.flush.interval.messages',
  },
  'flush.ms': { type: 'long', validate: atLeast(0), nullable: true, brokerKey: 'log.flush.interval.ms' },
  'rill.group.commit.ms': { type: 'long', validate: atLeast(0), brokerKey: 'rill.group.commit.ms' },
  'index.interval.bytes': { type: 'int', validate: atLeast(0), brokerKey: 'log.index.interval.bytes' },
  'max.compaction.lag.ms': {
    type: 'long',
    validate: atLeast(1),
    brokerKey: 'log.cleaner.max.compaction.lag.ms',
  },
  'max.message.bytes': { type: 'int', validate: atLeast(0), brokerKey: 'message.max.bytes' },
  'message.timestamp.type': {
    type: 'string',
    validate: oneOf('CreateTime', 'LogAppendTime'),
    brokerKey: 'log.message.timestamp.type',
  },
  'message.timestamp.before.max.ms': {
    type: 'long',
    validate: atLeast(0),
    brokerKey: 'log.message.timestamp.before.max.ms',
  },
  'message.timestamp.after.max.ms': {
    type: 'long',
    validate: atLeast(0),
    brokerKey: 'log.message.timestamp.after.max.ms',
  },
  'min.cleanable.dirty.ratio': {
    type: 'double',
    validate: between(0, 1),
    brokerKey: 'log.cleaner.min.cleanable.ratio',
  },
  'min.compaction.lag.ms': {
    type: 'long',
    validate: atLeast(0),
    brokerKey: 'log.cleaner.min.compaction.lag.ms',
  },
  'retention.bytes': { type: 'long', brokerKey: 'log.retention.bytes' },
  'retention.ms': { type: 'long', validate: atLeast(-1), brokerKey: 'log.retention.ms' },
  'segment.bytes': { type: 'int', validate: atLeast(RECORD_OVERHEAD_V0), brokerKey: 'log.segment.bytes' },
  'segment.index.bytes': { type: 'int', validate: atLeast(4), brokerKey: 'log.index.size.max.bytes' },
  'segment.jitter.ms': { type: 'long', validate: atLeast(0), brokerKey: 'log.roll.jitter.ms' },
  'segment.ms': { type: 'long', validate: atLeast(1), brokerKey: 'log.roll.ms' },
  'min.insync.replicas': { type: 'int', validate: atLeast(1), brokerKey: 'min.insync.replicas' },
  'unclean.leader.election.enable': { type: 'boolean', brokerKey: 'unclean.leader.election.enable' },
  preallocate: { type: 'boolean', brokerKey: 'log.preallocate' },
};

export const TOPIC_CONFIG_KEYS: readonly TopicConfigKey[] = Object.keys(
  TOPIC_CONFIG_DEFS,
) as TopicConfigKey[];

export function isTopicConfigKey(key: string): key is TopicConfigKey {
  return Object.prototype.hasOwnProperty.call(TOPIC_CONFIG_DEFS, key);
}

export { LONG_MAX };
