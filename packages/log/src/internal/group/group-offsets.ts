/**
 * A group's committed offsets, plus the bookkeeping that keeps them consistent while writes to
 * `__consumer_offsets` are in flight: commits not yet durable (never expired underneath), and
 * transactional commits waiting for their transaction's outcome (KIP-447).
 */

export interface CommittedOffset {
  readonly offset: number;
  readonly leaderEpoch: number;
  readonly metadata: string;
  readonly commitTimestamp: number;
  /** Pre-KIP-211 explicit expiry (version 1 records), else -1. */
  readonly expireTimestamp: number;
  /** Offset of the record in `__consumer_offsets`: a later record always wins. */
  readonly recordOffset: number;
}

export interface TopicPartitionOffset extends CommittedOffset {
  readonly topic: string;
  readonly partition: number;
}

export class GroupOffsets {
  private readonly committed = new Map<string, Map<number, CommittedOffset>>();
  private readonly inFlight = new Map<string, number>();
  /** producerId -> offsets of its open transaction. */
  private readonly pendingTxn = new Map<number, Map<string, TopicPartitionOffset>>();

  get size(): number {
    let n = 0;
    for (const m of this.committed.values()) n += m.size;
    return n;
  }

  get(topic: string, partition: number): CommittedOffset | undefined {
    return this.committed.get(topic)?.get(partition);
  }

  /** Record a durable commit unless a later record for the partition is already applied. */
  apply(topic: string, partition: number, value: CommittedOffset): void {
    let byPartition = this.committed.get(topic);
    if (byPartition === undefined) this.committed.set(topic, (byPartition = new Map()));
    const existing = byPartition.get(partition);
    if (existing === undefined || existing.recordOffset <= value.recordOffset)
      byPartition.set(partition, value);
  }

  remove(topic: string, partition: number): boolean {
    const byPartition = this.committed.get(topic);
    if (byPartition === undefined) return false;
    const removed = byPartition.delete(partition);
    if (byPartition.size === 0) this.committed.delete(topic);
    return removed;
  }

  topics(): string[] {
    return [...this.committed.keys()];
  }

  partitions(topic: string): number[] {
    return [...(this.committed.get(topic)?.keys() ?? [])].sort((a, b) => a - b);
  }

  *all(): Generator<TopicPartitionOffset> {
    for (const [topic, byPartition] of this.committed) {
      for (const [partition, v] of byPartition) yield { topic, partition, ...v };
    }
  }

  beginWrite(topic: string, partition: number): void {
    const k = key(topic, partition);
    this.inFlight.set(k, (this.inFlight.get(k) ?? 0) + 1);
  }

  endWrite(topic: string, partition: number): void {
    const k = key(topic, partition);
    const n = (this.inFlight.get(k) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(k);
    else this.inFlight.set(k, n);
  }

  /** A commit (plain or transactional) for the partition has not settled yet. */
  isPending(topic: string, partition: number): boolean {
    if (this.inFlight.has(key(topic, partition))) return true;
    for (const txn of this.pendingTxn.values()) if (txn.has(key(topic, partition))) return true;
    return false;
  }

  hasPendingTransactional(topic: string, partition: number): boolean {
    for (const txn of this.pendingTxn.values()) if (txn.has(key(topic, partition))) return true;
    return false;
  }

  get hasPendingTransactions(): boolean {
    return this.pendingTxn.size > 0;
  }

  addPendingTransactional(producerId: number, value: TopicPartitionOffset): void {
    let txn = this.pendingTxn.get(producerId);
    if (txn === undefined) this.pendingTxn.set(producerId, (txn = new Map()));
    txn.set(key(value.topic, value.partition), value);
  }

  /** Apply (commit) or drop (abort) a producer's pending offsets. @returns whether it had any. */
  completeTransaction(producerId: number, commit: boolean): boolean {
    const txn = this.pendingTxn.get(producerId);
    if (txn === undefined) return false;
    this.pendingTxn.delete(producerId);
    if (commit) for (const v of txn.values()) this.apply(v.topic, v.partition, v);
    return true;
  }

  pendingProducers(): number[] {
    return [...this.pendingTxn.keys()];
  }
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
