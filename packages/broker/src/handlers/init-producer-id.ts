import type { InitProducerIdRequest, InitProducerIdResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';

/**
 * InitProducerId: through the transaction coordinator (a transactional id gets its producer with
 * the epoch bumped, fencing older instances; KIP-360 re-initialisation); without one, idempotent
 * producers still get a fresh id from the log and transactional ids get UNSUPPORTED_VERSION.
 */
export async function initProducerId(
  ctx: RequestContext,
  req: InitProducerIdRequest,
): Promise<InitProducerIdResponse> {
  const { txns, engine, logger } = ctx.broker;
  if (txns !== null) {
    const r = await txns.initProducerId({
      transactionalId: req.transactionalId,
      transactionTimeoutMs: req.transactionTimeoutMs,
      producerId: req.producerId ?? -1,
      producerEpoch: req.producerEpoch ?? -1,
    });
    return {
      throttleTimeMs: 0,
      errorCode: r.errorCode,
      producerId: r.producerId,
      producerEpoch: r.producerEpoch,
    };
  }
  if (req.transactionalId !== null) {
    return { throttleTimeMs: 0, errorCode: ERR.UNSUPPORTED_VERSION, producerId: -1, producerEpoch: -1 };
  }
  try {
    const { producerId, producerEpoch } = await engine.initProducerId();
    return { throttleTimeMs: 0, errorCode: ERR.NONE, producerId, producerEpoch };
  } catch (e) {
    const { errorCode } = toKafkaError(e, logger, 'allocate a producer id');
    return { throttleTimeMs: 0, errorCode, producerId: -1, producerEpoch: -1 };
  }
}
