import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

/** AddOffsetsToTxn: the group's `__consumer_offsets` partition joins the producer's transaction. */
export async function addOffsetsToTxn(
  ctx: RequestContext,
  req: AddOffsetsToTxnRequest,
): Promise<AddOffsetsToTxnResponse> {
  const txns = ctx.broker.txns;
  if (txns === null) return { throttleTimeMs: 0, errorCode: ERR.UNSUPPORTED_VERSION };
  const r = await txns.addOffsetsToTxn({
    transactionalId: req.transactionalId,
    producerId: req.producerId,
    producerEpoch: req.producerEpoch,
    groupId: req.groupId,
  });
  return { throttleTimeMs: 0, errorCode: r.errorCode };
}
