/**
 * Value types shared by the producer, consumer and admin interfaces.
 */
import { ClientError } from '../errors.js';

/** A partition of a topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/**
 * An offset to commit or a committed offset: as everywhere in Kafka, `offset` is the position of
 * the NEXT record to consume (last processed offset + 1), not the last processed record.
 */
export interface TopicPartitionOffset extends TopicPartition {
  readonly offset: number;
  /** Free-form metadata stored with a committed offset (`offset.metadata.max.bytes`, default 4096). */
  readonly metadata?: string | null;
  /** Leader epoch of the last consumed record, if known (KIP-320); the embedded log has one epoch. */
  readonly leaderEpoch?: number;
}

/** A committed offset as read back from a group. */
export interface OffsetAndMetadata {
  readonly offset: number;
  readonly metadata: string | null;
  readonly leaderEpoch?: number;
}

/** Kafka's `isolation.level`. */
export type IsolationLevel = 'read_uncommitted' | 'read_committed';

/** Kafka's `auto.offset.reset`. */
export type AutoOffsetReset = 'earliest' | 'latest' | 'none';

/** A record header as stored: Kafka allows repeated keys and null values. */
export interface Header {
  readonly key: string;
  readonly value: Buffer | null;
}

/**
 * Headers as a producer accepts them: a list (keeps order and repeated keys, as Kafka does) or,
 * for the common case, an object of unique keys. Strings are UTF-8 encoded.
 */
export type HeadersInput =
  | readonly { readonly key: string; readonly value: Buffer | string | null }[]
  | Readonly<Record<string, Buffer | string | null>>;

/**
 * The Map/Set key of a partition. Topic names are limited to `[a-zA-Z0-9._-]`, so the
 * separator cannot occur in a topic and keys never collide.
 *
 * @example
 * ```ts
 * const positions = new Map<string, number>();
 * positions.set(tpKey('orders', 3), 42);
 * ```
 */
export function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** Inverse of {@link tpKey}. @throws ClientError INVALID_ARGUMENT if `key` was not made by tpKey. */
export function parseTpKey(key: string): TopicPartition {
  const sep = key.lastIndexOf('\u0000');
  const partition = sep < 0 ? NaN : Number(key.slice(sep + 1));
  if (!Number.isInteger(partition))
    throw new ClientError('INVALID_ARGUMENT', `Not a topic-partition key: ${JSON.stringify(key)}`);
  return { topic: key.slice(0, sep), partition };
}

/** Kafka's display form of a partition, `topic-partition`, for messages and `resource`. */
export function tpName(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Order partitions by topic (UTF-16 code units, as Java's String.compareTo), then partition. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  if (a.topic !== b.topic) return a.topic < b.topic ? -1 : 1;
  return a.partition - b.partition;
}

const EMPTY: readonly Header[] = [];

/**
 * Normalise producer headers to the stored form (list of key + bytes).
 *
 * @example
 * ```ts
 * toHeaders({ 'trace-id': 'abc' }); // [{ key: 'trace-id', value: <Buffer 61 62 63> }]
 * ```
 */
export function toHeaders(input: HeadersInput | undefined): readonly Header[] {
  if (input === undefined) return EMPTY;
  const out: Header[] = [];
  if (Array.isArray(input)) {
    for (const h of input as readonly { readonly key: string; readonly value: Buffer | string | null }[]) {
      out.push({ key: h.key, value: toBytes(h.value) });
    }
    return out;
  }
  const obj = input as Readonly<Record<string, Buffer | string | null>>;
  for (const key of Object.keys(obj)) out.push({ key, value: toBytes(obj[key] ?? null) });
  return out;
}

/** UTF-8 encode a string; pass Buffers and null through. */
export function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}
