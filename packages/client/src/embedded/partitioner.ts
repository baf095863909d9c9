/**
 * The producer's built-in partitioning (Kafka's KIP-794 built-in partitioner): murmur2 of the key,
 * and for keyless records a sticky partition that moves on each time a batch for it is sent, so
 * keyless records fill whole batches instead of being spread one by one.
 */
import { defaultPartition } from '@rill/log';
import type { Partitioner, ProducerRecord } from '../api/producer.js';

export class ProducerPartitioner {
  private readonly sticky = new Map<string, number>();

  constructor(
    private readonly custom: Partitioner | null,
    private readonly ignoreKeys: boolean,
    private readonly random: () => number = Math.random,
  ) {}

  /** Partition of a record without an explicit one. */
  partition(record: ProducerRecord, key: Buffer | null, count: number): number {
    if (this.custom !== null) {
      const p = this.custom(record, count);
      if (p !== -1) return p;
    }
    if (key !== null && !this.ignoreKeys) return defaultPartition(key, count);
    return this.stickyPartition(record.topic, count);
  }

  /** A batch for `partition` of `topic` was sent: keyless records move to another partition. */
  onBatchSent(topic: string, partition: number, count: number): void {
    if (this.sticky.get(topic) !== partition) return;
    this.sticky.set(topic, this.pick(count, partition));
  }

  private stickyPartition(topic: string, count: number): number {
    const p = this.sticky.get(topic);
    if (p !== undefined && p < count) return p;
    const chosen = this.pick(count, -1);
    this.sticky.set(topic, chosen);
    return chosen;
  }

  private pick(count: number, avoid: number): number {
    if (count <= 1) return 0;
    if (avoid < 0 || avoid >= count) return Math.floor(this.random() * count);
    const r = Math.floor(this.random() * (count - 1));
    return r >= avoid ? r + 1 : r;
  }
}
