/**
 * ListOffsets timestamp -3 (MAX_TIMESTAMP, KIP-734, v7+): the offset and timestamp of the first
 * record with the partition's largest timestamp, across segments and after a restart.
 */
import { ApiKeys, encodeRecordBatch, KafkaErrorCodes } from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function open(dataDir: string) {
  const b = await withBroker({ dataDir });
  const c = await WireClient.open(b.broker.port);
  return { b, c };
}

async function createTopic(c: WireClient, name: string, configs: { name: string; value: string }[] = []) {
  const r = await c.call(ApiKeys.CreateTopics, 4, {
    topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs }],
    timeoutMs: 5000,
    validateOnly: false,
  });
  expect(r.topics[0]!.errorCode).toBe(0);
}

async function produce(c: WireClient, topic: string, timestamps: readonly number[]) {
  const records = encodeRecordBatch({
    records: timestamps.map((timestamp, i) => ({ key: null, value: Buffer.from(`v${i}`), timestamp })),
  });
  const r = await c.call(ApiKeys.Produce, 7, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 1000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
  });
  expect(r.responses[0]!.partitionResponses[0]!.errorCode).toBe(0);
}

async function listOffsets(c: WireClient, topic: string, timestamp: number, version = 7) {
  const r = await c.call(ApiKeys.ListOffsets, version, {
    replicaId: -1,
    isolationLevel: 0,
    topics: [{ name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp }] }],
  });
  return r.topics[0]!.partitions[0]!;
}

describe('ListOffsets MAX_TIMESTAMP (-3)', () => {
  it('answers the first record with the largest timestamp, in any segment, also after a restart', async () => {
    const dataDir = tempDir();
    let { b, c } = await open(dataDir);
    cleanups.push(() => b.stop());
    // Tiny segments: every batch rolls a new one, so the maximum sits in a closed segment.
    await createTopic(c, 'ts', [{ name: 'segment.bytes', value: '100' }]);
    const empty = await listOffsets(c, 'ts', -3);
    expect(empty).toMatchObject({ errorCode: 0, offset: -1, timestamp: -1 });
    await produce(c, 'ts', [1_000, 5_000]); // 0-1
    await produce(c, 'ts', [9_000, 2_000, 9_000]); // 2-4: the max, twice
    await produce(c, 'ts', [3_000]); // 5
    await produce(c, 'ts', [8_999]); // 6
    expect(await listOffsets(c, 'ts', -3)).toMatchObject({ errorCode: 0, offset: 2, timestamp: 9_000 });
    // Other sentinels are unchanged.
    expect(await listOffsets(c, 'ts', -1)).toMatchObject({ offset: 7, timestamp: -1 });
    expect(await listOffsets(c, 'ts', 9_000)).toMatchObject({ offset: 2, timestamp: 9_000 });

    await c.close();
    // Stop without removing the directory, then reopen on it: summaries are loaded lazily.
    await b.broker.close();
    ({ b, c } = await open(dataDir));
    cleanups.push(() => c.close());
    expect(await listOffsets(c, 'ts', -3)).toMatchObject({ errorCode: 0, offset: 2, timestamp: 9_000 });
    await produce(c, 'ts', [9_001]); // 7: a new maximum in the active segment
    expect(await listOffsets(c, 'ts', -3)).toMatchObject({ errorCode: 0, offset: 7, timestamp: 9_001 });
  });

  it('ignores records deleted below the log start offset', async () => {
    const { b, c } = await open(tempDir());
    cleanups.push(() => b.stop());
    cleanups.push(() => c.close());
    await createTopic(c, 'del', [{ name: 'segment.bytes', value: '100' }]);
    await produce(c, 'del', [7_000]); // 0
    await produce(c, 'del', [4_000]); // 1
    await produce(c, 'del', [6_000]); // 2
    const d = await c.call(ApiKeys.DeleteRecords, 2, {
      topics: [{ name: 'del', partitions: [{ partitionIndex: 0, offset: 1 }] }],
      timeoutMs: 1000,
    });
    expect(d.topics[0]!.partitions[0]!.errorCode).toBe(0);
    expect(await listOffsets(c, 'del', -3)).toMatchObject({ errorCode: 0, offset: 2, timestamp: 6_000 });
  });

  it('stays UNSUPPORTED_VERSION before v7', async () => {
    const { b, c } = await open(tempDir());
    cleanups.push(() => b.stop());
    cleanups.push(() => c.close());
    await createTopic(c, 'old');
    await produce(c, 'old', [1_000]);
    const r = await listOffsets(c, 'old', -3, 6);
    expect(r.errorCode).toBe(KafkaErrorCodes.UNSUPPORTED_VERSION.code);
  });
});
