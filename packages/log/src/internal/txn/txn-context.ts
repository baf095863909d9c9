/**
 * What the transaction coordinator's handlers share, and the one way they change a transactional
 * id's state: write the new state to `__transaction_state`, then apply it in memory. While the
 * write is in flight the id is `pending` and other requests get CONCURRENT_TRANSACTIONS.
 */
import type { LogEngine } from '../../engine.js';
import { isLogError } from '../../errors.js';
import type { Clock } from '../clock/clock.js';
import type { TxnCoordinatorConfig } from './txn-config.js';
import { TXN_ERR } from './txn-errors.js';
import type { TxnStateLog } from './txn-state-log.js';
import { canTransition, type TxnMetadata, type TxnRecord } from './txn-state.js';
import type { TxnGroupHook, TxnProducer } from './txn-types.js';

export interface TxnContext {
  readonly engine: LogEngine;
  readonly clock: Clock;
  readonly config: TxnCoordinatorConfig;
  readonly log: TxnStateLog;
  readonly txns: Map<string, TxnMetadata>;
  readonly groups: TxnGroupHook | null;
  /** Written into every marker; markers of an older coordinator epoch are fenced by the partitions. */
  readonly coordinatorEpoch: number;
  /** Transactions whose markers are being written now (not to be retried concurrently). */
  readonly completing: Set<string>;
  readonly onBackgroundError: (error: unknown) => void;
}

/** Kafka's answer when the coordinator's own log cannot be written. */
export function storeErrorCode(e: unknown): number {
  if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION') || isLogError(e, 'CLOSED'))
    return TXN_ERR.COORDINATOR_NOT_AVAILABLE;
  if (
    isLogError(e, 'KAFKA_STORAGE_ERROR') ||
    isLogError(e, 'DISK_FULL') ||
    isLogError(e, 'FSYNC_FAILED') ||
    isLogError(e, 'PARTITION_FAILED')
  ) {
    return TXN_ERR.NOT_COORDINATOR;
  }
  return TXN_ERR.UNKNOWN_SERVER_ERROR;
}

/**
 * Persist `next` for `meta` and apply it.
 * @returns NONE, INVALID_TXN_STATE for a transition Kafka does not allow, or the store's error code.
 */
export async function persist(ctx: TxnContext, meta: TxnMetadata, next: TxnRecord): Promise<number> {
  if (!canTransition(meta.state, next.state)) return TXN_ERR.INVALID_TXN_STATE;
  meta.pending = next.state;
  try {
    await ctx.log.write(meta.transactionalId, next, ctx.clock.now());
    meta.apply(next);
    return TXN_ERR.NONE;
  } catch (e) {
    return storeErrorCode(e);
  } finally {
    meta.pending = null;
  }
}

/**
 * Kafka's producer checks for AddPartitions/AddOffsets/EndTxn/TxnOffsetCommit.
 * @returns an error code, or null when the producer is current.
 */
export function checkProducer(meta: TxnMetadata | undefined, p: TxnProducer): number | null {
  if (meta === undefined || meta.producerId !== p.producerId) return TXN_ERR.INVALID_PRODUCER_ID_MAPPING;
  if (p.producerEpoch < meta.producerEpoch) return TXN_ERR.PRODUCER_FENCED;
  if (p.producerEpoch > meta.producerEpoch) return TXN_ERR.INVALID_PRODUCER_EPOCH;
  if (meta.pending !== null) return TXN_ERR.CONCURRENT_TRANSACTIONS;
  return null;
}
