/**
 * Ending a transaction: write PrepareCommit/PrepareAbort (the decision, durable), then a COMMIT or
 * ABORT marker to every partition in the transaction, then CompleteCommit/CompleteAbort. A
 * prepared transaction whose markers could not all be written stays prepared and is completed by
 * the coordinator's periodic task or on the next open (Kafka's recovery of PrepareCommit/PrepareAbort).
 */
import { encodeControlBatch } from '@rill/protocol';
import { isLogError } from '../../errors.js';
import { OFFSETS_TOPIC } from '../group/offsets-partition.js';
import { persist, type TxnContext } from './txn-context.js';
import { TXN_ERR } from './txn-errors.js';
import { parseTpKey, type TxnMetadata } from './txn-state.js';

/** Kafka's Short.MaxValue - 1: the last epoch before a producer needs a new id. */
export const MAX_EPOCH = 32766;

/** Move an Ongoing transaction to Prepare* and complete it. @returns NONE once the decision is durable. */
export async function endTransaction(
  ctx: TxnContext,
  meta: TxnMetadata,
  commit: boolean,
  bumpEpoch = false,
): Promise<number> {
  const now = ctx.clock.now();
  const epoch = bumpEpoch && meta.producerEpoch < MAX_EPOCH ? meta.producerEpoch + 1 : meta.producerEpoch;
  const previous = meta.producerEpoch;
  const code = await persist(ctx, meta, {
    ...meta.record(),
    producerEpoch: epoch,
    state: commit ? 'PrepareCommit' : 'PrepareAbort',
    lastUpdateTimestamp: now,
  });
  if (code !== TXN_ERR.NONE) return code;
  if (epoch !== previous) meta.lastProducerEpoch = previous;
  await completePrepared(ctx, meta);
  return TXN_ERR.NONE;
}

/**
 * Write the markers of a prepared transaction and record its completion. Failures leave it
 * prepared for a later retry (reported through onBackgroundError).
 */
export async function completePrepared(ctx: TxnContext, meta: TxnMetadata): Promise<void> {
  if (meta.state !== 'PrepareCommit' && meta.state !== 'PrepareAbort') return;
  if (ctx.completing.has(meta.transactionalId)) return;
  ctx.completing.add(meta.transactionalId);
  try {
    const commit = meta.state === 'PrepareCommit';
    const ok = await writeMarkers(ctx, meta, commit);
    if (!ok) return;
    const code = await persist(ctx, meta, {
      ...meta.record(),
      state: commit ? 'CompleteCommit' : 'CompleteAbort',
      partitions: new Set(),
      lastUpdateTimestamp: ctx.clock.now(),
    });
    if (code !== TXN_ERR.NONE)
      ctx.onBackgroundError(new Error(`completing ${meta.transactionalId}: error ${code}`));
  } finally {
    ctx.completing.delete(meta.transactionalId);
  }
}

async function writeMarkers(ctx: TxnContext, meta: TxnMetadata, commit: boolean): Promise<boolean> {
  const now = ctx.clock.now();
  let offsetsTouched = false;
  const results = await Promise.allSettled(
    [...meta.partitions].map(async (k) => {
      const { topic, partition } = parseTpKey(k);
      const marker = encodeControlBatch({
        type: commit ? 'COMMIT' : 'ABORT',
        producerId: meta.producerId,
        producerEpoch: meta.producerEpoch,
        coordinatorEpoch: ctx.coordinatorEpoch,
        timestamp: now,
      });
      try {
        await ctx.engine.appendControlBatch(topic, partition, marker);
      } catch (e) {
        // A deleted topic needs no marker (Kafka drops markers for unknown partitions).
        if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) return;
        throw e;
      }
      if (topic === OFFSETS_TOPIC) offsetsTouched = true;
    }),
  );
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const f of failed) ctx.onBackgroundError(f.reason);
  if (failed.length > 0) return false;
  if (offsetsTouched) ctx.groups?.completeTransaction(meta.producerId, commit);
  return true;
}
