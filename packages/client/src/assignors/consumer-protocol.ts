/**
 * Kafka's consumer protocol: the bytes group members put in JoinGroup (subscription metadata)
 * and the leader hands out in SyncGroup (assignments). The layout is Kafka's
 * ConsumerProtocolSubscription / ConsumerProtocolAssignment (non-flexible, int16 version prefix),
 * shared by the Java client, librdkafka and kafkajs, so members of different clients can share a group.
 *
 * Subscription v0: topics, userData; v1: + ownedPartitions; v2: + generationId; v3: + rackId.
 * Assignment v0..v3 share one layout: assignedPartitions, userData.
 */
import { ProtocolError, Reader, Writer } from '@rill/protocol';
import type { TopicPartition } from '../api/common.js';
import { ClientError } from '../errors.js';
import type { Assignment, Subscription } from './types.js';

/** The JoinGroup protocol type of consumer groups. */
export const CONSUMER_PROTOCOL_TYPE = 'consumer';
/** Highest ConsumerProtocolSubscription/Assignment version this code writes and understands. */
export const CONSUMER_PROTOCOL_VERSION = 3;

/** A decoded subscription with the version it was written in. */
export interface DecodedSubscription extends Subscription {
  readonly version: number;
}

/** A decoded assignment with the version it was written in. */
export interface DecodedAssignment extends Assignment {
  readonly version: number;
}

/** Subscription fields to encode; absent ones take Kafka's defaults. */
export interface SubscriptionInput {
  readonly topics: readonly string[];
  readonly userData?: Buffer | null;
  readonly ownedPartitions?: readonly TopicPartition[];
  readonly generationId?: number;
  readonly rackId?: string | null;
}

/**
 * Encode a subscription (Java's ConsumerProtocol.serializeSubscription): topics sorted, owned
 * partitions sorted and grouped by topic, so equal subscriptions give equal bytes. Fields the
 * version lacks are left out.
 * @throws ClientError INVALID_ARGUMENT for a version outside 0..3 or a value that does not fit.
 *
 * @example
 * ```ts
 * const bytes = encodeSubscription({ topics: ['orders'], generationId: 4, ownedPartitions: [{ topic: 'orders', partition: 0 }] });
 * decodeSubscription(bytes).generationId; // 4
 * ```
 */
export function encodeSubscription(
  sub: SubscriptionInput,
  version: number = CONSUMER_PROTOCOL_VERSION,
): Buffer {
  checkVersion(version);
  return encoding('subscription', () => {
    const w = new Writer(64);
    w.int16(version);
    w.array([...sub.topics].sort(compareStrings), (w, t) => w.string(t));
    w.nullableBytes(sub.userData ?? null);
    if (version >= 1) {
      const owned = [...(sub.ownedPartitions ?? [])].sort((a, b) =>
        a.topic === b.topic ? a.partition - b.partition : compareStrings(a.topic, b.topic),
      );
      writeTopicPartitions(w, owned);
    }
    if (version >= 2) w.int32(sub.generationId ?? -1);
    if (version >= 3) w.nullableString(sub.rackId ?? null);
    return w.toBuffer();
  });
}

/**
 * Decode a subscription (Java's ConsumerProtocol.deserializeSubscription). A version above 3 is
 * read with the v3 layout and its trailing fields ignored, as Kafka does for forward compatibility.
 * @throws ClientError MALFORMED_CONSUMER_PROTOCOL for truncated or inconsistent bytes or a negative version.
 */
export function decodeSubscription(bytes: Buffer): DecodedSubscription {
  return decoding('subscription', () => {
    const r = new Reader(bytes);
    const version = readVersion(r, 'subscription');
    const topics = nonNullArray(r, 'topics', (r) => r.string());
    const userData = copyOrNull(r.nullableBytes());
    const ownedPartitions = version >= 1 ? readTopicPartitions(r) : [];
    const generationId = version >= 2 ? r.int32() : -1;
    const rackId = version >= 3 ? r.nullableString() : null;
    return { version, topics, userData, ownedPartitions, generationId, rackId };
  });
}

/**
 * Encode an assignment (Java's ConsumerProtocol.serializeAssignment): partitions grouped by topic
 * in order of first appearance, partition order kept.
 * @throws ClientError INVALID_ARGUMENT for a version outside 0..3 or a value that does not fit.
 */
