/** Turning thrown errors into Kafka error codes for the wire. */
import { isLogError } from '@rill/log';
import { KafkaErrorCodes, ProtocolError } from '@rill/protocol';
import type { BrokerLogger } from './logger.js';

export const ERR = {
  NONE: 0,
  UNKNOWN_SERVER_ERROR: KafkaErrorCodes.UNKNOWN_SERVER_ERROR.code,
  OFFSET_OUT_OF_RANGE: KafkaErrorCodes.OFFSET_OUT_OF_RANGE.code,
  CORRUPT_MESSAGE: KafkaErrorCodes.CORRUPT_MESSAGE.code,
  UNKNOWN_TOPIC_OR_PARTITION: KafkaErrorCodes.UNKNOWN_TOPIC_OR_PARTITION.code,
  INVALID_TOPIC_EXCEPTION: KafkaErrorCodes.INVALID_TOPIC_EXCEPTION.code,
  INVALID_REQUIRED_ACKS: KafkaErrorCodes.INVALID_REQUIRED_ACKS.code,
  COORDINATOR_NOT_AVAILABLE: KafkaErrorCodes.COORDINATOR_NOT_AVAILABLE.code,
  NOT_COORDINATOR: KafkaErrorCodes.NOT_COORDINATOR.code,
  UNSUPPORTED_SASL_MECHANISM: KafkaErrorCodes.UNSUPPORTED_SASL_MECHANISM.code,
  ILLEGAL_SASL_STATE: KafkaErrorCodes.ILLEGAL_SASL_STATE.code,
  UNSUPPORTED_VERSION: KafkaErrorCodes.UNSUPPORTED_VERSION.code,
  TOPIC_ALREADY_EXISTS: KafkaErrorCodes.TOPIC_ALREADY_EXISTS.code,
  INVALID_PARTITIONS: KafkaErrorCodes.INVALID_PARTITIONS.code,
  INVALID_REPLICATION_FACTOR: KafkaErrorCodes.INVALID_REPLICATION_FACTOR.code,
  INVALID_REPLICA_ASSIGNMENT: KafkaErrorCodes.INVALID_REPLICA_ASSIGNMENT.code,
  INVALID_CONFIG: KafkaErrorCodes.INVALID_CONFIG.code,
  INVALID_REQUEST: KafkaErrorCodes.INVALID_REQUEST.code,
  SASL_AUTHENTICATION_FAILED: KafkaErrorCodes.SASL_AUTHENTICATION_FAILED.code,
  UNKNOWN_TOPIC_ID: KafkaErrorCodes.UNKNOWN_TOPIC_ID.code,
  INVALID_GROUP_ID: KafkaErrorCodes.INVALID_GROUP_ID.code,
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: KafkaErrorCodes.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code,
} as const;

/** A thrown error's Kafka code and message; errors without one are logged as unexpected. */
export function toKafkaError(
  e: unknown,
  logger: BrokerLogger,
  what: string,
): { readonly errorCode: number; readonly errorMessage: string } {
  if (isLogError(e) && e.kafkaCode !== undefined) return { errorCode: e.kafkaCode, errorMessage: e.message };
  if (e instanceof ProtocolError && e.kafkaCode !== undefined) {
    return { errorCode: e.kafkaCode, errorMessage: e.message };
  }
  logger.error(`${what} failed`, e);
  return { errorCode: ERR.UNKNOWN_SERVER_ERROR, errorMessage: e instanceof Error ? e.message : String(e) };
}
