/**
 * Consumer configuration under Kafka's names, with Kafka's defaults and consistency rules.
 */
import { resolveAssignors, type BuiltinAssignorName } from '../assignors/registry.js';
import type { PartitionAssignor } from '../assignors/types.js';
import type { AutoOffsetReset, IsolationLevel } from './common.js';
import {
  boolConfig,
  checkKnownKeys,
  enumConfig,
  idConfig,
  intConfig,
  invalidConfig,
} from './config-values.js';

/**
 * Consumer settings. Keys and defaults are Kafka's (consumer configs in the Kafka docs); every
 * key is optional, but subscribing and committing need `group.id`.
 */
export interface ConsumerConfig {
  /** The consumer group; null (default) for a consumer that only uses `assign`. */
  readonly 'group.id'?: string | null;
  /** Static membership (KIP-345): a restart within `session.timeout.ms` keeps the assignment. Default null. */
  readonly 'group.instance.id'?: string | null;
  readonly 'client.id'?: string;
  /** Sent in the subscription (v3) for rack-aware assignors. Default null. */
  readonly 'client.rack'?: string | null;
  /** Where to start without a committed offset (or after it fell out of range). Default 'latest'. */
  readonly 'auto.offset.reset'?: AutoOffsetReset;
  /** Default true when `group.id` is set: commit positions every `auto.commit.interval.ms` during poll, and on close. */
  readonly 'enable.auto.commit'?: boolean;
  /** Default 5000. */
  readonly 'auto.commit.interval.ms'?: number;
  /** Default 45000. */
  readonly 'session.timeout.ms'?: number;
  /** Default 3000; must be below `session.timeout.ms`. */
  readonly 'heartbeat.interval.ms'?: number;
  /** Default 300000: a member that does not poll for this long leaves the group (also its rebalance timeout). */
  readonly 'max.poll.interval.ms'?: number;
  /** Default 500. */
  readonly 'max.poll.records'?: number;
  /** Default 1. A fetch waits until this many bytes are readable or `fetch.max.wait.ms` passes (poll's timeout still bounds it). */
  readonly 'fetch.min.bytes'?: number;
  /** Default 52428800. */
  readonly 'fetch.max.bytes'?: number;
  /** Default 500. How long a fetch waits for `fetch.min.bytes`. */
  readonly 'fetch.max.wait.ms'?: number;
  /** Default 1048576. */
  readonly 'max.partition.fetch.bytes'?: number;
  /** Default 'read_uncommitted'; exactly-once readers use 'read_committed'. */
  readonly 'isolation.level'?: IsolationLevel;
  /**
   * Assignors in order of preference, by Kafka name or as objects. Default Kafka's
   * ['range', 'cooperative-sticky'] (eager until 'range' is removed, Kafka's upgrade path).
   */
  readonly 'partition.assignment.strategy'?: readonly (BuiltinAssignorName | PartitionAssignor)[];
  /** Default true. */
  readonly 'allow.auto.create.topics'?: boolean;
  /** Default true: patterns never match `__consumer_offsets` or `__transaction_state`. */
  readonly 'exclude.internal.topics'?: boolean;
  /** Default 60000: bound of calls without their own timeout (commit, committed, offsets). */
  readonly 'default.api.timeout.ms'?: number;
  /** Default 30000. */
  readonly 'request.timeout.ms'?: number;
  /** Default true. */
  readonly 'check.crcs'?: boolean;
}

/** A consumer config with every default applied and assignors resolved. */
export type ResolvedConsumerConfig = {
  readonly [K in Exclude<keyof ConsumerConfig, 'partition.assignment.strategy'>]-?: Exclude<
    ConsumerConfig[K],
    undefined
  >;
} & { readonly 'partition.assignment.strategy': readonly PartitionAssignor[] };

const KEYS: ReadonlySet<string> = new Set([
  'group.id',
  'group.instance.id',
  'client.id',
  'client.rack',
  'auto.offset.reset',
  'enable.auto.commit',
  'auto.commit.interval.ms',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'max.poll.interval.ms',
  'max.poll.records',
  'fetch.min.bytes',
  'fetch.max.bytes',
  'fetch.max.wait.ms',
  'max.partition.fetch.bytes',
  'isolation.level',
  'partition.assignment.strategy',
  'allow.auto.create.topics',
  'exclude.internal.topics',
  'default.api.timeout.ms',
  'request.timeout.ms',
  'check.crcs',
]);
const INT_MAX = 2147483647;

