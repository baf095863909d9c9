/**
 * Every Kafka API that Rill's codecs cover, in api-key order. The generator
 * (scripts/generate-codecs.ts) and the schema-driven tests read this list.
 */
import { AddOffsetsToTxn } from './apis/add-offsets-to-txn.js';
import { AddPartitionsToTxn } from './apis/add-partitions-to-txn.js';
import { AlterConfigs } from './apis/alter-configs.js';
import { ApiVersions } from './apis/api-versions.js';
import { CreatePartitions } from './apis/create-partitions.js';
import { CreateTopics } from './apis/create-topics.js';
import { DeleteGroups } from './apis/delete-groups.js';
import { DeleteRecords } from './apis/delete-records.js';
import { DeleteTopics } from './apis/delete-topics.js';
import { DescribeCluster } from './apis/describe-cluster.js';
import { DescribeConfigs } from './apis/describe-configs.js';
import { DescribeGroups } from './apis/describe-groups.js';
import { EndTxn } from './apis/end-txn.js';
import { Fetch } from './apis/fetch.js';
import { FindCoordinator } from './apis/find-coordinator.js';
import { Heartbeat } from './apis/heartbeat.js';
import { InitProducerId } from './apis/init-producer-id.js';
import { JoinGroup } from './apis/join-group.js';
import { LeaveGroup } from './apis/leave-group.js';
import { ListGroups } from './apis/list-groups.js';
import { ListOffsets } from './apis/list-offsets.js';
import { Metadata } from './apis/metadata.js';
import { OffsetCommit } from './apis/offset-commit.js';
import { OffsetFetch } from './apis/offset-fetch.js';
import { Produce } from './apis/produce.js';
import { SaslAuthenticate } from './apis/sasl-authenticate.js';
import { SaslHandshake } from './apis/sasl-handshake.js';
import { SyncGroup } from './apis/sync-group.js';
import { TxnOffsetCommit } from './apis/txn-offset-commit.js';
import { type ApiDeclaration, type ApiSchema, parseApi } from './model.js';

export const API_DECLARATIONS: readonly ApiDeclaration[] = [
  Produce,
  Fetch,
  ListOffsets,
  Metadata,
  OffsetCommit,
  OffsetFetch,
  FindCoordinator,
  JoinGroup,
  Heartbeat,
  LeaveGroup,
  SyncGroup,
  DescribeGroups,
  ListGroups,
  SaslHandshake,
  ApiVersions,
  CreateTopics,
  DeleteTopics,
  DeleteRecords,
  InitProducerId,
  AddPartitionsToTxn,
  AddOffsetsToTxn,
  EndTxn,
  TxnOffsetCommit,
  DescribeConfigs,
  AlterConfigs,
  SaslAuthenticate,
  CreatePartitions,
  DeleteGroups,
  DescribeCluster,
];

/** The parsed schemas, in api-key order. */
export function loadApis(): ApiSchema[] {
  return API_DECLARATIONS.map(parseApi);
}
