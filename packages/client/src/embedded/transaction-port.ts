/**
 * What the embedded producer needs from @rill/log's transaction coordinator (its InitProducerId,
 * AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit and EndTxn), stated structurally so the
 * client depends on the calls, not on the class.
 */
import type { OffsetCommitResult, TxnOffsetCommitRequest } from '@rill/log';

export interface TxnProducerRef {
  readonly transactionalId: string;
  readonly producerId: number;
  readonly producerEpoch: number;
}

export interface TransactionCoordinatorPort {
  initProducerId(req: {
    readonly transactionalId: string | null;
    readonly transactionTimeoutMs: number;
    readonly producerId?: number;
    readonly producerEpoch?: number;
  }): Promise<{ readonly errorCode: number; readonly producerId: number; readonly producerEpoch: number }>;
  addPartitionsToTxn(
    req: TxnProducerRef & {
      readonly topics: readonly { readonly name: string; readonly partitions: readonly number[] }[];
    },
  ): Promise<{
    readonly topics: readonly {
      readonly name: string;
      readonly partitions: readonly { readonly partitionIndex: number; readonly errorCode: number }[];
    }[];
  }>;
  addOffsetsToTxn(
    req: TxnProducerRef & { readonly groupId: string },
  ): Promise<{ readonly errorCode: number }>;
  txnOffsetCommit(req: TxnOffsetCommitRequest): Promise<OffsetCommitResult>;
  endTxn(req: TxnProducerRef & { readonly committed: boolean }): Promise<{ readonly errorCode: number }>;
}
