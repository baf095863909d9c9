// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)

import type { ApiCodec } from '../messages/api-codec.js';
import { decodeProduceRequest, decodeProduceResponse, encodeProduceRequest, encodeProduceResponse } from './produce.js';
import type { ProduceRequest, ProduceResponse } from './produce.js';
import { decodeFetchRequest, decodeFetchResponse, encodeFetchRequest, encodeFetchResponse } from './fetch.js';
import type { FetchRequest, FetchResponse } from './fetch.js';
import { decodeListOffsetsRequest, decodeListOffsetsResponse, encodeListOffsetsRequest, encodeListOffsetsResponse } from './list-offsets.js';
import type { ListOffsetsRequest, ListOffsetsResponse } from './list-offsets.js';
import { decodeMetadataRequest, decodeMetadataResponse, encodeMetadataRequest, encodeMetadataResponse } from './metadata.js';
import type { MetadataRequest, MetadataResponse } from './metadata.js';
import { decodeOffsetCommitRequest, decodeOffsetCommitResponse, encodeOffsetCommitRequest, encodeOffsetCommitResponse } from './offset-commit.js';
import type { OffsetCommitRequest, OffsetCommitResponse } from './offset-commit.js';
import { decodeOffsetFetchRequest, decodeOffsetFetchResponse, encodeOffsetFetchRequest, encodeOffsetFetchResponse } from './offset-fetch.js';
import type { OffsetFetchRequest, OffsetFetchResponse } from './offset-fetch.js';
import { decodeFindCoordinatorRequest, decodeFindCoordinatorResponse, encodeFindCoordinatorRequest, encodeFindCoordinatorResponse } from './find-coordinator.js';
import type { FindCoordinatorRequest, FindCoordinatorResponse } from './find-coordinator.js';
import { decodeJoinGroupRequest, decodeJoinGroupResponse, encodeJoinGroupRequest, encodeJoinGroupResponse } from './join-group.js';
import type { JoinGroupRequest, JoinGroupResponse } from './join-group.js';
import { decodeHeartbeatRequest, decodeHeartbeatResponse, encodeHeartbeatRequest, encodeHeartbeatResponse } from './heartbeat.js';
import type { HeartbeatRequest, HeartbeatResponse } from './heartbeat.js';
import { decodeLeaveGroupRequest, decodeLeaveGroupResponse, encodeLeaveGroupRequest, encodeLeaveGroupResponse } from './leave-group.js';
import type { LeaveGroupRequest, LeaveGroupResponse } from './leave-group.js';
import { decodeSyncGroupRequest, decodeSyncGroupResponse, encodeSyncGroupRequest, encodeSyncGroupResponse } from './sync-group.js';
import type { SyncGroupRequest, SyncGroupResponse } from './sync-group.js';
import { decodeDescribeGroupsRequest, decodeDescribeGroupsResponse, encodeDescribeGroupsRequest, encodeDescribeGroupsResponse } from './describe-groups.js';
import type { DescribeGroupsRequest, DescribeGroupsResponse } from './describe-groups.js';
import { decodeListGroupsRequest, decodeListGroupsResponse, encodeListGroupsRequest, encodeListGroupsResponse } from './list-groups.js';
import type { ListGroupsRequest, ListGroupsResponse } from './list-groups.js';
import { decodeSaslHandshakeRequest, decodeSaslHandshakeResponse, encodeSaslHandshakeRequest, encodeSaslHandshakeResponse } from './sasl-handshake.js';
import type { SaslHandshakeRequest, SaslHandshakeResponse } from './sasl-handshake.js';
import { decodeApiVersionsRequest, decodeApiVersionsResponse, encodeApiVersionsRequest, encodeApiVersionsResponse } from './api-versions.js';
import type { ApiVersionsRequest, ApiVersionsResponse } from './api-versions.js';
import { decodeCreateTopicsRequest, decodeCreateTopicsResponse, encodeCreateTopicsRequest, encodeCreateTopicsResponse } from './create-topics.js';
import type { CreateTopicsRequest, CreateTopicsResponse } from './create-topics.js';
import { decodeDeleteTopicsRequest, decodeDeleteTopicsResponse, encodeDeleteTopicsRequest, encodeDeleteTopicsResponse } from './delete-topics.js';
import type { DeleteTopicsRequest, DeleteTopicsResponse } from './delete-topics.js';
import { decodeDeleteRecordsRequest, decodeDeleteRecordsResponse, encodeDeleteRecordsRequest, encodeDeleteRecordsResponse } from './delete-records.js';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from './delete-records.js';
import { decodeInitProducerIdRequest, decodeInitProducerIdResponse, encodeInitProducerIdRequest, encodeInitProducerIdResponse } from './init-producer-id.js';
import type { InitProducerIdRequest, InitProducerIdResponse } from './init-producer-id.js';
import { decodeAddPartitionsToTxnRequest, decodeAddPartitionsToTxnResponse, encodeAddPartitionsToTxnRequest, encodeAddPartitionsToTxnResponse } from './add-partitions-to-txn.js';
import type { AddPartitionsToTxnRequest, AddPartitionsToTxnResponse } from './add-partitions-to-txn.js';
import { decodeAddOffsetsToTxnRequest, decodeAddOffsetsToTxnResponse, encodeAddOffsetsToTxnRequest, encodeAddOffsetsToTxnResponse } from './add-offsets-to-txn.js';
import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from './add-offsets-to-txn.js';
import { decodeEndTxnRequest, decodeEndTxnResponse, encodeEndTxnRequest, encodeEndTxnResponse } from './end-txn.js';
import type { EndTxnRequest, EndTxnResponse } from './end-txn.js';
import { decodeTxnOffsetCommitRequest, decodeTxnOffsetCommitResponse, encodeTxnOffsetCommitRequest, encodeTxnOffsetCommitResponse } from './txn-offset-commit.js';
import type { TxnOffsetCommitRequest, TxnOffsetCommitResponse } from './txn-offset-commit.js';
import { decodeDescribeConfigsRequest, decodeDescribeConfigsResponse, encodeDescribeConfigsRequest, encodeDescribeConfigsResponse } from './describe-configs.js';
import type { DescribeConfigsRequest, DescribeConfigsResponse } from './describe-configs.js';
import { decodeAlterConfigsRequest, decodeAlterConfigsResponse, encodeAlterConfigsRequest, encodeAlterConfigsResponse } from './alter-configs.js';
import type { AlterConfigsRequest, AlterConfigsResponse } from './alter-configs.js';
import { decodeSaslAuthenticateRequest, decodeSaslAuthenticateResponse, encodeSaslAuthenticateRequest, encodeSaslAuthenticateResponse } from './sasl-authenticate.js';
import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from './sasl-authenticate.js';
import { decodeCreatePartitionsRequest, decodeCreatePartitionsResponse, encodeCreatePartitionsRequest, encodeCreatePartitionsResponse } from './create-partitions.js';
import type { CreatePartitionsRequest, CreatePartitionsResponse } from './create-partitions.js';
import { decodeDeleteGroupsRequest, decodeDeleteGroupsResponse, encodeDeleteGroupsRequest, encodeDeleteGroupsResponse } from './delete-groups.js';
import type { DeleteGroupsRequest, DeleteGroupsResponse } from './delete-groups.js';
import { decodeDescribeClusterRequest, decodeDescribeClusterResponse, encodeDescribeClusterRequest, encodeDescribeClusterResponse } from './describe-cluster.js';
import type { DescribeClusterRequest, DescribeClusterResponse } from './describe-cluster.js';

