/**
 * The Kafka error codes the group coordinator answers with, by name (from @rill/protocol's table,
 * so the numbers can never drift from Kafka's).
 */
import { KafkaErrorCodes } from '@rill/protocol';

const names = [
  'NONE',
  'UNKNOWN_SERVER_ERROR',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'OFFSET_METADATA_TOO_LARGE',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'ILLEGAL_GENERATION',
  'INCONSISTENT_GROUP_PROTOCOL',
  'INVALID_GROUP_ID',
  'UNKNOWN_MEMBER_ID',
  'INVALID_SESSION_TIMEOUT',
  'REBALANCE_IN_PROGRESS',
  'INVALID_COMMIT_OFFSET_SIZE',
  'INVALID_REQUEST',
  'NON_EMPTY_GROUP',
  'GROUP_ID_NOT_FOUND',
  'MEMBER_ID_REQUIRED',
  'GROUP_MAX_SIZE_REACHED',
  'FENCED_INSTANCE_ID',
  'UNSTABLE_OFFSET_COMMIT',
  'GROUP_SUBSCRIBED_TO_TOPIC',
  'OFFSET_OUT_OF_RANGE',
] as const;

export type GroupErrorName = (typeof names)[number];

/** Kafka's numeric code for each error name the coordinator uses. */
export const ERR = Object.fromEntries(names.map((n) => [n, KafkaErrorCodes[n].code])) as {
  readonly [K in GroupErrorName]: number;
};
