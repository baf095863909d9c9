/**
 * DescribeTransactions and ListTransactions views of the coordinator's state.
 */
import { parseTpKey, type TxnMetadata, type TxnStateName } from './txn-state.js';
import type { TransactionDescription } from './txn-types.js';

/** One row of ListTransactions. */
export interface TransactionListing {
  readonly transactionalId: string;
  readonly producerId: number;
  readonly state: TxnStateName;
}

export function describe(m: TxnMetadata): TransactionDescription {
  const byTopic = new Map<string, number[]>();
  for (const k of m.partitions) {
    const { topic, partition } = parseTpKey(k);
    let list = byTopic.get(topic);
    if (list === undefined) byTopic.set(topic, (list = []));
    list.push(partition);
  }
  return {
    transactionalId: m.transactionalId,
    state: m.state,
    producerId: m.producerId,
    producerEpoch: m.producerEpoch,
    transactionTimeoutMs: m.timeoutMs,
    transactionStartTimeMs: m.startTimestamp,
    topics: [...byTopic].map(([topic, partitions]) => ({
      topic,
      partitions: partitions.sort((a, b) => a - b),
    })),
  };
}

export function listing(m: TxnMetadata): TransactionListing {
  return { transactionalId: m.transactionalId, producerId: m.producerId, state: m.state };
}