export * from './produce.js';
export * from './fetch.js';
export * from './list-offsets.js';
export * from './metadata.js';
export * from './offset-commit.js';
export * from './offset-fetch.js';
export * from './find-coordinator.js';
export * from './join-group.js';
export * from './heartbeat.js';
export * from './leave-group.js';
export * from './sync-group.js';
export * from './describe-groups.js';
export * from './list-groups.js';
export * from './sasl-handshake.js';
export * from './api-versions.js';
export * from './create-topics.js';
export * from './delete-topics.js';
export * from './delete-records.js';
export * from './init-producer-id.js';
export * from './add-partitions-to-txn.js';
export * from './add-offsets-to-txn.js';
export * from './end-txn.js';
export * from './txn-offset-commit.js';
export * from './describe-configs.js';
export * from './alter-configs.js';
export * from './sasl-authenticate.js';
export * from './create-partitions.js';
export * from './delete-groups.js';
export * from './describe-cluster.js';

/** Api key -> request body type. */
export interface ApiRequests {
  0: ProduceRequest;
  1: FetchRequest;
  2: ListOffsetsRequest;
  3: MetadataRequest;
  8: OffsetCommitRequest;
  9: OffsetFetchRequest;
  10: FindCoordinatorRequest;
  11: JoinGroupRequest;
  12: HeartbeatRequest;
  13: LeaveGroupRequest;
  14: SyncGroupRequest;
  15: DescribeGroupsRequest;
  16: ListGroupsRequest;
  17: SaslHandshakeRequest;
  18: ApiVersionsRequest;
  19: CreateTopicsRequest;
  20: DeleteTopicsRequest;
  21: DeleteRecordsRequest;
  22: InitProducerIdRequest;
  24: AddPartitionsToTxnRequest;
  25: AddOffsetsToTxnRequest;
  26: EndTxnRequest;
  28: TxnOffsetCommitRequest;
  32: DescribeConfigsRequest;
  33: AlterConfigsRequest;
  36: SaslAuthenticateRequest;
  37: CreatePartitionsRequest;
  42: DeleteGroupsRequest;
  60: DescribeClusterRequest;
}

