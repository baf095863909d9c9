/** kafkajs 2.2.4 as an oracle client: admin, produce, group consume with commits. */
import { CompressionTypes, Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { until, withBroker } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup() {
  const b = await withBroker();
  cleanups.push(b.stop);
  const kafka = new Kafka({
    brokers: [`127.0.0.1:${b.broker.port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
  return { kafka, ...b };
}

describe('kafkajs admin', () => {
  it('creates, describes, grows, configures and deletes topics', async () => {
    const { kafka } = await setup();
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    expect(
      await admin.createTopics({
        topics: [{ topic: 'a', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '60000' }] }],
      }),
    ).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'a' }] })).toBe(false);
    const md = await admin.fetchTopicMetadata({ topics: ['a'] });
    expect(md.topics[0]!.partitions).toHaveLength(2);
    await admin.createPartitions({ topicPartitions: [{ topic: 'a', count: 4 }] });
    expect((await admin.fetchTopicMetadata({ topics: ['a'] })).topics[0]!.partitions).toHaveLength(4);
    const cfg = await admin.describeConfigs({ resources: [{ type: 2, name: 'a' }], includeSynonyms: false });
    const retention = cfg.resources[0]!.configEntries.find((e) => e.configName === 'retention.ms');
    expect(retention?.configValue).toBe('60000');
    await admin.alterConfigs({
      resources: [{ type: 2, name: 'a', configEntries: [{ name: 'retention.ms', value: '120000' }] }],
      validateOnly: false,
    });
    const cfg2 = await admin.describeConfigs({ resources: [{ type: 2, name: 'a' }], includeSynonyms: false });
    expect(cfg2.resources[0]!.configEntries.find((e) => e.configName === 'retention.ms')?.configValue).toBe(
      '120000',
    );
    const cluster = await admin.describeCluster();
    expect(cluster.brokers).toHaveLength(1);
    await admin.deleteTopics({ topics: ['a'] });
    expect(await admin.listTopics()).not.toContain('a');
  });

  it('lists offsets by time and deletes records', async () => {
    const { kafka } = await setup();
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const producer = kafka.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await admin.createTopics({ topics: [{ topic: 'ts', numPartitions: 1 }] });
    await producer.send({
      topic: 'ts',
      messages: [1000, 2000, 3000].map((t) => ({ value: `at ${t}`, timestamp: String(t) })),
    });
    const byTime = await admin.fetchTopicOffsetsByTimestamp('ts', 1500);
    expect(byTime[0]!.offset).toBe('1');
    await admin.deleteTopicRecords({ topic: 'ts', partitions: [{ partition: 0, offset: '2' }] });
    const offsets = await admin.fetchTopicOffsets('ts');
    expect(offsets[0]).toMatchObject({ low: '2', high: '3' });
  });
});

describe('kafkajs produce and group consume', () => {
  it('consumes every message of every codec kafkajs has built in and resumes from commits', async () => {
    const { kafka } = await setup();
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic: 'g', numPartitions: 3 }] });
    const producer = kafka.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const total = 600;
    for (const compression of [CompressionTypes.None, CompressionTypes.GZIP]) {
      for (let i = 0; i < total / 2; i += 100) {
        await producer.send({
          topic: 'g',
          compression,
          messages: Array.from({ length: 100 }, (_, j) => ({
            key: `k${i + j}`,
            value: `${compression}-${i + j}`,
          })),
        });
      }
    }
    const seen = new Set<string>();
    const consume = async (consumer: Consumer, until_: () => boolean) => {
      await consumer.connect();
      await consumer.subscribe({ topic: 'g', fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.value!.toString()) });
      await until(until_, 30_000, 20);
    };
    const first = kafka.consumer({
      groupId: 'grp',
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 200,
    });
    await consume(first, () => seen.size >= total);
    await first.disconnect();
    expect(seen.size).toBe(total);
    const committed = await admin.fetchOffsets({ groupId: 'grp', topics: ['g'] });
    const sum = committed[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0);
    expect(sum).toBe(total);
    // More data; a new member of the same group starts from the committed offsets.
    await producer.send({ topic: 'g', messages: [{ key: 'late', value: 'late-1' }] });
    seen.clear();
    const second = kafka.consumer({
      groupId: 'grp',
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 200,
    });
    cleanups.push(() => second.disconnect());
    await consume(second, () => seen.has('late-1'));
    expect([...seen]).toEqual(['late-1']);
    const groups = await admin.listGroups();
    expect(groups.groups.map((g) => g.groupId)).toContain('grp');
    const described = await admin.describeGroups(['grp']);
    expect(described.groups[0]!.state).toBe('Stable');
  });
});

describe('kafkajs idempotent producer', () => {
  it('gets a producer id and its retried batches are stored once', async () => {
    const { kafka } = await setup();
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic: 'idem', numPartitions: 1 }] });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    for (let i = 0; i < 5; i++) {
      await producer.send({ topic: 'idem', acks: -1, messages: [{ value: `m${i}` }, { value: `n${i}` }] });
    }
    const offsets = await admin.fetchTopicOffsets('idem');
    expect(offsets[0]!.high).toBe('10');
  });
});

describe('kafkajs transactions', () => {
  it('commits and aborts; read_committed consumers never see aborted records; sendOffsets commits', async () => {
    const { kafka } = await setup();
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic: 'tin' }, { topic: 'tout' }] });
    const plain = kafka.producer();
    await plain.connect();
    cleanups.push(() => plain.disconnect());
    await plain.send({ topic: 'tin', messages: [{ value: 'in-0' }, { value: 'in-1' }] });

    const producer = kafka.producer({ transactionalId: 'tx-1', idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const committed = await producer.transaction();
    await committed.send({
      topic: 'tout',
      messages: [
        { key: 'a', value: 'kept-1' },
        { key: 'b', value: 'kept-2' },
      ],
    });
    await committed.sendOffsets({
      consumerGroupId: 'tx-group',
      topics: [{ topic: 'tin', partitions: [{ partition: 0, offset: '2' }] }],
    });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({
      topic: 'tout',
      messages: [
        { key: 'a', value: 'dropped-1' },
        { key: 'b', value: 'dropped-2' },
      ],
    });
    await aborted.abort();
    const last = await producer.transaction();
    await last.send({ topic: 'tout', messages: [{ key: 'c', value: 'kept-3' }] });
    await last.commit();

    const offsets = await admin.fetchOffsets({ groupId: 'tx-group', topics: ['tin'] });
    expect(offsets[0]!.partitions[0]!.offset).toBe('2');

    const consume = async (groupId: string, readUncommitted: boolean): Promise<string[]> => {
      const seen: string[] = [];
      const consumer = kafka.consumer({ groupId, readUncommitted, maxWaitTimeInMs: 100 });
      await consumer.connect();
      cleanups.push(() => consumer.disconnect());
      await consumer.subscribe({ topic: 'tout', fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
      // kept-3 comes after the aborted records in the one partition: once it is seen, they were passed.
      await until(() => seen.includes('kept-3'), 20_000, 20);
      return seen;
    };
    expect(await consume('rc', false)).toEqual(['kept-1', 'kept-2', 'kept-3']);
    // The same log read uncommitted shows the aborted records: the filter above is the broker's.
    expect(await consume('ru', true)).toEqual(['kept-1', 'kept-2', 'dropped-1', 'dropped-2', 'kept-3']);
  });
});
