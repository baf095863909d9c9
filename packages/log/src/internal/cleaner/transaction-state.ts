/**
 * What one cleaning pass remembers about transactions while it scans the log from its start, in
 * offset order. It implements this rule for control batches (commit/abort markers):
 *
 *   A marker is kept while any data batch of its transaction still holds a record; once a pass
 *   finds none left (every record of the transaction was compacted away, or the transaction was
 *   aborted and its data dropped), the marker becomes removable: it is stamped with a delete
 *   horizon (now + delete.retention.ms) and dropped by the first pass after that horizon.
 *
 * This is Kafka's CleanedTransactionMetadata in spirit, with one simplification: Kafka counts a
 * transaction as "still having data" when a pass merely reads one of its batches; here it counts
 * only batches that keep at least one record, so a marker can go in the same pass that empties its
 * transaction rather than one pass later. Aborted-transaction data is dropped only when the caller
 * supplies `isAborted` (Kafka reads it from the aborted-transaction index, which the transactions
 * work adds); without it every transaction is treated as committed, which is safe for
 * read_uncommitted readers but requires the pass to stop at the last stable offset.
 */
export class TransactionCleaningState {
  /** Producers whose open transaction (since their last marker) kept a record in this pass. */
  private readonly withRetainedData = new Set<number>();

  /** A transactional data batch of `producerId` kept `kept` records. */
  onDataBatch(producerId: number, kept: number): void {
    if (kept > 0) this.withRetainedData.add(producerId);
  }

  /** A marker of `producerId` closes its transaction; true if that transaction kept no data (the marker is removable). */
  onControlBatch(producerId: number): boolean {
    return !this.withRetainedData.delete(producerId);
  }

  /** Producers with an open transaction holding retained data (for tests and stats). */
  get openTransactions(): number {
    return this.withRetainedData.size;
  }
}
