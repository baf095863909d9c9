/**
 * The embedded admin beyond the conformance suite: validate-only creation, batch failures in
 * input order, broker (coordinator) configs, offsets by timestamp, lag of named topics, deleting
 * committed offsets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedEnv, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('embedded admin', () => {
  it('validates without creating, and reports the first failure of a batch in input order after trying all', async () => {
    env = await embeddedEnv();
    const admin = env.client.admin();
    await admin.createTopics([{ topic: 'a', numPartitions: 2 }], { validateOnly: true });
    expect(await admin.listTopics()).toEqual([]);
    await expect(
      admin.createTopics([{ topic: 'bad name!' }, { topic: 'b', replicationFactor: 3 }, { topic: 'c' }]),
    ).rejects.toMatchObject({ code: 'INVALID_TOPIC_EXCEPTION', resource: 'bad name!' });
    expect(await admin.listTopics()).toEqual(['c']);
    await expect(admin.createTopics([{ topic: 'd', replicationFactor: 3 }])).rejects.toMatchObject({
      code: 'INVALID_REPLICATION_FACTOR',
    });
    await expect(admin.createTopics([{ topic: 'c' }], { validateOnly: true })).rejects.toMatchObject({
      code: 'TOPIC_ALREADY_EXISTS',
    });
  });

  it('describes the coordinator settings as broker 0 and sets topic configs', async () => {
    env = await embeddedEnv();
    const admin = env.client.admin();
    const [broker] = await admin.describeConfigs([{ type: 'broker', name: '0' }], {
      names: ['group.initial.rebalance.delay.ms'],
    });
    expect(broker!.entries).toEqual([
      expect.objectContaining({ name: 'group.initial.rebalance.delay.ms', value: '0', isReadOnly: true }),
    ]);
    await admin.createTopics([{ topic: 't' }]);
    await admin.alterConfigs([
      { resource: { type: 'topic', name: 't' }, ops: [{ op: 'set', name: 'retention.ms', value: '1000' }] },
    ]);
    const [t] = await admin.describeConfigs([{ type: 'topic', name: 't' }], { names: ['retention.ms'] });
    expect(t!.entries).toEqual([
      expect.objectContaining({ value: '1000', source: 'DYNAMIC_TOPIC_CONFIG', isDefault: false }),
    ]);
    await expect(
      admin.alterConfigs([
        { resource: { type: 'topic', name: 't' }, ops: [{ op: 'set', name: 'nope', value: '1' }] },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });

  it('lists offsets by timestamp, reports lag of named topics, and deletes committed offsets', async () => {
    env = await embeddedEnv();
    const admin = env.client.admin();
    await admin.createTopics([{ topic: 't', numPartitions: 2 }]);
    const p = env.client.producer();
    await p.sendBatch(
      [0, 1, 2].map((i) => ({ topic: 't', partition: 0, value: `v${i}`, timestamp: 1000 + i * 10 })),
    );
    expect(
      await admin.listOffsets([
        { topic: 't', partition: 0, spec: { timestamp: 1015 } },
        { topic: 't', partition: 0, spec: { timestamp: 5000 } },
      ]),
    ).toEqual([
      { topic: 't', partition: 0, offset: 2, timestamp: 1020 },
      { topic: 't', partition: 0, offset: 3, timestamp: -1 },
    ]);
    await admin.alterConsumerGroupOffsets('g', [{ topic: 't', partition: 0, offset: 1 }]);
    expect(await admin.lag('g', { topics: ['t'] })).toEqual([
      { topic: 't', partition: 0, committedOffset: 1, endOffset: 3, lag: 2 },
      { topic: 't', partition: 1, committedOffset: null, endOffset: 0, lag: null },
    ]);
    await admin.deleteConsumerGroupOffsets('g', [{ topic: 't', partition: 0 }]);
    expect(await admin.listConsumerGroupOffsets('g')).toEqual([]);
    await expect(admin.deleteGroups(['nope'])).rejects.toMatchObject({ code: 'GROUP_ID_NOT_FOUND' });
  });
});
