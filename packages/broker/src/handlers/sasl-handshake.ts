import type { SaslHandshakeRequest, SaslHandshakeResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

const MECHANISMS = ['PLAIN'];

/**
 * SaslHandshake: PLAIN on a SASL listener. v0 means raw tokens follow; v1 means
 * SaslAuthenticate requests. On a listener without SASL it is an illegal state, as in Kafka.
 */
export function saslHandshake(ctx: RequestContext, req: SaslHandshakeRequest): SaslHandshakeResponse {
  if (!ctx.listener.sasl || ctx.sasl.authenticated || ctx.sasl.mechanism !== null) {
    return { errorCode: ERR.ILLEGAL_SASL_STATE, mechanisms: ctx.listener.sasl ? MECHANISMS : [] };
  }
  if (!MECHANISMS.includes(req.mechanism)) {
    return { errorCode: ERR.UNSUPPORTED_SASL_MECHANISM, mechanisms: MECHANISMS };
  }
  ctx.sasl.mechanism = req.mechanism;
  ctx.sasl.handshakeVersion = ctx.apiVersion;
  return { errorCode: ERR.NONE, mechanisms: MECHANISMS };
}