/** Api key -> response body type. */
export interface ApiResponses {
  0: ProduceResponse;
  1: FetchResponse;
  2: ListOffsetsResponse;
  3: MetadataResponse;
  8: OffsetCommitResponse;
  9: OffsetFetchResponse;
  10: FindCoordinatorResponse;
  11: JoinGroupResponse;
  12: HeartbeatResponse;
  13: LeaveGroupResponse;
  14: SyncGroupResponse;
  15: DescribeGroupsResponse;
  16: ListGroupsResponse;
  17: SaslHandshakeResponse;
  18: ApiVersionsResponse;
  19: CreateTopicsResponse;
  20: DeleteTopicsResponse;
  21: DeleteRecordsResponse;
  22: InitProducerIdResponse;
  24: AddPartitionsToTxnResponse;
  25: AddOffsetsToTxnResponse;
  26: EndTxnResponse;
  28: TxnOffsetCommitResponse;
  32: DescribeConfigsResponse;
  33: AlterConfigsResponse;
  36: SaslAuthenticateResponse;
  37: CreatePartitionsResponse;
  42: DeleteGroupsResponse;
  60: DescribeClusterResponse;
}

/** Every api key these codecs know. */
export type ApiKey = keyof ApiRequests & keyof ApiResponses;

/** Kafka API names -> api keys. */
export const ApiKeys = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  TxnOffsetCommit: 28,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  DescribeCluster: 60,
} as const;

