/**
 * rebalance-10: a 10-member group (heartbeat.interval.ms=100, group.initial.rebalance.delay.ms=0)
 * loses one member; measured is the time from the member's close() until every remaining member
 * has been handed its assignment of the new generation. Target (the baseline): one heartbeat
 * interval + 50 ms, since the others learn of the rebalance from their next heartbeat.
 */
import { performance } from 'node:perf_hooks';
import { LogEngine } from '@rill/log';
import { createEmbeddedClient, type Consumer } from '../src/index.js';
import { emit, scratchDir, sized } from 'rill-bench-kit';

const MEMBERS = 10;
const PARTITIONS = 30;
const HEARTBEAT_MS = 100;
const TARGET_MS = HEARTBEAT_MS + 50;
const BOUND_MS = 30_000;

interface Member {
  readonly consumer: Consumer;
  generation: number;
  assignedAt: number;
  owned: number;
  stopped: boolean;
}

export async function rebalance10(): Promise<void> {
  const rounds = sized(3, 15);
  const { dir, cleanup } = scratchDir('rebalance');
  const engine = await LogEngine.open({ dataDir: dir });
  const client = createEmbeddedClient({
    engine,
    coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0 },
  });
  const times: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) times.push(await oneRound(client, engine, round));
  } finally {
    await client.close();
    await engine.close();
    cleanup();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  emit({
    bench: 'rebalance-10',
    ms: median,
    baseline: 'target: heartbeat.interval.ms + 50 ms',
    baseline_ms: TARGET_MS,
    ratio: TARGET_MS / median,
    max_ms: times[times.length - 1],
    min_ms: times[0],
    rounds,
    members: MEMBERS,
    partitions: PARTITIONS,
  });
}

async function oneRound(
  client: ReturnType<typeof createEmbeddedClient>,
  engine: LogEngine,
  round: number,
): Promise<number> {
  const topic = `rebalance-${round}`;
  await engine.createTopic(topic, { partitions: PARTITIONS });
  let notify = (): void => undefined;
  const members: Member[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const consumer = client.consumer({
      'group.id': `bench-${round}`,
      'heartbeat.interval.ms': HEARTBEAT_MS,
      'session.timeout.ms': 10_000,
      'enable.auto.commit': false,
    });
    const m: Member = { consumer, generation: -1, assignedAt: 0, owned: 0, stopped: false };
    members.push(m);
    await consumer.subscribe([topic], {
      onPartitionsAssigned: () => {
        m.generation = consumer.groupMetadata().generationId;
        m.assignedAt = performance.now();
        m.owned = consumer.assignment().length;
        notify();
      },
    });
  }
  let running = true;
  const loops = members.map(async (m) => {
    while (running && !m.stopped) await m.consumer.poll(50);
  });
  const settled = (group: readonly Member[]): boolean => {
    const g = group[0]!.generation;
    return (
      g >= 0 &&
      group.every((m) => m.generation === g) &&
      group.reduce((n, m) => n + m.owned, 0) === PARTITIONS
    );
  };
  const until = (cond: () => boolean, what: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`rebalance-10: timed out waiting for ${what}`)),
        BOUND_MS,
      );
      notify = () => {
        if (!cond()) return;
        clearTimeout(timer);
        resolve();
      };
      notify();
    });
  await until(() => settled(members), 'the first stable generation');
  const generation = members[0]!.generation;
  const [leaver, ...rest] = members;
  leaver!.stopped = true;
  const leftAt = performance.now();
  await leaver!.consumer.close();
  await until(() => rest[0]!.generation > generation && settled(rest), 'the rebalance after the leave');
  const elapsed = Math.max(...rest.map((m) => m.assignedAt)) - leftAt;
  running = false;
  await Promise.all(loops);
  for (const m of rest) await m.consumer.close();
  return elapsed;
}
