/**
 * @rill/client — the one client interface (producer with transactions, group consumer, admin)
 * that the embedded and kafkajs-backed implementations share, Kafka's partition assignors and
 * the consumer-protocol encoding. This file is the package's only public surface; the
 * conformance suite is the separate subpath `@rill/client/conformance` (src/conformance/index.ts).
 */

// Errors
export {
  ClientError,
  ClientOnlyErrorCodes,
  isClientError,
  isClientErrorCode,
  toClientError,
} from './errors.js';
export type { ClientErrorCode, ClientErrorOptions, ClientOnlyErrorCode } from './errors.js';

// Shared value types and helpers
export { compareTopicPartitions, parseTpKey, toBytes, toHeaders, tpKey, tpName } from './api/common.js';
export type {
  AutoOffsetReset,
  Header,
  HeadersInput,
  IsolationLevel,
  OffsetAndMetadata,
  TopicPartition,
  TopicPartitionOffset,
} from './api/common.js';

// The client interface
export type { Client } from './api/client.js';
export type {
  Partitioner,
  Producer,
  ProducerRecord,
  RecordMetadata,
  Sender,
  Transaction,
} from './api/producer.js';
export type {
  BatchIteratorOptions,
  Consumer,
  ConsumerGroupMetadata,
  ConsumerRecord,
  ConsumerRecords,
  PartitionRecords,
  RebalanceListener,
  TimestampType,
} from './api/consumer.js';
export type {
  Admin,
  AlterConfigOp,
  ConfigEntry,
  ConfigResource,
  ConfigSource,
  GroupDescription,
  GroupListing,
  GroupState,
  ListedOffset,
  MemberDescription,
  NewTopic,
  OffsetSpec,
  PartitionInfo,
  PartitionLag,
  ResetTarget,
  ResourceConfigs,
  TopicDescription,
} from './api/admin.js';

// Configs (Kafka's names and defaults)
export { resolveProducerConfig } from './api/producer-config.js';
export type { Acks, CompressionType, ProducerConfig, ResolvedProducerConfig } from './api/producer-config.js';
export { resolveConsumerConfig } from './api/consumer-config.js';
export type { ConsumerConfig, ResolvedConsumerConfig } from './api/consumer-config.js';
export { resolveAdminConfig } from './api/admin-config.js';
export type { AdminConfig, ResolvedAdminConfig } from './api/admin-config.js';

// Assignors
export { rangeAssign, rangeAssignor } from './assignors/range.js';
export { roundRobinAssign, roundRobinAssignor } from './assignors/round-robin.js';
export {
  cooperativeStickyAssign,
  cooperativeStickyAssignor,
  cooperativeStickyGeneration,
  stickyAssign,
} from './assignors/cooperative-sticky.js';
export { builtinAssignors, rebalanceProtocolFor, resolveAssignors } from './assignors/registry.js';
export type { BuiltinAssignorName } from './assignors/registry.js';
export {
  addedPartitions,
  revokedPartitions,
  validateCooperativeAssignment,
} from './assignors/cooperative-rules.js';
export type {
  Assignment,
  AssignmentInput,
  GroupMember,
  PartitionAssignor,
  RebalanceProtocol,
  Subscription,
  SubscriptionContext,
} from './assignors/types.js';

// Consumer protocol bytes (JoinGroup metadata, SyncGroup assignments)
export {
  CONSUMER_PROTOCOL_TYPE,
  CONSUMER_PROTOCOL_VERSION,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
} from './assignors/consumer-protocol.js';
export type {
  DecodedAssignment,
  DecodedSubscription,
  SubscriptionInput,
} from './assignors/consumer-protocol.js';

// The embedded implementation (in-process, over @rill/log's engine, group and transaction coordinators)
export { createEmbeddedClient } from './embedded/embedded-client.js';
export type { EmbeddedClient, EmbeddedClientOptions } from './embedded/embedded-client.js';
