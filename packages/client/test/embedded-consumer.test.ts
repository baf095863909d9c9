/**
 * The embedded consumer's edges: close during a poll, resubscribing, static members, out-of-range
 * positions, misuse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSubscription, type TopicPartition } from '../src/index.js';
import { embeddedEnv, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const names = (ps: readonly TopicPartition[]): string[] => ps.map((p) => `${p.topic}-${p.partition}`);

describe('embedded consumer', () => {
  it('resolves a pending poll empty when closed, and refuses a second concurrent poll', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const c = env.client.consumer();
    c.assign([{ topic: 't', partition: 0 }]);
    const pending = c.poll(60_000);
    await expect(c.poll(0)).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    const started = Date.now();
    await c.close();
    expect((await pending).count).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(c.poll(0)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('wakes a waiting poll as soon as a record arrives', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const c = env.client.consumer();
    c.assign([{ topic: 't', partition: 0 }]);
    c.seekToEnd();
    await c.poll(0);
    const started = Date.now();
    const pending = c.poll(30_000);
    await env.client.producer().send({ topic: 't', value: 'hello' });
    const got = await pending;
    expect(got.partitions[0]!.records.map((r) => r.value?.toString())).toEqual(['hello']);
    expect(Date.now() - started).toBeLessThan(10_000);
    await c.close();
  });

  it('unsubscribes (revoking) and subscribes to other topics', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('a', { partitions: 1 });
    await env.engine.createTopic('b', { partitions: 2 });
    const c = env.client.consumer({ 'group.id': 'g', 'heartbeat.interval.ms': 20 });
    const events: string[] = [];
    const listener = {
      onPartitionsAssigned: (ps: readonly TopicPartition[]) => void events.push(`+${names(ps).join(',')}`),
      onPartitionsRevoked: (ps: readonly TopicPartition[]) => void events.push(`-${names(ps).join(',')}`),
    };
    await c.subscribe(['a'], listener);
    while (c.assignment().length === 0) await c.poll(20);
    await c.unsubscribe();
    expect(c.assignment()).toEqual([]);
    expect(c.subscription()).toBeNull();
    await c.subscribe(['b'], listener);
    while (c.assignment().length < 2) await c.poll(20);
    expect(events).toEqual(['+a-0', '-a-0', '+b-0,b-1']);
    await c.close();
  });

  it('keeps a static member in the group when it closes (KIP-345)', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const c = env.client.consumer({ 'group.id': 'g', 'group.instance.id': 'i-1' });
    await c.subscribe(['t']);
    while (c.assignment().length === 0) await c.poll(20);
    await c.close();
    const [g] = await env.client.admin().describeGroups(['g']);
    expect(g!.members.map((m) => m.groupInstanceId)).toEqual(['i-1']);
  });

  it('applies auto.offset.reset when the position falls below the log start', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    await env.client
      .producer()
      .sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: 't', value: `v${i}` })));
    await env.engine.deleteRecords('t', 0, 5);
    const tp = { topic: 't', partition: 0 };
    const strict = env.client.consumer({ 'auto.offset.reset': 'none' });
    strict.assign([tp]);
    strict.seek(tp, 2);
    await expect(strict.poll(100)).rejects.toMatchObject({ code: 'OFFSET_OUT_OF_RANGE' });
    const lenient = env.client.consumer({ 'auto.offset.reset': 'earliest' });
    lenient.assign([tp]);
    lenient.seek(tp, 2);
    const got = await lenient.poll(1000);
    expect(got.partitions[0]!.records[0]!.offset).toBe(5);
  });

  it('keeps polling when a subscribed topic is deleted, and drops its partitions at the next rebalance', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('gone', { partitions: 2 });
    await env.engine.createTopic('kept', { partitions: 1 });
    const c = env.client.consumer({ 'group.id': 'g', 'heartbeat.interval.ms': 20 });
    await c.subscribe(['gone', 'kept']);
    while (c.assignment().length < 3) await c.poll(20);
    await env.engine.deleteTopic('gone');
    const deadline = Date.now() + 10_000;
    while (c.assignment().length !== 1) {
      expect(Date.now(), 'the partitions of the deleted topic to be dropped').toBeLessThan(deadline);
      await c.poll(20);
    }
    expect(c.assignment()).toEqual([{ topic: 'kept', partition: 0 }]);
    await c.close();
  });

  it('refuses group operations without group.id and mixing assign with subscribe', async () => {
    env = await embeddedEnv();
    const plain = env.client.consumer();
    await expect(plain.subscribe(['t'])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(plain.commit([{ topic: 't', partition: 0, offset: 1 }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(() => plain.groupMetadata()).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const grouped = env.client.consumer({ 'group.id': 'g' });
    await grouped.subscribe(['t']);
    expect(() => grouped.assign([{ topic: 't', partition: 0 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => env!.client.consumer({ 'group.id': 'g', 'no.such.key': 1 } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });
});

describe('embedded consumer with a foreign group leader', () => {
  it('fails poll with MALFORMED_CONSUMER_PROTOCOL when the leader hands out unreadable assignment bytes', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const coordinator = await env.client.coordinator();
    const metadata = encodeSubscription({ topics: ['t'] });
    const join = (memberId: string) =>
      coordinator.joinGroup({
        groupId: 'g',
        memberId,
        clientId: 'foreign',
        sessionTimeoutMs: 30_000,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata }],
      });
    const first = await join('');
    expect(first.errorCode).toBe(0);
    await coordinator.syncGroup({
      groupId: 'g',
      generationId: first.generationId,
      memberId: first.memberId,
      assignments: [{ memberId: first.memberId, assignment: Buffer.alloc(0) }],
    });
    const c = env.client.consumer({ 'group.id': 'g', 'heartbeat.interval.ms': 20 });
    await c.subscribe(['t']);
    const polling = (async () => {
      for (;;) await c.poll(20);
    })();
    // The foreign member learns of the rebalance, rejoins as the leader and assigns garbage.
    const beat = () =>
      coordinator.heartbeat({ groupId: 'g', generationId: first.generationId, memberId: first.memberId });
    const deadline = Date.now() + 10_000;
    while ((await beat()).errorCode === 0) {
      expect(Date.now(), 'the foreign member to be told to rejoin').toBeLessThan(deadline);
      await new Promise<void>((r) => setTimeout(r, 5));
    }
    const second = await join(first.memberId);
    expect(second.leader).toBe(first.memberId);
    await coordinator.syncGroup({
      groupId: 'g',
      generationId: second.generationId,
      memberId: first.memberId,
      assignments: second.members.map((m) => ({
        memberId: m.memberId,
        assignment: m.memberId === first.memberId ? Buffer.alloc(0) : Buffer.from([0, 3, 0, 0, 0, 9]),
      })),
    });
    await expect(polling).rejects.toMatchObject({ code: 'MALFORMED_CONSUMER_PROTOCOL' });
    await c.close();
  });
});
