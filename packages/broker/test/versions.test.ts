/**
 * Every API at every version the broker serves: a minimal valid request gets a decodable
 * response with the right correlation id (no handler answer that a version cannot carry).
 */
import { ApiKeys, SUPPORTED_APIS, encodeRecordBatch, type ApiKey, type ApiRequests } from '@rill/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

let b: Awaited<ReturnType<typeof withBroker>>;
let topicId: Buffer;

beforeAll(async () => {
  b = await withBroker();
  const c = await WireClient.open(b.broker.port);
  const md = await c.call(ApiKeys.Metadata, 12, {
    topics: [{ name: 'v', topicId: Buffer.alloc(16) }],
    allowAutoTopicCreation: true,
    includeTopicAuthorizedOperations: false,
  });
  topicId = md.topics[0]!.topicId!;
  c.close();
});
afterAll(async () => b?.stop());

const records = () => encodeRecordBatch({ records: [{ key: null, value: Buffer.from('x'), timestamp: 1 }] });

/** A minimal request body of each API in version `v`. */
const bodies: { [K in ApiKey]: (v: number) => ApiRequests[K] } = {
  [ApiKeys.Produce]: () => ({
    transactionalId: null,
    acks: -1,
    timeoutMs: 1000,
    topicData: [{ name: 'v', partitionData: [{ index: 0, records: records() }] }],
  }),
  [ApiKeys.Fetch]: (v) => ({
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel: 0,
    topics: [
      {
        ...(v >= 13 ? { topicId } : { topic: 'v' }),
        partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: 1 << 20 }],
      },
    ],
  }),
  [ApiKeys.ListOffsets]: () => ({
    replicaId: -1,
    topics: [{ name: 'v', partitions: [{ partitionIndex: 0, timestamp: -1 }] }],
  }),
  [ApiKeys.Metadata]: (v) => ({
    topics: [{ name: 'v' }],
    ...(v >= 4 ? { allowAutoTopicCreation: false } : {}),
  }),
  [ApiKeys.OffsetCommit]: () => ({
    groupId: 'simple',
    topics: [{ name: 'v', partitions: [{ partitionIndex: 0, committedOffset: 0, committedMetadata: null }] }],
  }),
  [ApiKeys.OffsetFetch]: (v) =>
    v >= 8
      ? { groups: [{ groupId: 'simple', topics: [{ name: 'v', partitionIndexes: [0] }] }] }
      : { groupId: 'simple', topics: [{ name: 'v', partitionIndexes: [0] }] },
  [ApiKeys.FindCoordinator]: (v) => (v >= 4 ? { keyType: 0, coordinatorKeys: ['g'] } : { key: 'g' }),
  [ApiKeys.JoinGroup]: (v) => ({
    groupId: `join-${v}`,
    sessionTimeoutMs: 10_000,
    memberId: '',
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
  }),
  [ApiKeys.Heartbeat]: () => ({ groupId: 'nogroup', generationId: 1, memberId: 'm' }),
  [ApiKeys.LeaveGroup]: (v) =>
    v >= 3
      ? { groupId: 'nogroup', members: [{ memberId: 'm', groupInstanceId: null }] }
      : { groupId: 'nogroup', memberId: 'm' },
  [ApiKeys.SyncGroup]: () => ({ groupId: 'nogroup', generationId: 1, memberId: 'm', assignments: [] }),
  [ApiKeys.DescribeGroups]: () => ({ groups: ['nogroup'] }),
  [ApiKeys.ListGroups]: () => ({}),
  [ApiKeys.SaslHandshake]: () => ({ mechanism: 'PLAIN' }),
  [ApiKeys.ApiVersions]: () => ({ clientSoftwareName: 'versions-test', clientSoftwareVersion: '1' }),
  [ApiKeys.CreateTopics]: (v) => ({
    topics: [{ name: `created-${v}`, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
    timeoutMs: 1000,
  }),
  [ApiKeys.DeleteTopics]: (v) =>
    v >= 6
      ? { topics: [{ name: 'absent', topicId: Buffer.alloc(16) }], timeoutMs: 1000 }
      : { topicNames: ['absent'], timeoutMs: 1000 },
  [ApiKeys.DeleteRecords]: () => ({
    topics: [{ name: 'v', partitions: [{ partitionIndex: 0, offset: 0 }] }],
    timeoutMs: 1000,
  }),
  [ApiKeys.InitProducerId]: () => ({ transactionalId: null, transactionTimeoutMs: 1000 }),
  [ApiKeys.AddPartitionsToTxn]: (v) =>
    v >= 4
      ? {
          transactions: [
            {
              transactionalId: 't',
              producerId: 1,
              producerEpoch: 0,
              verifyOnly: false,
              topics: [{ name: 'v', partitions: [0] }],
            },
          ],
        }
      : {
          v3AndBelowTransactionalId: 't',
          v3AndBelowProducerId: 1,
          v3AndBelowProducerEpoch: 0,
          v3AndBelowTopics: [{ name: 'v', partitions: [0] }],
        },
  [ApiKeys.AddOffsetsToTxn]: () => ({ transactionalId: 't', producerId: 1, producerEpoch: 0, groupId: 'g' }),
  [ApiKeys.EndTxn]: () => ({ transactionalId: 't', producerId: 1, producerEpoch: 0, committed: true }),
  [ApiKeys.TxnOffsetCommit]: () => ({
    transactionalId: 't',
    groupId: 'g',
    producerId: 1,
    producerEpoch: 0,
    topics: [{ name: 'v', partitions: [{ partitionIndex: 0, committedOffset: 0, committedMetadata: null }] }],
  }),
  [ApiKeys.DescribeConfigs]: () => ({
    resources: [
      { resourceType: 2, resourceName: 'v', configurationKeys: null },
      { resourceType: 4, resourceName: '', configurationKeys: null },
    ],
  }),
  [ApiKeys.AlterConfigs]: () => ({
    resources: [{ resourceType: 2, resourceName: 'v', configs: [{ name: 'retention.ms', value: '100000' }] }],
    validateOnly: true,
  }),
  [ApiKeys.SaslAuthenticate]: () => ({ authBytes: Buffer.from('\u0000a\u0000b') }),
  [ApiKeys.CreatePartitions]: () => ({
    topics: [{ name: 'v', count: 1, assignments: null }],
    timeoutMs: 1000,
    validateOnly: true,
  }),
  [ApiKeys.DeleteGroups]: () => ({ groupsNames: ['nogroup'] }),
  [ApiKeys.DescribeCluster]: () => ({ includeClusterAuthorizedOperations: false }),
};

const MIN_SERVED: Partial<Record<number, number>> = { [ApiKeys.Produce]: 3, [ApiKeys.Fetch]: 4 };

describe('every served API version', () => {
  for (const api of SUPPORTED_APIS) {
    const from = Math.max(api.minVersion, MIN_SERVED[api.apiKey] ?? 0);
    it(`${api.name} v${from}-v${api.maxStableVersion} answer`, async () => {
      const c = await WireClient.open(b.broker.port);
      try {
        for (let v = from; v <= api.maxStableVersion; v++) {
          const id = c.send(api.apiKey, v, bodies[api.apiKey](v) as never);
          await expect(c.receive(api.apiKey, v, id), `${api.name} v${v}`).resolves.toBeDefined();
        }
      } finally {
        c.close();
      }
    });
  }
});
