/**
 * Engine-level settings under Kafka's broker config names: `log.*` defaults for every topic,
 * `num.partitions`, `auto.create.topics.enable`, the log manager's own settings (the
 * retention check interval and the `log.cleaner.*` keys of the background cleaner), and the
 * coordinators' and producer state's keys (see coordinator-config.ts).
 */
import { LogError } from '../../errors.js';
import {
  LONG_MAX,
  TOPIC_CONFIG_DEFS,
  TOPIC_CONFIG_KEYS,
  type ConfigKeyDef,
  type TopicConfigKey,
} from './config-def.js';
import { CoordinatorKeys, type ProducerIdSettings } from './coordinator-config.js';
import type { GroupCoordinatorConfig } from '../group/group-config.js';
import type { TxnCoordinatorConfig } from '../txn/txn-config.js';
import { parseConfigValue, type ConfigInputValue } from './parse-value.js';
import { TOPIC_CONFIG_DEFAULTS, type TopicConfig } from './topic-config.js';
import { mergeTopicConfig, parseTopicConfigOverrides } from './validate.js';

/** Broker config as callers pass it: Kafka broker names to string or typed values. */
export type BrokerConfigInput = Readonly<Record<string, string | number | boolean>>;

export interface BrokerConfig {
  /** Effective defaults of every topic without an override. */
  readonly topicDefaults: Readonly<TopicConfig>;
  /** Partitions of a topic created without a count (Kafka's num.partitions, default 1). */
  readonly numPartitions: number;
  /** Whether producing to an unknown topic creates it (Kafka's auto.create.topics.enable, default true). */
  readonly autoCreateTopicsEnable: boolean;
  /** How often retention runs (Kafka's log.retention.check.interval.ms, default 300000). */
  readonly retentionCheckIntervalMs: number;
  readonly cleaner: CleanerSettings;
  /**
   * The group coordinator's settings (`group.*`, `offsets.*`, `offset.metadata.max.bytes`), Kafka's
   * defaults where not given: `GroupCoordinator.open({ engine })` starts from these.
   */
  readonly groups: GroupCoordinatorConfig;
  /**
   * The transaction coordinator's settings (`transaction.*`, `transactional.id.expiration.ms`):
   * `TransactionCoordinator.open({ engine })` starts from these.
   */
  readonly transactions: TxnCoordinatorConfig;
  /** Producer-id expiry of every partition (`producer.id.expiration.ms` and its check interval). */
  readonly producerIds: ProducerIdSettings;
}

/** The background log cleaner's settings, under Kafka's `log.cleaner.*` names. */
export interface CleanerSettings {
  /** log.cleaner.enable (default true): run the background cleaner for compacted topics. */
  readonly enable: boolean;
  /** log.cleaner.backoff.ms (default 15000): sleep when no log needs cleaning. */
  readonly backoffMs: number;
  /** log.cleaner.dedupe.buffer.size (default 134217728): bytes of the offset map. */
  readonly dedupeBufferSize: number;
  /** log.cleaner.io.buffer.load.factor (default 0.9): how full the offset map may get. */
  readonly dedupeLoadFactor: number;
  /** log.cleaner.io.buffer.size (default 524288): read plus write buffer of the cleaner, split in half. */
  readonly ioBufferSize: number;
}

export const CLEANER_DEFAULTS: CleanerSettings = Object.freeze({
  enable: true,
  backoffMs: 15_000,
  dedupeBufferSize: 134_217_728,
  dedupeLoadFactor: 0.9,
  ioBufferSize: 524_288,
});

export const DEFAULT_RETENTION_CHECK_INTERVAL_MS = 300_000;

/** The smallest dedupe buffer that forms an offset map (3 slots of 24 bytes). */
const MIN_DEDUPE_BUFFER = 72;

const atLeast =
  (min: number) =>
  (v: number): string | undefined =>
    v < min ? `Value must be at least ${min}` : undefined;

/** Log-manager keys that are not topic defaults: Kafka's type and validator, and where the value goes. */
const MANAGER_KEYS: ReadonlyMap<string, { readonly def: ConfigKeyDef; readonly field: string }> = new Map([
  ['log.retention.check.interval.ms', { def: { type: 'long', validate: atLeast(1) }, field: 'retention' }],
  ['log.cleaner.enable', { def: { type: 'boolean' }, field: 'enable' }],
  ['log.cleaner.backoff.ms', { def: { type: 'long', validate: atLeast(0) }, field: 'backoffMs' }],
  [
    'log.cleaner.dedupe.buffer.size',
    { def: { type: 'long', validate: atLeast(MIN_DEDUPE_BUFFER) }, field: 'dedupeBufferSize' },
  ],
  [
    'log.cleaner.io.buffer.load.factor',
    {
      def: {
        type: 'double',
        validate: (v: number) =>
          v > 0 && v < 1 ? undefined : 'Value must be greater than 0 and less than 1',
      },
      field: 'dedupeLoadFactor',
    },
  ],
  // Kafka allows 0 here; the cleaner needs room for at least a batch header on each side.
  ['log.cleaner.io.buffer.size', { def: { type: 'int', validate: atLeast(1024) }, field: 'ioBufferSize' }],
]);

