import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from '@rill/protocol';
import { BrokerError } from '../errors.js';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';
import { authenticatePlain } from '../internal/sasl-plain.js';

const EMPTY = Buffer.alloc(0);

/**
 * SaslAuthenticate with PLAIN after a v1 SaslHandshake. A wrong user or password answers
 * SASL_AUTHENTICATION_FAILED; the client then closes (Kafka also closes after a failure).
 */
export function saslAuthenticate(
  ctx: RequestContext,
  req: SaslAuthenticateRequest,
): SaslAuthenticateResponse {
  const base = { authBytes: EMPTY, sessionLifetimeMs: 0 };
  if (!ctx.listener.sasl || ctx.sasl.mechanism === null || ctx.sasl.authenticated) {
    return {
      ...base,
      errorCode: ERR.ILLEGAL_SASL_STATE,
      errorMessage: 'Unexpected SaslAuthenticate request',
    };
  }
  const result = authenticatePlain(req.authBytes, ctx.broker.saslUsers ?? new Map());
  if (!result.ok) {
    ctx.broker.logger.error(
      `SASL/PLAIN authentication from ${ctx.clientHost} failed`,
      new BrokerError('SASL_AUTHENTICATION_FAILED', result.reason, {
        kafkaCode: ERR.SASL_AUTHENTICATION_FAILED,
      }),
    );
    ctx.sasl.failed = true;
    return { ...base, errorCode: ERR.SASL_AUTHENTICATION_FAILED, errorMessage: result.reason };
  }
  ctx.sasl.authenticated = true;
  ctx.sasl.principal = result.user;
  ctx.broker.logger.info(`authenticated ${result.user} with SASL/PLAIN from ${ctx.clientHost}`);
  return { ...base, errorCode: ERR.NONE, errorMessage: null };
}
