/**
 * @rill/log — Rill's embedded log engine: topics of segmented partitions that store Kafka's
 * RecordBatch v2 bytes, with Kafka's configs, partitioner, offsets and error codes.
 * This file is the package's only public surface.
 */

// The engine
export { LogEngine } from './engine.js';
export type {
  CreateTopicOptions,
  LogEngineOptions,
  PartitionOffsets,
  RecordsOptions,
  TopicDescription,
} from './internal/engine/engine-types.js';
export type { ProducerRecord, RecordMetadata } from './internal/engine/producer-records.js';
export type { ConsumedRecord } from './internal/engine/record-stream.js';
export type { AlterConfigOptions } from './internal/engine/topic-manager.js';
export type {
  BackgroundErrorContext,
  CleanerThrottle,
  CleanerThrottleProgress,
  CompactionResult,
  CompactOptions,
  RetentionResult,
} from './internal/maintenance/types.js';
export { CleanerError, CleanerErrorCodes } from './internal/cleaner/cleaner-error.js';
export type { CleanerErrorCode } from './internal/cleaner/cleaner-error.js';
export type {
  AppendRecordsOptions,
  AppendResult,
  ReadOptions,
  ReadResult,
  TimestampOffset,
} from './internal/partition/types.js';

// Errors
export { LOG_ERROR_CODES, LogError, isLogError } from './errors.js';
export type { LogErrorCode, LogErrorOptions } from './errors.js';

// Configs
export { LONG_MAX, TOPIC_CONFIG_DEFAULTS } from './internal/config/topic-config.js';
export type { CleanupPolicy, TopicCompressionType, TopicConfig } from './internal/config/topic-config.js';
export { validateTopicConfig } from './internal/config/validate.js';
export type { TopicConfigInput } from './internal/config/validate.js';
export type { BrokerConfigInput } from './internal/config/broker-config.js';

// Topic names
export {
  MAX_TOPIC_NAME_LENGTH,
  hasCollisionChars,
  topicsCollide,
  validateTopicName,
} from './internal/topics/topic-name.js';

// Partitioner
export { defaultPartition } from './internal/partitioner/default-partitioner.js';
export { murmur2, toPositive } from './internal/partitioner/murmur2.js';

// Seams: time and I/O (DESIGN.md decision 7)
export { systemClock } from './internal/clock/clock.js';
export type { Clock, TimerHandle } from './internal/clock/clock.js';
export { ManualClock } from './internal/clock/manual-clock.js';
export type { FileHandle, FileIO, OpenMode } from './internal/io/file-io.js';
export { NodeFileIO } from './internal/io/node-file-io.js';
export { FaultyFileIO } from './internal/io/faulty-file-io.js';
export type { CrashMode, CrashOptions, CrashResult, CrashStats } from './internal/io/faulty-file-io.js';

// Group coordinator (Kafka's classic group protocol) and committed offsets in __consumer_offsets.
export { GroupCoordinator } from './internal/group/group-coordinator.js';
export type { GroupCoordinatorOptions } from './internal/group/group-coordinator.js';
export { GROUP_COORDINATOR_DEFAULTS } from './internal/group/group-config.js';
export type { GroupCoordinatorConfig, GroupCoordinatorConfigInput } from './internal/group/group-config.js';
export type {
  GroupStateName,
  GroupProtocol,
  JoinGroupRequest,
  JoinGroupResult,
  JoinGroupMember,
  SyncGroupRequest,
  SyncGroupResult,
  SyncGroupAssignment,
  HeartbeatRequest,
  HeartbeatResult,
  LeaveGroupRequest,
  LeaveGroupResult,
  LeavingMember,
  OffsetCommitRequest,
  OffsetCommitResult,
  OffsetCommitTopic,
  OffsetCommitPartition,
  OffsetFetchRequest,
  OffsetFetchResult,
  OffsetFetchPartition,
} from './internal/group/group-types.js';
export type {
  DescribedMember,
  GroupDescription,
  GroupListing,
  ListGroupsFilter,
  DeleteGroupResult,
  OffsetResetSpec,
  ResetOffsetsRequest,
  ResetOffsetsResult,
  PartitionLag,
  LagOptions,
} from './internal/group/group-admin-types.js';
export type { OffsetDeleteRequest, OffsetDeleteResult } from './internal/group/offset-delete.js';
export type { TxnGroupMetadata, TxnOffsetCommitRequest } from './internal/group/txn-offsets.js';
export { OFFSETS_TOPIC, partitionForGroup, javaStringHashCode } from './internal/group/offsets-partition.js';

// Transactions: the transaction coordinator (state in __transaction_state), isolation levels.
export { TransactionCoordinator } from './internal/txn/transaction-coordinator.js';
export type { TransactionCoordinatorOptions } from './internal/txn/transaction-coordinator.js';
export { TXN_COORDINATOR_DEFAULTS } from './internal/txn/txn-config.js';
export type { TxnCoordinatorConfig, TxnCoordinatorConfigInput } from './internal/txn/txn-config.js';
export type {
  InitProducerIdRequest,
  InitProducerIdResult,
  TxnProducer,
  AddPartitionsToTxnRequest,
  AddPartitionsToTxnResult,
  AddOffsetsToTxnRequest,
  EndTxnRequest,
  TxnResult,
  TransactionDescription,
  TxnGroupHook,
} from './internal/txn/txn-types.js';
export type { TransactionListing } from './internal/txn/txn-describe.js';
export type { TxnStateName } from './internal/txn/txn-state.js';
export { TRANSACTION_STATE_TOPIC, partitionForTransactionalId } from './internal/txn/txn-state-log.js';
export type { IsolationLevel } from './internal/partition/types.js';
export type { AbortedTransaction } from './internal/producer/txn-index.js';
export type { ProducerDescription } from './internal/producer/describe-producers.js';
export type { BrokerConfig, CleanerSettings } from './internal/config/broker-config.js';
export type { ProducerIdSettings, CoordinatorSettings } from './internal/config/coordinator-config.js';