const BROKER_TO_TOPIC: ReadonlyMap<string, TopicConfigKey> = new Map(
  TOPIC_CONFIG_KEYS.flatMap((k) => {
    const brokerKey = TOPIC_CONFIG_DEFS[k].brokerKey;
    return brokerKey === undefined ? [] : [[brokerKey, k] as const];
  }),
);

/** Kafka's coarser-unit synonyms: the ms form wins over minutes, minutes over hours. */
const SYNONYMS: ReadonlyMap<
  string,
  { readonly topicKey: TopicConfigKey; readonly unitMs: number; readonly rank: number }
> = new Map([
  ['log.retention.minutes', { topicKey: 'retention.ms', unitMs: 60_000, rank: 1 }],
  ['log.retention.hours', { topicKey: 'retention.ms', unitMs: 3_600_000, rank: 2 }],
  ['log.roll.hours', { topicKey: 'segment.ms', unitMs: 3_600_000, rank: 2 }],
  ['log.roll.jitter.hours', { topicKey: 'segment.jitter.ms', unitMs: 3_600_000, rank: 2 }],
]);

const NUM_PARTITIONS: ConfigKeyDef = {
  type: 'int',
  validate: (v: number) => (v < 1 ? 'Value must be at least 1' : undefined),
};
const AUTO_CREATE: ConfigKeyDef = { type: 'boolean' };

/**
 * Validate broker-level settings and derive topic defaults from them.
 * @throws LogError INVALID_CONFIG for an unknown key or an invalid value (the message names the key).
 */
export function parseBrokerConfig(input: BrokerConfigInput = {}): BrokerConfig {
  const topicInput: Record<string, ConfigInputValue> = {};
  const rankOf = new Map<TopicConfigKey, number>();
  let numPartitions = 1;
  let autoCreateTopicsEnable = true;
  let retentionCheckIntervalMs = DEFAULT_RETENTION_CHECK_INTERVAL_MS;
  const cleaner: Record<string, unknown> = { ...CLEANER_DEFAULTS };
  const coordinators = new CoordinatorKeys();

  for (const [key, raw] of Object.entries(input)) {
    if (key === 'num.partitions') {
      numPartitions = parseConfigValue(key, NUM_PARTITIONS, raw) as number;
      continue;
    }
    if (key === 'auto.create.topics.enable') {
      autoCreateTopicsEnable = parseConfigValue(key, AUTO_CREATE, raw) as boolean;
      continue;
    }
    if (coordinators.take(key, raw)) continue;
    const managerKey = MANAGER_KEYS.get(key);
    if (managerKey !== undefined) {
      const value = parseConfigValue(key, managerKey.def, raw);
      if (managerKey.field === 'retention') retentionCheckIntervalMs = value as number;
      else cleaner[managerKey.field] = value;
      continue;
    }
    const direct = BROKER_TO_TOPIC.get(key);
    if (direct !== undefined) {
      rankOf.set(direct, 0);
      topicInput[direct] = parseConfigValue(key, TOPIC_CONFIG_DEFS[direct], raw) as ConfigInputValue;
      continue;
    }
    const synonym = SYNONYMS.get(key);
    if (synonym !== undefined) {
      const value = parseConfigValue(key, { type: 'long' }, raw) as number;
      const current = rankOf.get(synonym.topicKey);
      if (current === undefined || current > synonym.rank) {
        rankOf.set(synonym.topicKey, synonym.rank);
        // Kafka: a negative retention in coarser units still means "forever" (-1).
        topicInput[synonym.topicKey] =
          value < 0 && synonym.topicKey === 'retention.ms' ? -1 : Math.min(value * synonym.unitMs, LONG_MAX);
      }
      continue;
    }
    throw new LogError('INVALID_CONFIG', `Unknown broker config name: ${key}`);
  }
  // Values were parsed under their broker names above; this re-checks ranges under topic names.
  const topicDefaults = mergeTopicConfig(
    TOPIC_CONFIG_DEFAULTS,
    parseTopicConfigOverrides(stringifyLists(topicInput)),
  );
  return {
    topicDefaults,
    numPartitions,
    autoCreateTopicsEnable,
    retentionCheckIntervalMs,
    cleaner: Object.freeze(cleaner) as unknown as CleanerSettings,
    ...coordinators.finish(),
  };
}

/** parseConfigValue turns a list into an array; the topic parser expects Kafka's string form. */
function stringifyLists(input: Record<string, unknown>): Record<string, ConfigInputValue> {
  const out: Record<string, ConfigInputValue> = {};
  for (const [k, v] of Object.entries(input))
    out[k] = Array.isArray(v) ? v.join(',') : (v as ConfigInputValue);
  return out;
}
