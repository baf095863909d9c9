/**
 * InitProducerId (Kafka's TransactionCoordinator.handleInitProducerId): a new id for an
 * idempotent producer; for a transactional id, the same producer id with the epoch bumped, which
 * fences every older instance (zombie). An open transaction is aborted first and the caller told
 * CONCURRENT_TRANSACTIONS, so its retry bumps the epoch once more, as in Kafka.
 */
import { endTransaction, MAX_EPOCH } from './txn-completion.js';
import { persist, type TxnContext } from './txn-context.js';
import { TXN_ERR } from './txn-errors.js';
import { TxnMetadata } from './txn-state.js';
import type { InitProducerIdRequest, InitProducerIdResult } from './txn-types.js';

function fail(errorCode: number): InitProducerIdResult {
  return { errorCode, producerId: -1, producerEpoch: -1 };
}

export async function initProducerId(
  ctx: TxnContext,
  req: InitProducerIdRequest,
): Promise<InitProducerIdResult> {
  if (req.transactionalId === null) {
    return { errorCode: TXN_ERR.NONE, producerId: await ctx.engine.allocateProducerId(), producerEpoch: 0 };
  }
  const id = req.transactionalId;
  if (id === '') return fail(TXN_ERR.INVALID_REQUEST);
  const timeout = req.transactionTimeoutMs;
  if (!Number.isSafeInteger(timeout) || timeout <= 0 || timeout > ctx.config['transaction.max.timeout.ms'])
    return fail(TXN_ERR.INVALID_TRANSACTION_TIMEOUT);
  let meta = ctx.txns.get(id);
  if (meta === undefined) {
    const producerId = await ctx.engine.allocateProducerId();
    meta = ctx.txns.get(id);
    if (meta === undefined) {
      const now = ctx.clock.now();
      meta = new TxnMetadata(id, {
        producerId,
        producerEpoch: -1,
        timeoutMs: timeout,
        state: 'Empty',
        partitions: new Set(),
        lastUpdateTimestamp: now,
        startTimestamp: -1,
      });
      ctx.txns.set(id, meta);
    }
  }
  if (meta.pending !== null) return fail(TXN_ERR.CONCURRENT_TRANSACTIONS);
  const expectedId = req.producerId ?? -1;
  if (expectedId >= 0) {
    const epoch = req.producerEpoch ?? -1;
    if (expectedId !== meta.producerId || (epoch !== meta.producerEpoch && epoch !== meta.lastProducerEpoch))
      return fail(TXN_ERR.PRODUCER_FENCED);
  }
  switch (meta.state) {
    case 'PrepareCommit':
    case 'PrepareAbort':
    case 'PrepareEpochFence':
    case 'Dead':
      return fail(TXN_ERR.CONCURRENT_TRANSACTIONS);
    case 'Ongoing': {
      const code = await endTransaction(ctx, meta, false, true);
      return fail(code === TXN_ERR.NONE ? TXN_ERR.CONCURRENT_TRANSACTIONS : code);
    }
    default: {
      let producerId = meta.producerId;
      let epoch = meta.producerEpoch + 1;
      let last = meta.producerEpoch;
      if (epoch > MAX_EPOCH) {
        producerId = await ctx.engine.allocateProducerId();
        epoch = 0;
        last = -1;
      }
      const code = await persist(ctx, meta, {
        producerId,
        producerEpoch: epoch,
        timeoutMs: timeout,
        state: 'Empty',
        partitions: new Set(),
        lastUpdateTimestamp: ctx.clock.now(),
        startTimestamp: -1,
      });
      if (code !== TXN_ERR.NONE) return fail(code);
      meta.lastProducerEpoch = last;
      return { errorCode: TXN_ERR.NONE, producerId, producerEpoch: epoch };
    }
  }
}
