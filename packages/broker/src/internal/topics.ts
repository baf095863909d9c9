/** Topic lookups shared by handlers: by name or Kafka topic id, without throwing. */
import { isLogError, type LogEngine, type TopicDescription } from '@rill/log';

/** Kafka's internal topics (Metadata marks them `isInternal`). */
export function isInternalTopic(name: string): boolean {
  return name === '__consumer_offsets' || name === '__transaction_state';
}

/** A UUID string as Kafka's 16 wire bytes. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** 16 wire bytes as a UUID string. */
export function uuidString(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The topic, or undefined if it does not exist. */
export function tryDescribe(engine: LogEngine, name: string): TopicDescription | undefined {
  try {
    return engine.describeTopic(name);
  } catch (e) {
    if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) return undefined;
    throw e;
  }
}

/** The topic with this id, or undefined (a linear scan: topic-id requests are rare here). */
export function describeById(engine: LogEngine, id: Buffer): TopicDescription | undefined {
  const wanted = uuidString(id);
  for (const name of engine.listTopics()) {
    const d = tryDescribe(engine, name);
    if (d?.topicId === wanted) return d;
  }
  return undefined;
}
