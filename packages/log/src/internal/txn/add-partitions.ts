/**
 * AddPartitionsToTxn and AddOffsetsToTxn: a partition joins the producer's transaction (Ongoing
 * from Empty or a completed state) before the producer writes to it, so EndTxn knows where the
 * markers go.
 */
import type { LogEngine } from '../../engine.js';
import { OFFSETS_TOPIC } from '../group/offsets-partition.js';
import { checkProducer, persist, type TxnContext } from './txn-context.js';
import { TXN_ERR } from './txn-errors.js';
import { tpKey } from './txn-state.js';
import type { AddPartitionsToTxnRequest, AddPartitionsToTxnResult, TxnProducer } from './txn-types.js';

function partitionExists(engine: LogEngine, topic: string, partition: number): boolean {
  if (!engine.listTopics().includes(topic)) return false;
  return Number.isInteger(partition) && partition >= 0 && partition < engine.describeTopic(topic).partitions;
}

function uniform(
  req: AddPartitionsToTxnRequest,
  code: (topic: string, p: number) => number,
): AddPartitionsToTxnResult {
  return {
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p, errorCode: code(t.name, p) })),
    })),
  };
}

export async function addPartitionsToTxn(
  ctx: TxnContext,
  req: AddPartitionsToTxnRequest,
): Promise<AddPartitionsToTxnResult> {
  const unknown = new Set<string>();
  for (const t of req.topics)
    for (const p of t.partitions) if (!partitionExists(ctx.engine, t.name, p)) unknown.add(tpKey(t.name, p));
  if (unknown.size > 0) {
    return uniform(req, (t, p) =>
      unknown.has(tpKey(t, p)) ? TXN_ERR.UNKNOWN_TOPIC_OR_PARTITION : TXN_ERR.OPERATION_NOT_ATTEMPTED,
    );
  }
  const keys = req.topics.flatMap((t) => t.partitions.map((p) => tpKey(t.name, p)));
  const code = await addKeys(ctx, req, keys);
  return uniform(req, () => code);
}

/** AddOffsetsToTxn: the group's `__consumer_offsets` partition joins the transaction. */
export async function addOffsetsToTxn(
  ctx: TxnContext,
  req: TxnProducer & { groupId: string },
): Promise<number> {
  if (ctx.groups === null) return TXN_ERR.COORDINATOR_NOT_AVAILABLE;
  if (req.groupId === '') return TXN_ERR.INVALID_REQUEST;
  return addKeys(ctx, req, [tpKey(OFFSETS_TOPIC, ctx.groups.partitionFor(req.groupId))]);
}

async function addKeys(ctx: TxnContext, req: TxnProducer, keys: readonly string[]): Promise<number> {
  const meta = ctx.txns.get(req.transactionalId);
  const bad = checkProducer(meta, req);
  if (bad !== null || meta === undefined) return bad ?? TXN_ERR.INVALID_PRODUCER_ID_MAPPING;
  if (meta.state === 'PrepareCommit' || meta.state === 'PrepareAbort' || meta.state === 'PrepareEpochFence')
    return TXN_ERR.CONCURRENT_TRANSACTIONS;
  if (meta.state === 'Dead') return TXN_ERR.INVALID_TXN_STATE;
  if (meta.state === 'Ongoing' && keys.every((k) => meta.partitions.has(k))) return TXN_ERR.NONE;
  const now = ctx.clock.now();
  const ongoing = meta.state === 'Ongoing';
  return persist(ctx, meta, {
    ...meta.record(),
    state: 'Ongoing',
    partitions: new Set([...(ongoing ? meta.partitions : []), ...keys]),
    lastUpdateTimestamp: now,
    startTimestamp: ongoing ? meta.startTimestamp : now,
  });
}
