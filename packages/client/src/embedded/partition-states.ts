/**
 * The consumer's view of its assigned partitions (Kafka's SubscriptionState): positions, pending
 * resets, pause flags and the end offsets seen by the last fetch.
 */
import { compareTopicPartitions, tpKey, tpName, type TopicPartition } from '../api/common.js';
import type { ConsumerRecord } from '../api/consumer.js';
import { ClientError } from '../errors.js';

/** A position to resolve lazily: a seek to the log start or end, or the group's committed offset. */
export type PendingReset = 'earliest' | 'latest' | 'committed';

export interface PartitionState extends TopicPartition {
  readonly key: string;
  /** Next offset to return; null until resolved. */
  position: number | null;
  /** How to resolve `position` when it is null. */
  reset: PendingReset;
  paused: boolean;
  /** End offset (high watermark or LSO) seen by the last fetch, for currentLag. */
  endOffset: number | undefined;
  /**
   * Records decoded by a fetch but not yet returned (max.poll.records cut the poll short), as the
   * Java client's fetch buffer keeps them: the next poll serves them without reading the log again.
   */
  buffer: FetchBuffer | null;
}

/** Decoded records from `records[index]` on, and the position once they are all returned. */
export interface FetchBuffer {
  readonly records: readonly ConsumerRecord[];
  index: number;
  /** Position after the last buffered record (past skipped control or aborted batches). */
  readonly next: number;
  readonly highWatermark: number;
}

export class PartitionStates {
  private readonly parts = new Map<string, PartitionState>();

  get size(): number {
    return this.parts.size;
  }

  get(tp: TopicPartition): PartitionState | undefined {
    return this.parts.get(tpKey(tp.topic, tp.partition));
  }

  /** @throws ClientError ILLEGAL_STATE if `tp` is not assigned. */
  require(tp: TopicPartition): PartitionState {
    const s = this.get(tp);
    if (s === undefined)
      throw new ClientError('ILLEGAL_STATE', `Partition ${tpName(tp)} is not assigned to this consumer`, {
        resource: tpName(tp),
      });
    return s;
  }

  /** Assigned partitions, sorted by topic and partition. */
  list(): TopicPartition[] {
    return [...this.parts.values()]
      .map((s) => ({ topic: s.topic, partition: s.partition }))
      .sort(compareTopicPartitions);
  }

  states(): PartitionState[] {
    return [...this.parts.values()];
  }

  /** Add partitions (positions resolved later from committed offsets); already assigned ones are kept. */
  add(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      if (this.parts.has(key)) continue;
      this.parts.set(key, {
        topic: tp.topic,
        partition: tp.partition,
        key,
        position: null,
        reset: 'committed',
        paused: false,
        endOffset: undefined,
        buffer: null,
      });
    }
  }

  remove(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.parts.delete(tpKey(tp.topic, tp.partition));
  }

  /** Make exactly `partitions` assigned, keeping the state of those that stay. */
  set(partitions: readonly TopicPartition[]): void {
    const keep = new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition)));
    for (const key of [...this.parts.keys()]) if (!keep.has(key)) this.parts.delete(key);
    this.add(partitions);
  }

  clear(): void {
    this.parts.clear();
  }
}
