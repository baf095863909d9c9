/**
 * Group behaviour of the embedded consumer with real consumers on a real engine and coordinator:
 * the cooperative two-phase rule seen from the clients, eviction after max.poll.interval.ms,
 * and heartbeats that keep a member alive without polls.
 */
import fc from 'fast-check';
import { ManualClock } from '@rill/log';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consumer, TopicPartition } from '../src/index.js';
import { embeddedEnv, until, type EmbeddedEnv } from './helpers/embedded.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const name = (tp: TopicPartition): string => `${tp.topic}-${tp.partition}`;

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

interface Live {
  readonly id: number;
  readonly consumer: Consumer;
  loop: Promise<void>;
  stopped: boolean;
}

describe('embedded group consumer', () => {
  it('cooperative: no partition is assigned to a new owner before its previous owner revoked it', async () => {
    // Each run drives real consumers through several rebalances (hundreds of ms), so the
    // property runs a tenth of the configured count.
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.constant<'join'>('join'),
            fc.nat(5).map((i) => ({ leave: i })),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (ops, partitions) => {
          const e = await embeddedEnv();
          try {
            await cooperativeRun(e, ops, partitions);
          } finally {
            await e.close();
          }
        },
      ),
      { numRuns: Math.max(3, Math.ceil(runs / 10)) },
    );
  }, 120_000);

  it('a member that stops polling leaves after max.poll.interval.ms; its next poll reports its partitions lost', async () => {
    env = await embeddedEnv();
    const { client } = env;
    await client.admin().createTopics([{ topic: 't', numPartitions: 4 }]);
    const config = {
      'group.id': 'g',
      'heartbeat.interval.ms': 20,
      'max.poll.interval.ms': 400,
      'partition.assignment.strategy': ['range'],
    } as const;
    const a = client.consumer(config);
    const b = client.consumer(config);
    const lost: string[] = [];
    await a.subscribe(['t']);
    await b.subscribe(['t'], { onPartitionsLost: (ps) => void lost.push(...ps.map(name)) });
    let pollB = true;
    const loopA = (async () => {
      while (a.assignment().length < 4 || pollB) await a.poll(20);
    })();
    while (a.assignment().length + b.assignment().length < 4 || b.assignment().length === 0) await b.poll(20);
    const owned = b.assignment().map(name);
    pollB = false;
    await loopA;
    expect(a.assignment()).toHaveLength(4);
    expect(lost).toEqual([]);
    await b.poll(0);
    expect(lost).toEqual(owned);
    await a.close();
    await b.close();
  });

  it('auto-commits positions every auto.commit.interval.ms during poll and before a revocation', async () => {
    env = await embeddedEnv();
    const { client } = env;
    await client.admin().createTopics([{ topic: 't', numPartitions: 2 }]);
    await client
      .producer()
      .sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: 't', partition: i % 2, value: `v${i}` })));
    const config = {
      'group.id': 'g',
      'heartbeat.interval.ms': 20,
      'auto.offset.reset': 'earliest',
      'auto.commit.interval.ms': 50,
      'partition.assignment.strategy': ['range'],
    } as const;
    const a = client.consumer(config);
    await a.subscribe(['t']);
    let read = 0;
    while (read < 10) read += (await a.poll(20)).count;
    const committed = async (): Promise<number> =>
      (await client.admin().listConsumerGroupOffsets('g')).reduce((n, o) => n + o.offset, 0);
    const deadline = Date.now() + 10_000;
    while ((await committed()) < 10 && Date.now() < deadline) await a.poll(20);
    expect(await committed()).toBe(10);

    // Records read after the last interval are committed when the partitions are revoked.
    await client.producer().sendBatch([
      { topic: 't', partition: 0, value: 'late0' },
      { topic: 't', partition: 1, value: 'late1' },
    ]);
    const slow = client.consumer({ ...config, 'auto.commit.interval.ms': 60_000 });
    await a.close();
    await slow.subscribe(['t']);
    read = 0;
    while (slow.assignment().length < 2 || read < 2) read += (await slow.poll(20)).count;
    const b = client.consumer({ ...config, 'auto.commit.interval.ms': 60_000 });
    await b.subscribe(['t']);
    while (b.assignment().length === 0) await Promise.all([slow.poll(20), b.poll(20)]);
    expect(await committed()).toBe(12);
    await slow.close();
    await b.close();
  });

  it('heartbeats keep a member that does not poll in the group past its session timeout', async () => {
    const clock = new ManualClock(Date.now());
    env = await embeddedEnv({ clock });
    const { client } = env;
    await client.admin().createTopics([{ topic: 't', numPartitions: 2 }]);
    const c = client.consumer({ 'group.id': 'g', 'heartbeat.interval.ms': 100, 'session.timeout.ms': 6000 });
    await c.subscribe(['t']);
    while (c.assignment().length < 2) {
      await c.poll(0);
      await new Promise<void>((r) => setImmediate(r));
    }
    const admin = client.admin();
    // 20 s without a poll: three session timeouts, well below max.poll.interval.ms (300 s).
    for (let t = 0; t < 20_000; t += 100) {
      clock.advance(100);
      for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
    }
    const [g] = await admin.describeGroups(['g']);
    expect(g).toMatchObject({ state: 'Stable' });
    expect(g!.members.map((m) => m.memberId)).toEqual([c.groupMetadata().memberId]);
    await c.close();
    expect((await admin.describeGroups(['g']))[0]!.state).toBe('Empty');
  });
});

