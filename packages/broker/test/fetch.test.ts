import {
  ApiKeys,
  decodeRecordBatch,
  encodeRecordBatch,
  KafkaErrorCodes,
  type FetchRequest,
} from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function client(options: Parameters<typeof withBroker>[0] = {}) {
  const b = await withBroker(options);
  cleanups.push(b.stop);
  const c = await WireClient.open(b.broker.port);
  cleanups.push(() => c.close());
  return c;
}

const batch = (values: string[]) =>
  encodeRecordBatch({ records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: 1000 })) });

const fetchReq = (topics: FetchRequest['topics'], maxBytes = 1 << 20): FetchRequest => ({
  replicaId: -1,
  maxWaitMs: 0,
  minBytes: 0,
  maxBytes,
  isolationLevel: 0,
  sessionId: 0,
  sessionEpoch: -1,
  topics,
  forgottenTopicsData: [],
  rackId: '',
});

describe('Fetch details', () => {
  it('serves topics by id in Fetch v13+', async () => {
    const c = await client();
    const md = await c.call(ApiKeys.Metadata, 12, {
      topics: [{ name: 'byid', topicId: Buffer.alloc(16) }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const topicId = md.topics[0]!.topicId!;
    expect(topicId.equals(Buffer.alloc(16))).toBe(false);
    await c.call(ApiKeys.Produce, 9, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topicData: [{ name: 'byid', partitionData: [{ index: 0, records: batch(['x']) }] }],
    });
    const f = await c.call(
      ApiKeys.Fetch,
      13,
      fetchReq([
        {
          topicId,
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0,
              lastFetchedEpoch: -1,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ]),
    );
    expect(f.responses[0]!.topicId!.equals(topicId)).toBe(true);
    expect(decodeRecordBatch(f.responses[0]!.partitions[0]!.records!).records[0]!.value!.toString()).toBe(
      'x',
    );
    const unknown = await c.call(
      ApiKeys.Fetch,
      13,
      fetchReq([
        {
          topicId: Buffer.alloc(16, 7),
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0,
              lastFetchedEpoch: -1,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ]),
    );
    expect(unknown.responses[0]!.partitions[0]!.errorCode).toBe(KafkaErrorCodes.UNKNOWN_TOPIC_ID.code);
  });

  it('gives the first partition with data one whole batch above the limit, and later ones nothing', async () => {
    const c = await client({ config: { 'num.partitions': 2 } });
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'big' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const large = batch(['y'.repeat(5000)]);
    const res = await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topicData: [
        {
          name: 'big',
          partitionData: [
            { index: 0, records: large },
            { index: 1, records: batch(['small']) },
          ],
        },
      ],
    });
    expect(res.responses[0]!.partitionResponses.map((p) => p.errorCode)).toEqual([0, 0]);
    const p = (partition: number) => ({
      partition,
      currentLeaderEpoch: -1,
      fetchOffset: 0,
      logStartOffset: -1,
      partitionMaxBytes: 100,
    });
    const f = await c.call(ApiKeys.Fetch, 11, fetchReq([{ topic: 'big', partitions: [p(0), p(1)] }], 1000));
    const [first, second] = f.responses[0]!.partitions;
    expect(first!.records!.length).toBe(large.length);
    expect(second!.records!.length).toBe(0);
    expect(second!.highWatermark).toBe(1);
  });

  it('rejects a corrupt batch per partition and keeps the others', async () => {
    const c = await client({ config: { 'num.partitions': 2 } });
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'crc' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const bad = batch(['tampered']);
    bad[bad.length - 1]! ^= 0xff;
    const res = await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topicData: [
        {
          name: 'crc',
          partitionData: [
            { index: 0, records: bad },
            { index: 1, records: batch(['fine']) },
            { index: 9, records: batch(['nowhere']) },
          ],
        },
      ],
    });
    expect(res.responses[0]!.partitionResponses.map((p) => p.errorCode)).toEqual([
      KafkaErrorCodes.CORRUPT_MESSAGE.code,
      0,
      KafkaErrorCodes.UNKNOWN_TOPIC_OR_PARTITION.code,
    ]);
    const offsets = await c.call(ApiKeys.ListOffsets, 5, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        {
          name: 'crc',
          partitions: [0, 1].map((partitionIndex) => ({
            partitionIndex,
            currentLeaderEpoch: -1,
            timestamp: -1,
          })),
        },
      ],
    });
    expect(offsets.topics[0]!.partitions.map((p) => p.offset)).toEqual([0, 1]);
  });

  it('answers invalid acks with INVALID_REQUIRED_ACKS', async () => {
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'acks' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const res = await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: 2,
      timeoutMs: 1000,
      topicData: [{ name: 'acks', partitionData: [{ index: 0, records: batch(['a']) }] }],
    });
    expect(res.responses[0]!.partitionResponses[0]!.errorCode).toBe(
      KafkaErrorCodes.INVALID_REQUIRED_ACKS.code,
    );
  });

  it('refuses appends to internal topics', async () => {
    const c = await client();
    const res = await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topicData: [{ name: '__consumer_offsets', partitionData: [{ index: 0, records: batch(['forged']) }] }],
    });
    expect(res.responses[0]!.partitionResponses[0]!.errorCode).toBe(
      KafkaErrorCodes.INVALID_TOPIC_EXCEPTION.code,
    );
  });

  it('gives idempotent producers an id and stores a retried batch once', async () => {
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'idem' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const init = await c.call(ApiKeys.InitProducerId, 4, {
      transactionalId: null,
      transactionTimeoutMs: 60_000,
      producerId: -1,
      producerEpoch: -1,
    });
    expect(init.errorCode).toBe(0);
    expect(init.producerId).toBeGreaterThanOrEqual(0);
    const records = () =>
      encodeRecordBatch({
        records: [{ key: null, value: Buffer.from('once'), timestamp: 1 }],
        producerId: init.producerId,
        producerEpoch: init.producerEpoch,
        baseSequence: 0,
      });
    const send = () =>
      c.call(ApiKeys.Produce, 7, {
        transactionalId: null,
        acks: -1,
        timeoutMs: 1000,
        topicData: [{ name: 'idem', partitionData: [{ index: 0, records: records() }] }],
      });
    const first = (await send()).responses[0]!.partitionResponses[0]!;
    const retry = (await send()).responses[0]!.partitionResponses[0]!;
    expect(first).toMatchObject({ errorCode: 0, baseOffset: 0 });
    expect(retry.errorCode === 0 || retry.errorCode === KafkaErrorCodes.DUPLICATE_SEQUENCE_NUMBER.code).toBe(
      true,
    );
    const lo = await c.call(ApiKeys.ListOffsets, 5, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [{ name: 'idem', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1 }] }],
    });
    expect(lo.topics[0]!.partitions[0]!.offset).toBe(1);
    const txn = await c.call(ApiKeys.InitProducerId, 4, {
      transactionalId: 'tx',
      transactionTimeoutMs: 60_000,
      producerId: -1,
      producerEpoch: -1,
    });
    expect(txn).toMatchObject({ errorCode: 0, producerEpoch: 0 });
  });
});
