/**
 * What a partition remembers about one producer id (Kafka's ProducerStateEntry): its epoch, the
 * sequence ranges and offsets of its last 5 batches (the retry window a duplicate is recognised
 * in), the coordinator epoch of its last marker and the first offset of its open transaction.
 */

/** Kafka's ProducerStateEntry.NumBatchesToRetain: how far back a retry is recognised. */
export const DEDUP_WINDOW = 5;
/** Kafka's RecordBatch.NO_PRODUCER_EPOCH / NO_SEQUENCE. */
export const NO_EPOCH = -1;
export const NO_SEQUENCE = -1;

/** One appended batch of a producer. */
export interface BatchMetadata {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
  readonly timestamp: number;
}

export interface ProducerEntry {
  readonly producerId: number;
  epoch: number;
  /** Oldest first; at most {@link DEDUP_WINDOW}. */
  batches: BatchMetadata[];
  coordinatorEpoch: number;
  /** First offset of the producer's open transaction on this partition, or -1. */
  txnFirstOffset: number;
  /** Last time the producer appended (clock time, or the batch time when replayed); drives expiry. */
  lastTimestamp: number;
}

export function newEntry(producerId: number): ProducerEntry {
  return {
    producerId,
    epoch: NO_EPOCH,
    batches: [],
    coordinatorEpoch: -1,
    txnFirstOffset: -1,
    lastTimestamp: -1,
  };
}

export function cloneEntry(e: ProducerEntry): ProducerEntry {
  return { ...e, batches: e.batches.slice() };
}

export function lastSeqOf(e: ProducerEntry): number {
  return e.batches.length === 0 ? NO_SEQUENCE : e.batches[e.batches.length - 1]!.lastSeq;
}

/** A new epoch forgets the old epoch's batches (Kafka's maybeUpdateProducerEpoch). */
export function bumpEpoch(e: ProducerEntry, epoch: number): void {
  if (e.epoch !== epoch) {
    e.batches = [];
    e.epoch = epoch;
  }
}

export function addBatch(e: ProducerEntry, b: BatchMetadata): void {
  if (e.batches.length >= DEDUP_WINDOW) e.batches.shift();
  e.batches.push(b);
}

/** The retained batch with exactly this sequence range, if any. */
export function findDuplicate(
  e: ProducerEntry,
  firstSeq: number,
  lastSeq: number,
): BatchMetadata | undefined {
  for (const b of e.batches) if (b.firstSeq === firstSeq && b.lastSeq === lastSeq) return b;
  return undefined;
}

/** Sequences wrap from Int32 max to 0 (Kafka's DefaultRecordBatch.incrementSequence). */
export function nextSequence(seq: number, delta: number): number {
  const n = seq + delta;
  return n > 0x7fffffff ? n - 0x80000000 : n;
}