export function encodeAssignment(
  assignment: { readonly partitions: readonly TopicPartition[]; readonly userData?: Buffer | null },
  version: number = CONSUMER_PROTOCOL_VERSION,
): Buffer {
  checkVersion(version);
  return encoding('assignment', () => {
    const w = new Writer(64);
    w.int16(version);
    writeTopicPartitions(w, assignment.partitions);
    w.nullableBytes(assignment.userData ?? null);
    return w.toBuffer();
  });
}

/**
 * Decode an assignment. Empty bytes mean "no assignment" (what the coordinator hands a member
 * the leader gave nothing; kafkajs and librdkafka read it as empty) and decode to version 0
 * with no partitions.
 * @throws ClientError MALFORMED_CONSUMER_PROTOCOL for truncated or inconsistent bytes, a negative
 *   version, a negative partition, or a partition listed twice.
 */
export function decodeAssignment(bytes: Buffer): DecodedAssignment {
  if (bytes.length === 0) return { version: 0, partitions: [], userData: null };
  return decoding('assignment', () => {
    const r = new Reader(bytes);
    const version = readVersion(r, 'assignment');
    const partitions = readTopicPartitions(r);
    const userData = copyOrNull(r.nullableBytes());
    return { version, partitions, userData };
  });
}

function writeTopicPartitions(w: Writer, partitions: readonly TopicPartition[]): void {
  const byTopic = new Map<string, number[]>();
  for (const tp of partitions) {
    let list = byTopic.get(tp.topic);
    if (list === undefined) byTopic.set(tp.topic, (list = []));
    list.push(tp.partition);
  }
  w.int32(byTopic.size);
  for (const [topic, list] of byTopic) {
    w.string(topic);
    w.array(list, (w, p) => w.int32(p));
  }
}

function readTopicPartitions(r: Reader): TopicPartition[] {
  const out: TopicPartition[] = [];
  const seen = new Set<string>();
  const entries = nonNullArray(r, 'topic partitions', (r) => {
    const topic = r.string();
    return { topic, partitions: nonNullArray(r, `partitions of ${topic}`, (r) => r.int32()) };
  });
  for (const { topic, partitions } of entries) {
    for (const partition of partitions) {
      if (partition < 0) throw malformed(`negative partition ${partition} of topic ${topic}`);
      const key = `${topic}\u0000${partition}`;
      if (seen.has(key)) throw malformed(`partition ${topic}-${partition} listed twice`);
      seen.add(key);
      out.push({ topic, partition });
    }
  }
  return out;
}

function nonNullArray<T>(r: Reader, what: string, item: (r: Reader) => T): T[] {
  const items = r.array(item);
  if (items === null) throw malformed(`non-nullable ${what} encoded as null`);
  return items;
}

function readVersion(r: Reader, what: string): number {
  const version = r.int16();
  if (version < 0) throw malformed(`unsupported ${what} version ${version}`);
  return version;
}

/** Decoded user data outlives the group response buffer it was read from. */
function copyOrNull(b: Buffer | null): Buffer | null {
  return b === null ? null : Buffer.from(b);
}

function checkVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > CONSUMER_PROTOCOL_VERSION) {
    throw new ClientError(
      'INVALID_ARGUMENT',
      `Consumer protocol version ${version} is not in 0..${CONSUMER_PROTOCOL_VERSION}`,
    );
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Malformed extends Error {}

function malformed(message: string): Malformed {
  return new Malformed(message);
}

function decoding<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Malformed) {
      throw new ClientError(
        'MALFORMED_CONSUMER_PROTOCOL',
        `Malformed consumer protocol ${what}: ${e.message}`,
      );
    }
    if (e instanceof ProtocolError) {
      throw new ClientError(
        'MALFORMED_CONSUMER_PROTOCOL',
        `Malformed consumer protocol ${what}: ${e.message}`,
        { cause: e },
      );
    }
    throw e;
  }
}

function encoding<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ProtocolError) {
      throw new ClientError('INVALID_ARGUMENT', `Cannot encode consumer protocol ${what}: ${e.message}`, {
        cause: e,
      });
    }
    throw e;
  }
}