/**
 * Apply Kafka's defaults and rules.
 * @throws ClientError INVALID_CONFIG naming the key: unknown keys, values out of range,
 *   `group.instance.id` or `enable.auto.commit=true` without `group.id`, a heartbeat interval not
 *   below the session timeout, an unknown assignor.
 *
 * @example
 * ```ts
 * resolveConsumerConfig({ 'group.id': 'g' })['enable.auto.commit']; // true
 * resolveConsumerConfig({})['enable.auto.commit']; // false: no group to commit to
 * ```
 */
export function resolveConsumerConfig(config: ConsumerConfig = {}): ResolvedConsumerConfig {
  checkKnownKeys('consumer', config, KEYS);
  const groupId = idConfig('group.id', config['group.id'], null);
  const instanceId = idConfig('group.instance.id', config['group.instance.id'], null);
  if (instanceId !== null && groupId === null)
    invalidConfig('group.instance.id', instanceId, 'requires group.id');
  const autoCommitIn = config['enable.auto.commit'];
  if (autoCommitIn === true && groupId === null)
    invalidConfig('enable.auto.commit', true, 'requires group.id');
  const session = intConfig('session.timeout.ms', config['session.timeout.ms'], 45000, 1, INT_MAX);
  const heartbeat = intConfig('heartbeat.interval.ms', config['heartbeat.interval.ms'], 3000, 1, INT_MAX);
  if (heartbeat >= session)
    invalidConfig('heartbeat.interval.ms', heartbeat, 'must be below session.timeout.ms');
  const strategy = config['partition.assignment.strategy'] ?? ['range', 'cooperative-sticky'];
  return {
    'group.id': groupId,
    'group.instance.id': instanceId,
    'client.id': config['client.id'] ?? '',
    'client.rack': idConfig('client.rack', config['client.rack'], null),
    'auto.offset.reset': enumConfig<AutoOffsetReset>(
      'auto.offset.reset',
      config['auto.offset.reset'],
      'latest',
      ['earliest', 'latest', 'none'],
    ),
    'enable.auto.commit': groupId !== null && boolConfig('enable.auto.commit', autoCommitIn, true),
    'auto.commit.interval.ms': intConfig(
      'auto.commit.interval.ms',
      config['auto.commit.interval.ms'],
      5000,
      0,
    ),
    'session.timeout.ms': session,
    'heartbeat.interval.ms': heartbeat,
    'max.poll.interval.ms': intConfig(
      'max.poll.interval.ms',
      config['max.poll.interval.ms'],
      300000,
      1,
      INT_MAX,
    ),
    'max.poll.records': intConfig('max.poll.records', config['max.poll.records'], 500, 1, INT_MAX),
    'fetch.min.bytes': intConfig('fetch.min.bytes', config['fetch.min.bytes'], 1, 0, INT_MAX),
    'fetch.max.bytes': intConfig('fetch.max.bytes', config['fetch.max.bytes'], 52428800, 0, INT_MAX),
    'fetch.max.wait.ms': intConfig('fetch.max.wait.ms', config['fetch.max.wait.ms'], 500, 0, INT_MAX),
    'max.partition.fetch.bytes': intConfig(
      'max.partition.fetch.bytes',
      config['max.partition.fetch.bytes'],
      1048576,
      0,
      INT_MAX,
    ),
    'isolation.level': enumConfig<IsolationLevel>(
      'isolation.level',
      config['isolation.level'],
      'read_uncommitted',
      ['read_uncommitted', 'read_committed'],
    ),
    'partition.assignment.strategy': resolveAssignors(strategy),
    'allow.auto.create.topics': boolConfig(
      'allow.auto.create.topics',
      config['allow.auto.create.topics'],
      true,
    ),
    'exclude.internal.topics': boolConfig('exclude.internal.topics', config['exclude.internal.topics'], true),
    'default.api.timeout.ms': intConfig(
      'default.api.timeout.ms',
      config['default.api.timeout.ms'],
      60000,
      0,
      INT_MAX,
    ),
    'request.timeout.ms': intConfig('request.timeout.ms', config['request.timeout.ms'], 30000, 0, INT_MAX),
    'check.crcs': boolConfig('check.crcs', config['check.crcs'], true),
  };
}
