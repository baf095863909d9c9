/**
 * Conformance: admin operations on topics, configs, groups, offsets and records.
 */
import { expect, it } from 'vitest';
import { makeConsumer, pollUntil, uniqueName } from './helpers.js';
import type { SuiteContext } from './suite-context.js';

export function adminTests(ctx: SuiteContext): void {
  it('creates, describes, grows and deletes topics', async () => {
    const admin = ctx.harness().client.admin();
    const topic = uniqueName('admin');
    await admin.createTopics([{ topic, numPartitions: 2, configs: { 'cleanup.policy': 'compact' } }]);
    await expect(admin.createTopics([{ topic, numPartitions: 2 }])).rejects.toMatchObject({
      code: 'TOPIC_ALREADY_EXISTS',
      kafkaCode: 36,
    });
    expect(await admin.listTopics()).toContain(topic);
    const [d] = await admin.describeTopics([topic]);
    expect(d).toMatchObject({ name: topic, isInternal: false });
    expect(d!.partitions.map((p) => p.partition)).toEqual([0, 1]);
    const [configs] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
    expect(configs!.entries.find((e) => e.name === 'cleanup.policy')).toMatchObject({
      value: 'compact',
      isDefault: false,
    });
    await admin.alterConfigs([
      { resource: { type: 'topic', name: topic }, ops: [{ op: 'delete', name: 'cleanup.policy' }] },
    ]);
    const [after] = await admin.describeConfigs([{ type: 'topic', name: topic }], {
      names: ['cleanup.policy'],
    });
    expect(after!.entries).toEqual([
      expect.objectContaining({ name: 'cleanup.policy', value: 'delete', isDefault: true }),
    ]);
    await admin.createPartitions([{ topic, totalCount: 5 }]);
    expect((await admin.describeTopics([topic]))[0]!.partitions).toHaveLength(5);
    await expect(admin.createPartitions([{ topic, totalCount: 3 }])).rejects.toMatchObject({
      code: 'INVALID_PARTITIONS',
    });
    await admin.deleteTopics([topic]);
    expect(await admin.listTopics()).not.toContain(topic);
    await expect(admin.describeTopics([topic])).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await admin.close();
  });

  it('lists, describes and resets groups, reports lag, and deletes records', async () => {
    const h = ctx.harness();
    const admin = h.client.admin();
    const topic = uniqueName('lag');
    const group = uniqueName('g');
    await admin.createTopics([{ topic, numPartitions: 1 }]);
    const producer = h.client.producer();
    await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic, value: `v${i}` })));
    const c = makeConsumer(h, {
      'group.id': group,
      'enable.auto.commit': false,
      'auto.offset.reset': 'earliest',
    });
    await c.subscribe([topic]);
    await pollUntil([c], (r) => r[0]!.length >= 10, '10 records', ctx.waitMs);
    await c.commit([{ topic, partition: 0, offset: 7 }]);
    expect((await admin.listGroups()).map((g) => g.groupId)).toContain(group);
    const [desc] = await admin.describeGroups([group]);
    expect(desc).toMatchObject({ groupId: group, state: 'Stable', protocolType: 'consumer' });
    expect(desc!.members).toHaveLength(1);
    expect(desc!.members[0]!.assignment).toEqual([{ topic, partition: 0 }]);
    expect(await admin.lag(group)).toEqual([
      { topic, partition: 0, committedOffset: 7, endOffset: 10, lag: 3 },
    ]);
    await expect(admin.deleteGroups([group])).rejects.toMatchObject({ code: 'NON_EMPTY_GROUP' });
    await c.close();

    expect(await admin.resetConsumerGroupOffsets(group, { topics: [topic] }, 'earliest')).toEqual([
      expect.objectContaining({ topic, partition: 0, offset: 0 }),
    ]);
    expect((await admin.listConsumerGroupOffsets(group))[0]).toMatchObject({
      topic,
      partition: 0,
      offset: 0,
    });
    await admin.alterConsumerGroupOffsets(group, [{ topic, partition: 0, offset: 9 }]);
    expect((await admin.lag(group))[0]!.lag).toBe(1);

    expect(await admin.deleteRecords([{ topic, partition: 0, beforeOffset: 4 }])).toEqual([
      { topic, partition: 0, lowWatermark: 4 },
    ]);
    expect(
      await admin.listOffsets([
        { topic, partition: 0, spec: 'earliest' },
        { topic, partition: 0, spec: 'latest' },
      ]),
    ).toEqual([expect.objectContaining({ offset: 4 }), expect.objectContaining({ offset: 10 })]);
    await admin.deleteGroups([group]);
    expect((await admin.describeGroups([group]))[0]!.state).toBe('Dead');
    await producer.close();
    await admin.close();
  });
}