/** The generated codec of every api key, with the version facts from the schema. */
export const API_CODECS: { readonly [K in ApiKey]: ApiCodec<ApiRequests[K], ApiResponses[K]> } = {
  0: { apiKey: 0, name: 'Produce', minVersion: 0, maxVersion: 11, maxStableVersion: 11, flexibleFrom: 9, encodeRequest: encodeProduceRequest, decodeRequest: decodeProduceRequest, encodeResponse: encodeProduceResponse, decodeResponse: decodeProduceResponse },
  1: { apiKey: 1, name: 'Fetch', minVersion: 0, maxVersion: 17, maxStableVersion: 17, flexibleFrom: 12, encodeRequest: encodeFetchRequest, decodeRequest: decodeFetchRequest, encodeResponse: encodeFetchResponse, decodeResponse: decodeFetchResponse },
  2: { apiKey: 2, name: 'ListOffsets', minVersion: 0, maxVersion: 10, maxStableVersion: 10, flexibleFrom: 6, encodeRequest: encodeListOffsetsRequest, decodeRequest: decodeListOffsetsRequest, encodeResponse: encodeListOffsetsResponse, decodeResponse: decodeListOffsetsResponse },
  3: { apiKey: 3, name: 'Metadata', minVersion: 0, maxVersion: 12, maxStableVersion: 12, flexibleFrom: 9, encodeRequest: encodeMetadataRequest, decodeRequest: decodeMetadataRequest, encodeResponse: encodeMetadataResponse, decodeResponse: decodeMetadataResponse },
  8: { apiKey: 8, name: 'OffsetCommit', minVersion: 0, maxVersion: 9, maxStableVersion: 9, flexibleFrom: 8, encodeRequest: encodeOffsetCommitRequest, decodeRequest: decodeOffsetCommitRequest, encodeResponse: encodeOffsetCommitResponse, decodeResponse: decodeOffsetCommitResponse },
  9: { apiKey: 9, name: 'OffsetFetch', minVersion: 0, maxVersion: 9, maxStableVersion: 9, flexibleFrom: 6, encodeRequest: encodeOffsetFetchRequest, decodeRequest: decodeOffsetFetchRequest, encodeResponse: encodeOffsetFetchResponse, decodeResponse: decodeOffsetFetchResponse },
  10: { apiKey: 10, name: 'FindCoordinator', minVersion: 0, maxVersion: 6, maxStableVersion: 6, flexibleFrom: 3, encodeRequest: encodeFindCoordinatorRequest, decodeRequest: decodeFindCoordinatorRequest, encodeResponse: encodeFindCoordinatorResponse, decodeResponse: decodeFindCoordinatorResponse },
  11: { apiKey: 11, name: 'JoinGroup', minVersion: 0, maxVersion: 9, maxStableVersion: 9, flexibleFrom: 6, encodeRequest: encodeJoinGroupRequest, decodeRequest: decodeJoinGroupRequest, encodeResponse: encodeJoinGroupResponse, decodeResponse: decodeJoinGroupResponse },
  12: { apiKey: 12, name: 'Heartbeat', minVersion: 0, maxVersion: 4, maxStableVersion: 4, flexibleFrom: 4, encodeRequest: encodeHeartbeatRequest, decodeRequest: decodeHeartbeatRequest, encodeResponse: encodeHeartbeatResponse, decodeResponse: decodeHeartbeatResponse },
  13: { apiKey: 13, name: 'LeaveGroup', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 4, encodeRequest: encodeLeaveGroupRequest, decodeRequest: decodeLeaveGroupRequest, encodeResponse: encodeLeaveGroupResponse, decodeResponse: decodeLeaveGroupResponse },
  14: { apiKey: 14, name: 'SyncGroup', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 4, encodeRequest: encodeSyncGroupRequest, decodeRequest: decodeSyncGroupRequest, encodeResponse: encodeSyncGroupResponse, decodeResponse: decodeSyncGroupResponse },
  15: { apiKey: 15, name: 'DescribeGroups', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 5, encodeRequest: encodeDescribeGroupsRequest, decodeRequest: decodeDescribeGroupsRequest, encodeResponse: encodeDescribeGroupsResponse, decodeResponse: decodeDescribeGroupsResponse },
  16: { apiKey: 16, name: 'ListGroups', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 3, encodeRequest: encodeListGroupsRequest, decodeRequest: decodeListGroupsRequest, encodeResponse: encodeListGroupsResponse, decodeResponse: decodeListGroupsResponse },
  17: { apiKey: 17, name: 'SaslHandshake', minVersion: 0, maxVersion: 1, maxStableVersion: 1, flexibleFrom: null, encodeRequest: encodeSaslHandshakeRequest, decodeRequest: decodeSaslHandshakeRequest, encodeResponse: encodeSaslHandshakeResponse, decodeResponse: decodeSaslHandshakeResponse },
  18: { apiKey: 18, name: 'ApiVersions', minVersion: 0, maxVersion: 4, maxStableVersion: 4, flexibleFrom: 3, encodeRequest: encodeApiVersionsRequest, decodeRequest: decodeApiVersionsRequest, encodeResponse: encodeApiVersionsResponse, decodeResponse: decodeApiVersionsResponse },
  19: { apiKey: 19, name: 'CreateTopics', minVersion: 0, maxVersion: 7, maxStableVersion: 7, flexibleFrom: 5, encodeRequest: encodeCreateTopicsRequest, decodeRequest: decodeCreateTopicsRequest, encodeResponse: encodeCreateTopicsResponse, decodeResponse: decodeCreateTopicsResponse },
  20: { apiKey: 20, name: 'DeleteTopics', minVersion: 0, maxVersion: 6, maxStableVersion: 6, flexibleFrom: 4, encodeRequest: encodeDeleteTopicsRequest, decodeRequest: decodeDeleteTopicsRequest, encodeResponse: encodeDeleteTopicsResponse, decodeResponse: decodeDeleteTopicsResponse },
  21: { apiKey: 21, name: 'DeleteRecords', minVersion: 0, maxVersion: 2, maxStableVersion: 2, flexibleFrom: 2, encodeRequest: encodeDeleteRecordsRequest, decodeRequest: decodeDeleteRecordsRequest, encodeResponse: encodeDeleteRecordsResponse, decodeResponse: decodeDeleteRecordsResponse },
  22: { apiKey: 22, name: 'InitProducerId', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 2, encodeRequest: encodeInitProducerIdRequest, decodeRequest: decodeInitProducerIdRequest, encodeResponse: encodeInitProducerIdResponse, decodeResponse: decodeInitProducerIdResponse },
  24: { apiKey: 24, name: 'AddPartitionsToTxn', minVersion: 0, maxVersion: 5, maxStableVersion: 5, flexibleFrom: 3, encodeRequest: encodeAddPartitionsToTxnRequest, decodeRequest: decodeAddPartitionsToTxnRequest, encodeResponse: encodeAddPartitionsToTxnResponse, decodeResponse: decodeAddPartitionsToTxnResponse },
  25: { apiKey: 25, name: 'AddOffsetsToTxn', minVersion: 0, maxVersion: 4, maxStableVersion: 4, flexibleFrom: 3, encodeRequest: encodeAddOffsetsToTxnRequest, decodeRequest: decodeAddOffsetsToTxnRequest, encodeResponse: encodeAddOffsetsToTxnResponse, decodeResponse: decodeAddOffsetsToTxnResponse },
  26: { apiKey: 26, name: 'EndTxn', minVersion: 0, maxVersion: 5, maxStableVersion: 4, flexibleFrom: 3, encodeRequest: encodeEndTxnRequest, decodeRequest: decodeEndTxnRequest, encodeResponse: encodeEndTxnResponse, decodeResponse: decodeEndTxnResponse },
  28: { apiKey: 28, name: 'TxnOffsetCommit', minVersion: 0, maxVersion: 4, maxStableVersion: 4, flexibleFrom: 3, encodeRequest: encodeTxnOffsetCommitRequest, decodeRequest: decodeTxnOffsetCommitRequest, encodeResponse: encodeTxnOffsetCommitResponse, decodeResponse: decodeTxnOffsetCommitResponse },
  32: { apiKey: 32, name: 'DescribeConfigs', minVersion: 0, maxVersion: 4, maxStableVersion: 4, flexibleFrom: 4, encodeRequest: encodeDescribeConfigsRequest, decodeRequest: decodeDescribeConfigsRequest, encodeResponse: encodeDescribeConfigsResponse, decodeResponse: decodeDescribeConfigsResponse },
  33: { apiKey: 33, name: 'AlterConfigs', minVersion: 0, maxVersion: 2, maxStableVersion: 2, flexibleFrom: 2, encodeRequest: encodeAlterConfigsRequest, decodeRequest: decodeAlterConfigsRequest, encodeResponse: encodeAlterConfigsResponse, decodeResponse: decodeAlterConfigsResponse },
  36: { apiKey: 36, name: 'SaslAuthenticate', minVersion: 0, maxVersion: 2, maxStableVersion: 2, flexibleFrom: 2, encodeRequest: encodeSaslAuthenticateRequest, decodeRequest: decodeSaslAuthenticateRequest, encodeResponse: encodeSaslAuthenticateResponse, decodeResponse: decodeSaslAuthenticateResponse },
  37: { apiKey: 37, name: 'CreatePartitions', minVersion: 0, maxVersion: 3, maxStableVersion: 3, flexibleFrom: 2, encodeRequest: encodeCreatePartitionsRequest, decodeRequest: decodeCreatePartitionsRequest, encodeResponse: encodeCreatePartitionsResponse, decodeResponse: decodeCreatePartitionsResponse },
  42: { apiKey: 42, name: 'DeleteGroups', minVersion: 0, maxVersion: 2, maxStableVersion: 2, flexibleFrom: 2, encodeRequest: encodeDeleteGroupsRequest, decodeRequest: decodeDeleteGroupsRequest, encodeResponse: encodeDeleteGroupsResponse, decodeResponse: decodeDeleteGroupsResponse },
  60: { apiKey: 60, name: 'DescribeCluster', minVersion: 0, maxVersion: 1, maxStableVersion: 1, flexibleFrom: 0, encodeRequest: encodeDescribeClusterRequest, decodeRequest: decodeDescribeClusterRequest, encodeResponse: encodeDescribeClusterResponse, decodeResponse: decodeDescribeClusterResponse },
};
