/** The handler of every API this broker answers, by api key. */
import { ApiKeys, type ApiKey } from '@rill/protocol';
import type { Handler } from '../internal/context.js';
import { alterConfigs } from './alter-configs.js';
import { apiVersions } from './api-versions.js';
import { createPartitions } from './create-partitions.js';
import { createTopics } from './create-topics.js';
import { deleteRecords } from './delete-records.js';
import { deleteTopics } from './delete-topics.js';
import { describeCluster } from './describe-cluster.js';
import { deleteGroups } from './delete-groups.js';
import { describeConfigs } from './describe-configs.js';
import { describeGroups } from './describe-groups.js';
import { findCoordinator } from './find-coordinator.js';
import { heartbeat } from './heartbeat.js';
import { joinGroup } from './join-group.js';
import { leaveGroup } from './leave-group.js';
import { listGroups } from './list-groups.js';
import { offsetCommit } from './offset-commit.js';
import { offsetFetch } from './offset-fetch.js';
import { syncGroup } from './sync-group.js';
import { fetch } from './fetch.js';
import { listOffsets } from './list-offsets.js';
import { metadata } from './metadata.js';
import { produce } from './produce.js';
import { saslAuthenticate } from './sasl-authenticate.js';
import { saslHandshake } from './sasl-handshake.js';
import { addOffsetsToTxn } from './add-offsets-to-txn.js';
import { addPartitionsToTxn } from './add-partitions-to-txn.js';
import { endTxn } from './end-txn.js';
import { initProducerId } from './init-producer-id.js';
import { txnOffsetCommit } from './txn-offset-commit.js';

export const HANDLERS: { readonly [K in ApiKey]?: Handler<K> } = {
  [ApiKeys.Produce]: produce,
  [ApiKeys.Fetch]: fetch,
  [ApiKeys.ListOffsets]: listOffsets,
  [ApiKeys.Metadata]: metadata,
  [ApiKeys.OffsetCommit]: offsetCommit,
  [ApiKeys.OffsetFetch]: offsetFetch,
  [ApiKeys.FindCoordinator]: findCoordinator,
  [ApiKeys.JoinGroup]: joinGroup,
  [ApiKeys.Heartbeat]: heartbeat,
  [ApiKeys.LeaveGroup]: leaveGroup,
  [ApiKeys.SyncGroup]: syncGroup,
  [ApiKeys.DescribeGroups]: describeGroups,
  [ApiKeys.ListGroups]: listGroups,
  [ApiKeys.SaslHandshake]: saslHandshake,
  [ApiKeys.ApiVersions]: apiVersions,
  [ApiKeys.CreateTopics]: createTopics,
  [ApiKeys.DeleteTopics]: deleteTopics,
  [ApiKeys.DeleteRecords]: deleteRecords,
  [ApiKeys.InitProducerId]: initProducerId,
  [ApiKeys.AddPartitionsToTxn]: addPartitionsToTxn,
  [ApiKeys.AddOffsetsToTxn]: addOffsetsToTxn,
  [ApiKeys.EndTxn]: endTxn,
  [ApiKeys.TxnOffsetCommit]: txnOffsetCommit,
  [ApiKeys.DescribeConfigs]: describeConfigs,
  [ApiKeys.AlterConfigs]: alterConfigs,
  [ApiKeys.SaslAuthenticate]: saslAuthenticate,
  [ApiKeys.CreatePartitions]: createPartitions,
  [ApiKeys.DeleteGroups]: deleteGroups,
  [ApiKeys.DescribeCluster]: describeCluster,
};
