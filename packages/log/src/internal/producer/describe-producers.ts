/**
 * Kafka's DescribeProducers (KIP-664) view of a partition's producer state: who is writing, at
 * which epoch and sequence, and which transactions are open (to find hanging ones).
 */
import { lastSeqOf } from './producer-entry.js';
import type { ProducerState } from './producer-state.js';

/** One active producer of a partition. */
export interface ProducerDescription {
  readonly producerId: number;
  readonly producerEpoch: number;
  /** Last sequence number appended, or -1. */
  readonly lastSequence: number;
  /** When the producer last appended (engine clock), or -1. */
  readonly lastTimestamp: number;
  /** Coordinator epoch of its last transaction marker, or -1. */
  readonly coordinatorEpoch: number;
  /** First offset of its open transaction, or -1. */
  readonly currentTxnStartOffset: number;
}

export function describeProducers(state: ProducerState): ProducerDescription[] {
  return [...state.entries.values()]
    .map((e) => ({
      producerId: e.producerId,
      producerEpoch: e.epoch,
      lastSequence: lastSeqOf(e),
      lastTimestamp: e.lastTimestamp,
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnStartOffset: e.txnFirstOffset,
    }))
    .sort((a, b) => a.producerId - b.producerId);
}
