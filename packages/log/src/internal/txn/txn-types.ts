/**
 * Requests and results of the transaction coordinator. Results carry Kafka's numeric error codes
 * (`errorCode`), ready for the wire, as the group coordinator's do.
 */
import type { OffsetCommitResult } from '../group/group-types.js';
import type { TxnOffsetCommitRequest } from '../group/txn-offsets.js';
import type { TxnStateName } from './txn-state.js';

/** InitProducerId. */
export interface InitProducerIdRequest {
  /** null for an idempotent (non-transactional) producer. */
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
  /** KIP-360: the producer's current id and epoch when it re-initialises after an error; -1 otherwise. */
  readonly producerId?: number;
  readonly producerEpoch?: number;
}

export interface InitProducerIdResult {
  readonly errorCode: number;
  readonly producerId: number;
  readonly producerEpoch: number;
}

/** The producer a transactional request speaks for. */
export interface TxnProducer {
  readonly transactionalId: string;
  readonly producerId: number;
  readonly producerEpoch: number;
}

export interface AddPartitionsToTxnRequest extends TxnProducer {
  readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[];
}

export interface AddPartitionsToTxnResult {
  readonly topics: readonly {
    readonly name: string;
    readonly partitions: readonly { readonly partitionIndex: number; readonly errorCode: number }[];
  }[];
}

export interface AddOffsetsToTxnRequest extends TxnProducer {
  readonly groupId: string;
}

export interface EndTxnRequest extends TxnProducer {
  /** true: commit; false: abort. */
  readonly committed: boolean;
}

export interface TxnResult {
  readonly errorCode: number;
}

/** What DescribeTransactions reports. */
export interface TransactionDescription {
  readonly transactionalId: string;
  readonly state: TxnStateName;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly transactionTimeoutMs: number;
  /** -1 when no transaction is open. */
  readonly transactionStartTimeMs: number;
  readonly topics: readonly { readonly topic: string; readonly partitions: readonly number[] }[];
}

/**
 * What the transaction coordinator needs from the group coordinator (KIP-447): where a group's
 * offsets live, the generation- and member-fenced transactional commit, and the signal that the
 * producer's marker is durable in `__consumer_offsets`. `GroupCoordinator` satisfies it.
 */
export interface TxnGroupHook {
  partitionFor(groupId: string): number;
  commitTransactionalOffsets(req: TxnOffsetCommitRequest): Promise<OffsetCommitResult>;
  completeTransaction(producerId: number, commit: boolean): void;
}
