/**
 * Conformance: group membership. Rebalance when members join and leave, listener callbacks,
 * exclusive ownership, the cooperative protocol, pattern subscriptions, group metadata.
 */
import { expect, it } from 'vitest';
import type { TopicPartition } from '../api/common.js';
import type { Consumer, RebalanceListener } from '../api/consumer.js';
import { makeConsumer, pollUntil, tpNames, uniqueName } from './helpers.js';
import type { SuiteContext } from './suite-context.js';

interface Recorded {
  readonly events: { kind: 'assigned' | 'revoked' | 'lost'; partitions: string[] }[];
  readonly listener: RebalanceListener;
}

function recorder(): Recorded {
  const events: Recorded['events'] = [];
  const log = (kind: 'assigned' | 'revoked' | 'lost') => (partitions: readonly TopicPartition[]) => {
    events.push({ kind, partitions: tpNames(partitions) });
  };
  return {
    events,
    listener: {
      onPartitionsAssigned: log('assigned'),
      onPartitionsRevoked: log('revoked'),
      onPartitionsLost: log('lost'),
    },
  };
}

/** Fail if two consumers own one partition at the same moment. */
function exclusive(consumers: readonly Consumer[]): void {
  const seen = new Map<string, number>();
  consumers.forEach((c, i) => {
    for (const name of tpNames(c.assignment())) {
      expect(seen.get(name), `${name} owned by consumers ${seen.get(name)} and ${i}`).toBeUndefined();
      seen.set(name, i);
    }
  });
}

function counts(consumers: readonly Consumer[]): number[] {
  return consumers.map((c) => c.assignment().length);
}

export function groupTests(ctx: SuiteContext): void {
  for (const protocol of ['eager', 'cooperative'] as const) {
    it.skipIf(protocol === 'cooperative' && !ctx.has('cooperativeRebalancing'))(
      `rebalances when a member joins and when it leaves (${protocol})`,
      async () => {
        const h = ctx.harness();
        const topic = uniqueName('rebalance');
        const group = uniqueName('g');
        await h.client.admin().createTopics([{ topic, numPartitions: 4 }]);
        const strategy = protocol === 'eager' ? (['range'] as const) : (['cooperative-sticky'] as const);
        const config = { 'group.id': group, 'partition.assignment.strategy': strategy };
        const a = makeConsumer(h, config);
        const ra = recorder();
        await a.subscribe([topic], ra.listener);
        await pollUntil(
          [a],
          () => a.assignment().length === 4,
          'the first member to own all 4 partitions',
          ctx.waitMs,
        );
        const nonEmpty = ra.events.filter((e) => e.partitions.length > 0);
        expect(nonEmpty).toEqual([
          { kind: 'assigned', partitions: tpNames([0, 1, 2, 3].map((p) => ({ topic, partition: p }))) },
        ]);
        expect(a.groupMetadata()).toMatchObject({ groupId: group, groupInstanceId: null });
        const generation = a.groupMetadata().generationId;
        expect(generation).toBeGreaterThanOrEqual(0);
        expect(a.groupMetadata().memberId).not.toBe('');

        const b = makeConsumer(h, config);
        await b.subscribe([topic]);
        await pollUntil(
          [a, b],
          () => counts([a, b]).join() === '2,2',
          'a 2/2 split',
          ctx.waitMs,
          () => exclusive([a, b]),
        );
        expect(a.groupMetadata().generationId).toBeGreaterThan(generation);
        const revoked = ra.events.filter((e) => e.kind === 'revoked').flatMap((e) => e.partitions);
        if (protocol === 'eager') {
          // Eager: everything is revoked before the rebalance.
          expect(revoked).toEqual(
            expect.arrayContaining(tpNames([0, 1, 2, 3].map((p) => ({ topic, partition: p })))),
          );
        } else {
          // Cooperative: only the two partitions that moved, and a keeps the other two throughout.
          expect(revoked.sort()).toEqual(tpNames(b.assignment()));
        }

        await b.close();
        await pollUntil(
          [a],
          () => a.assignment().length === 4,
          'the remaining member to own all 4 again',
          ctx.waitMs,
        );
        expect(ra.events.some((e) => e.kind === 'lost')).toBe(false);
        await a.close();
      },
    );
  }

  it('gives every partition to exactly one of three members and rebalances after one leaves', async () => {
    const h = ctx.harness();
    const topics = [uniqueName('t1'), uniqueName('t2')];
    const group = uniqueName('g');
    await h.client.admin().createTopics(topics.map((topic) => ({ topic, numPartitions: 5 })));
    const members = [0, 1, 2].map(() => makeConsumer(h, { 'group.id': group }));
    for (const m of members) await m.subscribe(topics);
    const total = (cs: readonly Consumer[]): number => counts(cs).reduce((x, y) => x + y, 0);
    await pollUntil(
      members,
      () => total(members) === 10 && counts(members).every((n) => n > 0),
      'all 10 partitions owned',
      ctx.waitMs,
      () => exclusive(members),
    );
    await members[0]!.close();
    const rest = members.slice(1);
    await pollUntil(
      rest,
      () => total(rest) === 10,
      'the 2 remaining members to own all 10',
      ctx.waitMs,
      () => exclusive(rest),
    );
    for (const m of rest) await m.close();
  });

  it('subscribes by pattern, also to topics created later', async () => {
    const h = ctx.harness();
    const prefix = uniqueName('pattern');
    const admin = h.client.admin();
    await admin.createTopics([{ topic: `${prefix}-a`, numPartitions: 1 }]);
    const c = makeConsumer(h, { 'group.id': uniqueName('g'), 'auto.offset.reset': 'earliest' });
    await c.subscribe(new RegExp(`^${prefix}-.*$`));
    expect(c.subscription()).toBeInstanceOf(RegExp);
    await pollUntil([c], () => c.assignment().length === 1, 'the first matching topic', ctx.waitMs);
    await admin.createTopics([{ topic: `${prefix}-b`, numPartitions: 2 }]);
    const producer = h.client.producer();
    await producer.send({ topic: `${prefix}-b`, partition: 1, value: 'hello' });
    const [got] = await pollUntil(
      [c],
      (r) => r[0]!.length >= 1,
      'a record of the topic created later',
      ctx.waitMs,
    );
    expect(got![0]!.topic).toBe(`${prefix}-b`);
    expect(tpNames(c.assignment())).toHaveLength(3);
    await producer.close();
    await c.close();
  });
}
