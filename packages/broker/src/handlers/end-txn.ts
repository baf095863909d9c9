import type { EndTxnRequest, EndTxnResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

/**
 * EndTxn: commit or abort; answers once the markers are written. The markers wake long-polling
 * read_committed fetches through the engine, as their last stable offsets move.
 */
export async function endTxn(ctx: RequestContext, req: EndTxnRequest): Promise<EndTxnResponse> {
  const { txns } = ctx.broker;
  if (txns === null)
    return { throttleTimeMs: 0, errorCode: ERR.UNSUPPORTED_VERSION, producerId: -1, producerEpoch: -1 };
  const r = await txns.endTxn({
    transactionalId: req.transactionalId,
    producerId: req.producerId,
    producerEpoch: req.producerEpoch,
    committed: req.committed,
  });
  return { throttleTimeMs: 0, errorCode: r.errorCode, producerId: -1, producerEpoch: -1 };
}
