/**
 * Model-based property of the embedded transactional producer with real coordinators: random
 * interleavings of two transactional ids (send, commit, abort, fencing by a new instance, engine
 * restart) and a plain producer. Law: a read_committed consumer sees exactly the committed
 * records, each once, in offset order per partition.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LogEngine } from '@rill/log';
import { describe, expect, it } from 'vitest';
import { createEmbeddedClient, type EmbeddedClient, type Producer } from '../src/index.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const TOPIC = 't';
const IDS = ['tx-a', 'tx-b'] as const;

type Op =
  | { kind: 'send'; who: 0 | 1; partition: 0 | 1; n: number }
  | { kind: 'commit' | 'abort' | 'fence'; who: 0 | 1 }
  | { kind: 'plain'; partition: 0 | 1 }
  | { kind: 'restart' };

const who = fc.constantFrom<0 | 1>(0, 1);
const partition = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      who,
      partition,
      n: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('commit' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abort' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fence' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('plain' as const), partition }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'restart' }) },
);

interface Sent {
  readonly value: string;
  readonly partition: number;
  readonly offset: number;
}

class World {
  engine!: LogEngine;
  client!: EmbeddedClient;
  producers: (Producer | null)[] = [null, null];
  readonly open: (Sent[] | null)[] = [null, null];
  readonly committed: Sent[] = [];
  private seq = 0;

  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    this.engine = await LogEngine.open({ dataDir: this.dataDir });
    this.client = createEmbeddedClient({
      engine: this.engine,
      coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0, 'offsets.topic.num.partitions': 1 },
      transactionConfig: { 'transaction.state.log.num.partitions': 1 },
    });
    this.producers = [null, null];
    // A restart loses the open transactions: the next instance of each id aborts them.
    this.open[0] = null;
    this.open[1] = null;
  }

  async stop(): Promise<void> {
    await this.client.close();
    await this.engine.close();
  }

  producer(w: 0 | 1): Producer {
    return (this.producers[w] ??= this.client.producer({ 'transactional.id': IDS[w], 'linger.ms': 0 }));
  }

  async apply(o: Op): Promise<void> {
    switch (o.kind) {
      case 'send': {
        const p = this.producer(o.who);
        if (this.open[o.who] === null) {
          await p.beginTransaction();
          this.open[o.who] = [];
        }
        const values = Array.from({ length: o.n }, () => `v${this.seq++}`);
        const metas = await p.sendBatch(
          values.map((value) => ({ topic: TOPIC, partition: o.partition, value })),
        );
        metas.forEach((m, i) =>
          this.open[o.who]!.push({ value: values[i]!, partition: m.partition, offset: m.offset }),
        );
        return;
      }
      case 'commit':
      case 'abort': {
        const pending = this.open[o.who];
        if (pending === null) return;
        const p = this.producer(o.who);
        if (o.kind === 'commit') {
          await p.commitTransaction();
          this.committed.push(...(pending ?? []));
        } else await p.abortTransaction();
        this.open[o.who] = null;
        return;
      }
      case 'fence': {
        // A new instance of the id fences the old one and aborts its open transaction.
        const old = this.producers[o.who] ?? null;
        const next = this.client.producer({ 'transactional.id': IDS[o.who], 'linger.ms': 0 });
        await next.initTransactions();
        this.open[o.who] = null;
        if (old !== null) {
          await expect(
            old
              .beginTransaction()
              .then(() => old.send({ topic: TOPIC, value: 'zombie' }))
              .then(() => old.commitTransaction()),
          ).rejects.toMatchObject({
            code: expect.stringMatching(/^(PRODUCER_FENCED|INVALID_PRODUCER_EPOCH|ILLEGAL_STATE)$/),
          });
          await old.close({ timeoutMs: 0 });
        }
        this.producers[o.who] = next;
        return;
      }
      case 'plain': {
        const value = `p${this.seq++}`;
        const m = await this.client
          .producer({ 'linger.ms': 0 })
          .send({ topic: TOPIC, partition: o.partition, value });
        this.committed.push({ value, partition: m.partition, offset: m.offset });
        return;
      }
      case 'restart':
        await this.stop();
        await this.start();
        for (const w of [0, 1] as const) {
          const p = this.producer(w);
          await p.initTransactions();
        }
        return;
    }
  }

  /** Commit whatever is open, then read everything under read_committed. */
  async readAll(): Promise<Map<number, string[]>> {
    for (const w of [0, 1] as const) await this.apply({ kind: 'commit', who: w });
    const c = this.client.consumer({ 'isolation.level': 'read_committed' });
    const tps = [0, 1].map((p) => ({ topic: TOPIC, partition: p }));
    c.assign(tps);
    c.seekToBeginning();
    const ends = await c.endOffsets(tps);
    const out = new Map<number, string[]>([
      [0, []],
      [1, []],
    ]);
    const deadline = Date.now() + 20_000;
    while ((await c.position(tps[0]!)) < ends[0]! || (await c.position(tps[1]!)) < ends[1]!) {
      expect(Date.now(), 'reading up to the end offsets').toBeLessThan(deadline);
      for (const p of (await c.poll(50)).partitions)
        out.get(p.partition)!.push(...p.records.map((r) => r.value!.toString()));
    }
    await c.close();
    return out;
  }
}

describe('embedded transactions (model-based)', () => {
  it('read_committed consumers see exactly the committed records, each once, in offset order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'rill-client-txn-model-'));
        const world = new World(dataDir);
        try {
          await world.start();
          await world.engine.createTopic(TOPIC, { partitions: 2 });
          for (const o of ops) await world.apply(o);
          const seen = await world.readAll();
          for (const p of [0, 1]) {
            const expected = world.committed
              .filter((s) => s.partition === p)
              .sort((a, b) => a.offset - b.offset)
              .map((s) => s.value);
            expect(seen.get(p)).toEqual(expected);
          }
        } finally {
          await world.stop();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      // Each run opens an engine and its coordinators (and reopens them on restart).
      { numRuns: Math.max(5, Math.ceil(runs / 5)) },
    );
  }, 240_000);
});
