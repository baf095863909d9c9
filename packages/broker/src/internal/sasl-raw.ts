/**
 * After SaslHandshake v0, Kafka's clients send SASL tokens as bare size-prefixed frames (no
 * request header); the server answers with a bare frame. Only PLAIN is offered.
 */
import { BrokerError } from '../errors.js';
import type { BrokerContext, SaslState } from './context.js';
import { ERR } from './kafka-errors.js';
import { authenticatePlain } from './sasl-plain.js';

const EMPTY_TOKEN_FRAME = Buffer.alloc(4);

export function handleRawSaslToken(broker: BrokerContext, sasl: SaslState, token: Buffer): Promise<Buffer> {
  const result = authenticatePlain(token, broker.saslUsers ?? new Map());
  if (!result.ok) {
    return Promise.reject(
      new BrokerError('SASL_AUTHENTICATION_FAILED', result.reason, {
        kafkaCode: ERR.SASL_AUTHENTICATION_FAILED,
      }),
    );
  }
  sasl.authenticated = true;
  sasl.principal = result.user;
  broker.logger.info(`authenticated ${result.user} with SASL/PLAIN (handshake v0)`);
  return Promise.resolve(EMPTY_TOKEN_FRAME);
}
