/**
 * The Kafka error codes the transaction coordinator answers with, by name (from @rill/protocol's
 * table, so the numbers never drift from Kafka's).
 */
import { KafkaErrorCodes } from '@rill/protocol';

const names = [
  'NONE',
  'UNKNOWN_SERVER_ERROR',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_TXN_STATE',
  'INVALID_PRODUCER_ID_MAPPING',
  'INVALID_TRANSACTION_TIMEOUT',
  'CONCURRENT_TRANSACTIONS',
  'OPERATION_NOT_ATTEMPTED',
  'PRODUCER_FENCED',
  'INVALID_REQUEST',
  'TRANSACTIONAL_ID_NOT_FOUND',
] as const;

export type TxnErrorName = (typeof names)[number];

/** Kafka's numeric code for each error name the coordinator uses. */
export const TXN_ERR = Object.fromEntries(names.map((n) => [n, KafkaErrorCodes[n].code])) as {
  readonly [K in TxnErrorName]: number;
};