async function cooperativeRun(
  e: EmbeddedEnv,
  ops: readonly ('join' | { leave: number })[],
  partitions: number,
): Promise<void> {
  await e.client.admin().createTopics([{ topic: 't', numPartitions: partitions }]);
  const owner = new Map<string, number>();
  const violations: string[] = [];
  const live: Live[] = [];
  let nextId = 0;
  const join = async (): Promise<void> => {
    const id = nextId++;
    const consumer = e.client.consumer({
      'group.id': 'g',
      'heartbeat.interval.ms': 10,
      'partition.assignment.strategy': ['cooperative-sticky'],
    });
    await consumer.subscribe(['t'], {
      onPartitionsAssigned: (ps) => {
        for (const tp of ps) {
          const prev = owner.get(name(tp));
          if (prev !== undefined && prev !== id)
            violations.push(`${name(tp)} assigned to ${id} while ${prev} still owns it`);
          owner.set(name(tp), id);
        }
      },
      onPartitionsRevoked: (ps) => {
        for (const tp of ps) if (owner.get(name(tp)) === id) owner.delete(name(tp));
      },
      onPartitionsLost: (ps) => {
        violations.push(`${id} lost ${ps.map(name).join(',')} without being evicted`);
      },
    });
    const m: Live = { id, consumer, loop: Promise.resolve(), stopped: false };
    m.loop = (async () => {
      while (!m.stopped) await consumer.poll(10);
    })();
    live.push(m);
  };
  const stable = (): boolean => {
    if (live.length === 0) return true;
    const gen = live[0]!.consumer.groupMetadata().generationId;
    const total = live.reduce((n, m) => n + m.consumer.assignment().length, 0);
    return (
      gen >= 0 && total === partitions && live.every((m) => m.consumer.groupMetadata().generationId === gen)
    );
  };
  await join();
  await until(stable, 'the first member to own everything');
  for (const op of ops) {
    if (op === 'join') await join();
    else if (live.length > 0) {
      const [m] = live.splice(op.leave % live.length, 1);
      m!.stopped = true;
      await m!.consumer.close();
      await m!.loop;
    }
    await until(stable, `a stable group after ${JSON.stringify(op)}`);
    const seen = new Set<string>();
    for (const m of live)
      for (const tp of m.consumer.assignment()) {
        expect(seen.has(name(tp)), `${name(tp)} owned twice`).toBe(false);
        seen.add(name(tp));
      }
  }
  for (const m of live) {
    m.stopped = true;
    await m.loop;
    await m.consumer.close();
  }
  expect(violations).toEqual([]);
}
