/**
 * Producer configuration under Kafka's names, with Kafka's defaults and consistency rules.
 */
import type { Partitioner } from './producer.js';
import {
  boolConfig,
  checkKnownKeys,
  enumConfig,
  idConfig,
  intConfig,
  invalidConfig,
} from './config-values.js';

/** Kafka's `compression.type` values. */
export type CompressionType = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** Kafka's `acks`: 'all' (= -1), 1, or 0. */
export type Acks = 'all' | -1 | 0 | 1;

/**
 * Producer settings. Keys and defaults are Kafka's (producer configs in the Kafka docs); every
 * key is optional.
 */
export interface ProducerConfig {
  readonly 'client.id'?: string;
  /** Makes the producer transactional; stable per logical producer (e.g. per streams instance). Default null. */
  readonly 'transactional.id'?: string | null;
  /** Default true: retries never duplicate or reorder records. */
  readonly 'enable.idempotence'?: boolean;
  /** Default 'all'. Idempotence needs 'all'. */
  readonly acks?: Acks;
  /** Default 5 (Kafka 4.0). */
  readonly 'linger.ms'?: number;
  /** Default 16384. */
  readonly 'batch.size'?: number;
  /** Default 'none'. */
  readonly 'compression.type'?: CompressionType;
  /** Default 5; idempotence needs at most 5. */
  readonly 'max.in.flight.requests.per.connection'?: number;
  /** Default 2147483647; idempotence needs at least 1. */
  readonly retries?: number;
  /** Default 100. */
  readonly 'retry.backoff.ms'?: number;
  /** Default 120000; at least `linger.ms` + `request.timeout.ms`. */
  readonly 'delivery.timeout.ms'?: number;
  /** Default 30000. */
  readonly 'request.timeout.ms'?: number;
  /** How long send/initTransactions/commit may block on metadata or the coordinator. Default 60000. */
  readonly 'max.block.ms'?: number;
  /** Default 60000: the coordinator aborts a transaction open longer than this. */
  readonly 'transaction.timeout.ms'?: number;
  /** Default 1048576. */
  readonly 'max.request.size'?: number;
  /** A custom partitioner; default null (murmur2 of the key, sticky for keyless records). */
  readonly 'partitioner.class'?: Partitioner | null;
  /** Default false; true spreads even keyed records with the sticky partitioner. */
  readonly 'partitioner.ignore.keys'?: boolean;
}

/** A producer config with every default applied. */
export type ResolvedProducerConfig = {
  readonly [K in keyof ProducerConfig]-?: Exclude<ProducerConfig[K], undefined>;
} & {
  readonly acks: -1 | 0 | 1;
};

const KEYS: ReadonlySet<string> = new Set([
  'client.id',
  'transactional.id',
  'enable.idempotence',
  'acks',
  'linger.ms',
  'batch.size',
  'compression.type',
  'max.in.flight.requests.per.connection',
  'retries',
  'retry.backoff.ms',
  'delivery.timeout.ms',
  'request.timeout.ms',
  'max.block.ms',
  'transaction.timeout.ms',
  'max.request.size',
  'partitioner.class',
  'partitioner.ignore.keys',
]);
const INT_MAX = 2147483647;

/**
 * Apply Kafka's defaults and rules. As in Kafka: idempotence is on by default, but turned off
 * quietly when the user set `acks`, `retries` or `max.in.flight...` to values it cannot work with
 * and did not ask for it explicitly; asking for it explicitly (or for `transactional.id`) with
 * such values is an error.
 * @throws ClientError INVALID_CONFIG naming the key.
 *
 * @example
 * ```ts
 * resolveProducerConfig({ acks: 1 })['enable.idempotence']; // false
 * resolveProducerConfig({ 'transactional.id': 't', acks: 1 }); // throws INVALID_CONFIG
 * ```
 */
export function resolveProducerConfig(config: ProducerConfig = {}): ResolvedProducerConfig {
  checkKnownKeys('producer', config, KEYS);
  const acksIn = enumConfig<Acks>('acks', config.acks, 'all', ['all', -1, 0, 1]);
  const acks = acksIn === 'all' ? -1 : acksIn;
  const transactionalId = idConfig('transactional.id', config['transactional.id'], null);
  const retries = intConfig('retries', config.retries, INT_MAX, 0, INT_MAX);
  const inFlight = intConfig(
    'max.in.flight.requests.per.connection',
    config['max.in.flight.requests.per.connection'],
    5,
    1,
  );
  const explicitIdempotence = config['enable.idempotence'];
  const conflict =
    acks !== -1
      ? 'acks must be all'
      : retries === 0
        ? 'retries must be above 0'
        : inFlight > 5
          ? 'max.in.flight.requests.per.connection must be at most 5'
          : null;
  let idempotence = boolConfig('enable.idempotence', explicitIdempotence, true);
  if (conflict !== null && idempotence) {
    if (explicitIdempotence === true || transactionalId !== null)
      invalidConfig('enable.idempotence', true, conflict);
    idempotence = false;
  }
  if (transactionalId !== null && !idempotence)
    invalidConfig('enable.idempotence', false, 'transactional.id requires idempotence');
  const linger = intConfig('linger.ms', config['linger.ms'], 5, 0);
  const requestTimeout = intConfig('request.timeout.ms', config['request.timeout.ms'], 30000, 0, INT_MAX);
  const deliveryIn = config['delivery.timeout.ms'];
  let delivery = intConfig('delivery.timeout.ms', deliveryIn, 120000, 0, INT_MAX);
  if (delivery < linger + requestTimeout) {
    if (deliveryIn !== undefined)
      invalidConfig('delivery.timeout.ms', deliveryIn, 'must be at least linger.ms + request.timeout.ms');
    delivery = linger + requestTimeout;
  }
  const partitioner = config['partitioner.class'] ?? null;
  if (partitioner !== null && typeof partitioner !== 'function')
    invalidConfig('partitioner.class', partitioner, 'must be a function');
  return {
    'client.id': config['client.id'] ?? '',
    'transactional.id': transactionalId,
    'enable.idempotence': idempotence,
    acks,
    'linger.ms': linger,
    'batch.size': intConfig('batch.size', config['batch.size'], 16384, 0, INT_MAX),
    'compression.type': enumConfig<CompressionType>('compression.type', config['compression.type'], 'none', [
      'none',
      'gzip',
      'snappy',
      'lz4',
      'zstd',
    ]),
    'max.in.flight.requests.per.connection': inFlight,
    retries,
    'retry.backoff.ms': intConfig('retry.backoff.ms', config['retry.backoff.ms'], 100, 0),
    'delivery.timeout.ms': delivery,
    'request.timeout.ms': requestTimeout,
    'max.block.ms': intConfig('max.block.ms', config['max.block.ms'], 60000, 0),
    'transaction.timeout.ms': intConfig(
      'transaction.timeout.ms',
      config['transaction.timeout.ms'],
      60000,
      1,
      INT_MAX,
    ),
    'max.request.size': intConfig('max.request.size', config['max.request.size'], 1048576, 1, INT_MAX),
    'partitioner.class': partitioner,
    'partitioner.ignore.keys': boolConfig(
      'partitioner.ignore.keys',
      config['partitioner.ignore.keys'],
      false,
    ),
  };
}
