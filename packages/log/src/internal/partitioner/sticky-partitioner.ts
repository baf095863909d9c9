/**
 * Kafka's sticky partitioning for records without a key (KIP-480, kept by the built-in
 * partitioner of KIP-794): keyless records stick to one partition until a batch for it is
 * completed, then move to another partition chosen at random. Filling whole batches instead of
 * spreading single records round-robin gives fewer, larger batches at the same balance over time.
 *
 * The engine creates one batch per partition per `append` call, so it calls {@link onNewBatch}
 * after each append that used the sticky partition.
 */
export class StickyPartitioner {
  private readonly current = new Map<string, number>();

  /** @param random uniform in [0, 1); injectable so tests are deterministic. */
  constructor(private readonly random: () => number = Math.random) {}

  /** The partition keyless records of `topic` go to now. */
  partition(topic: string, numPartitions: number): number {
    const p = this.current.get(topic);
    if (p !== undefined && p < numPartitions) return p;
    const chosen = this.pick(numPartitions, -1);
    this.current.set(topic, chosen);
    return chosen;
  }

  /**
   * A batch for `prevPartition` was completed: move keyless records of `topic` to a different
   * partition (Kafka's StickyPartitionCache.nextPartition). A stale call (the sticky partition
   * already moved on) changes nothing.
   */
  onNewBatch(topic: string, numPartitions: number, prevPartition: number): number {
    const p = this.current.get(topic);
    if (p !== undefined && p !== prevPartition && p < numPartitions) return p;
    const chosen = this.pick(numPartitions, prevPartition);
    this.current.set(topic, chosen);
    return chosen;
  }

  /** Forget a topic (deleted, or its partition count changed). */
  reset(topic: string): void {
    this.current.delete(topic);
  }

  private pick(numPartitions: number, avoid: number): number {
    if (numPartitions <= 1) return 0;
    if (avoid < 0 || avoid >= numPartitions) return Math.floor(this.random() * numPartitions);
    // Uniform over the other numPartitions - 1 partitions.
    const r = Math.floor(this.random() * (numPartitions - 1));
    return r >= avoid ? r + 1 : r;
  }
}
