/**
 * Offset helpers over the engine: end offsets per isolation level, and grouping partitions by topic.
 */
import type { LogEngine, OffsetCommitTopic } from '@rill/log';
import type { IsolationLevel, TopicPartition, TopicPartitionOffset } from '../api/common.js';
import { ClientError, toClientError } from '../errors.js';

/**
 * The end offset a reader with `isolation` sees: the high watermark, or under read_committed the
 * last stable offset.
 */
export function lastStableOffset(
  engine: LogEngine,
  topic: string,
  partition: number,
  isolation: IsolationLevel = 'read_committed',
): number {
  try {
    const offsets = engine.offsets(topic, partition);
    return isolation === 'read_committed' ? offsets.lastStableOffset : offsets.highWatermark;
  } catch (e) {
    throw toClientError(e, `${topic}-${partition}`);
  }
}

/** Log start offset of a partition. */
export function logStartOffset(engine: LogEngine, topic: string, partition: number): number {
  try {
    return engine.offsets(topic, partition).logStartOffset;
  } catch (e) {
    throw toClientError(e, `${topic}-${partition}`);
  }
}

/** Partition numbers per topic, in first-seen topic order. */
export function groupByTopic(partitions: readonly TopicPartition[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const tp of partitions) {
    const list = out.get(tp.topic);
    if (list === undefined) out.set(tp.topic, [tp.partition]);
    else list.push(tp.partition);
  }
  return out;
}

/** Offsets in the OffsetCommit/TxnOffsetCommit request shape, grouped by topic. */
export function groupByTopicOffsets(offsets: readonly TopicPartitionOffset[]): OffsetCommitTopic[] {
  const topics = new Map<string, TopicPartitionOffset[]>();
  for (const o of offsets) {
    if (!Number.isSafeInteger(o.offset) || o.offset < 0)
      throw new ClientError('INVALID_ARGUMENT', `Invalid offset ${o.offset} for ${o.topic}-${o.partition}`);
    const list = topics.get(o.topic);
    if (list === undefined) topics.set(o.topic, [o]);
    else list.push(o);
  }
  return [...topics].map(([name, list]) => ({
    name,
    partitions: list.map((o) => ({
      partitionIndex: o.partition,
      committedOffset: o.offset,
      committedLeaderEpoch: o.leaderEpoch ?? -1,
      committedMetadata: o.metadata ?? '',
    })),
  }));
}
