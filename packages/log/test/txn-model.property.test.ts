/**
 * Model-based test (fc.commands) of transactional producers and read_committed consumers over a
 * real engine and transaction coordinator: random interleavings of sends, commits, aborts, plain
 * appends, re-initialisation by a second instance (fencing the first), transaction timeouts,
 * clean restarts and power cuts. After every command:
 *   - a read_committed consumer sees exactly the committed records, each once, in per-partition order;
 *   - the last stable offset is the first offset of the earliest open transaction (never past it), else the HW;
 *   - a fenced producer's commit is refused and changes nothing.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TXN_ERR } from '../src/internal/txn/txn-errors.js';
import { openTxnFixture, readCommitted, type TxnFixture, TxnProducer } from './txn-fixture.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
/** What the runs exercised: the property is only meaningful if these happen. */
const stats = { commits: 0, aborts: 0, fencedRefused: 0, timeouts: 0, crashes: 0, restarts: 0, checks: 0 };
const TOPIC = 'out';
const PARTITIONS = 2;
const IDS = ['A', 'B'] as const;
type Id = (typeof IDS)[number];

interface Entry {
  readonly value: string;
  readonly offset: number;
  /** The transaction's serial, or -1 for a plain record. */
  readonly txn: number;
  status: 'open' | 'committed' | 'aborted';
}

interface Instance {
  readonly producer: TxnProducer;
  fenced: boolean;
}

interface Model {
  readonly log: Entry[][];
  readonly instances: Map<Id, Instance[]>;
  /** The open transaction serial of each id, or -1. */
  readonly open: Map<Id, number>;
  serial: number;
  values: number;
}

interface Real {
  f: TxnFixture;
}

type Cmd = fc.AsyncCommand<Model, Real>;

function current(m: Model, id: Id): Instance | undefined {
  return m.instances.get(id)?.at(-1);
}

function settle(m: Model, id: Id, status: 'committed' | 'aborted'): void {
  const serial = m.open.get(id) ?? -1;
  if (serial < 0) return;
  for (const part of m.log) for (const e of part) if (e.txn === serial) e.status = status;
  m.open.set(id, -1);
}

async function check(m: Model, r: Real): Promise<void> {
  stats.checks++;
  for (let p = 0; p < PARTITIONS; p++) {
    const entries = m.log[p]!;
    const firstOpen = entries.find((e) => e.status === 'open');
    const { lastStableOffset, highWatermark } = r.f.engine.offsets(TOPIC, p);
    expect(lastStableOffset, `LSO of partition ${p}`).toBe(
      firstOpen === undefined ? highWatermark : firstOpen.offset,
    );
    const expected = entries
      .filter((e) => e.status === 'committed' && (firstOpen === undefined || e.offset < firstOpen.offset))
      .map((e) => e.value);
    expect(await readCommitted(r.f.engine, TOPIC, p), `read_committed of partition ${p}`).toEqual(expected);
  }
}

class Init implements Cmd {
  constructor(readonly id: Id) {}
  check = (m: Model) => (m.instances.get(this.id)?.length ?? 0) < 3;
  async run(m: Model, r: Real): Promise<void> {
    const producer = new TxnProducer(r.f, this.id, 10_000);
    await producer.init();
    settle(m, this.id, 'aborted');
    for (const i of m.instances.get(this.id) ?? []) i.fenced = true;
    m.instances.set(this.id, [...(m.instances.get(this.id) ?? []), { producer, fenced: false }]);
    await check(m, r);
  }
  toString = () => `Init(${this.id})`;
}

class Send implements Cmd {
  constructor(
    readonly id: Id,
    readonly zombie: boolean,
    readonly partition: number,
    readonly count: number,
  ) {}
  check = (m: Model) => (m.instances.get(this.id)?.length ?? 0) > (this.zombie ? 1 : 0);
  async run(m: Model, r: Real): Promise<void> {
    const list = m.instances.get(this.id)!;
    const inst = this.zombie ? list[0]! : list.at(-1)!;
    const values = Array.from({ length: this.count }, () => `v${m.values++}`);
    let code: number | string;
    try {
      code = await inst.producer.send(TOPIC, this.partition, values);
    } catch (e) {
      code = (e as { code?: string }).code ?? 'thrown';
    }
    if (inst.fenced) {
      expect(code, 'a fenced producer cannot write').not.toBe(TXN_ERR.NONE);
      stats.fencedRefused++;
    } else {
      expect(code).toBe(TXN_ERR.NONE);
      let serial = m.open.get(this.id) ?? -1;
      if (serial < 0) m.open.set(this.id, (serial = m.serial++));
      values.forEach((value, k) =>
        m.log[this.partition]!.push({
          value,
          offset: inst.producer.lastBaseOffset + k,
          txn: serial,
          status: 'open',
        }),
      );
    }
    await check(m, r);
  }
  toString = () => `Send(${this.id}${this.zombie ? ' zombie' : ''}, p${this.partition}, ${this.count})`;
}

class End implements Cmd {
  constructor(
    readonly id: Id,
    readonly zombie: boolean,
    readonly commit: boolean,
  ) {}
  check = (m: Model) =>
    this.zombie
      ? (m.instances.get(this.id)?.length ?? 0) > 1
      : (m.open.get(this.id) ?? -1) >= 0 && current(m, this.id)?.fenced === false;
  async run(m: Model, r: Real): Promise<void> {
    const list = m.instances.get(this.id)!;
    const inst = this.zombie ? list[0]! : list.at(-1)!;
    const code = await inst.producer.end(this.commit);
    if (inst.fenced) {
      expect(code, 'a fenced producer can never commit').toBe(TXN_ERR.PRODUCER_FENCED);
      stats.fencedRefused++;
    } else {
      if (this.commit) stats.commits++;
      else stats.aborts++;
      expect(code).toBe(TXN_ERR.NONE);
      settle(m, this.id, this.commit ? 'committed' : 'aborted');
    }
    await check(m, r);
  }
  toString = () => `${this.commit ? 'Commit' : 'Abort'}(${this.id}${this.zombie ? ' zombie' : ''})`;
}

class Plain implements Cmd {
  constructor(readonly partition: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const value = `p${m.values++}`;
    const [meta] = await r.f.engine.append(TOPIC, [{ value, partition: this.partition }]);
    m.log[this.partition]!.push({ value, offset: meta!.offset, txn: -1, status: 'committed' });
    await check(m, r);
  }
  toString = () => `Plain(p${this.partition})`;
}

class Timeout implements Cmd {
  check = (m: Model) => [...m.open.values()].some((s) => s >= 0);
  async run(m: Model, r: Real): Promise<void> {
    const open = () => IDS.some((id) => r.f.txns.describeTransaction(id)?.state === 'Ongoing');
    for (let i = 0; i < 40 && open(); i++) {
      r.f.clock.advance(1_000);
      await r.f.txns.idle();
      await new Promise((res) => setImmediate(res));
    }
    expect(open()).toBe(false);
    stats.timeouts++;
    for (const id of IDS) {
      if ((m.open.get(id) ?? -1) >= 0) {
        settle(m, id, 'aborted');
        const inst = current(m, id);
        if (inst !== undefined) inst.fenced = true;
      }
    }
    await check(m, r);
  }
  toString = () => 'Timeout';
}

class Restart implements Cmd {
  constructor(readonly crash: boolean) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    if (this.crash) await r.f.crashAndRestart();
    else await r.f.restart();
    stats[this.crash ? 'crashes' : 'restarts']++;
    await check(m, r);
  }
  toString = () => (this.crash ? 'Crash' : 'Restart');
}

const id = fc.constantFrom<Id>(...IDS);
const send = fc
  .tuple(id, fc.boolean(), fc.nat({ max: PARTITIONS - 1 }), fc.integer({ min: 1, max: 3 }))
  .map(([i, z, p, n]) => new Send(i, z, p, n));
const end = fc.tuple(id, fc.boolean(), fc.boolean()).map(([i, z, c]) => new End(i, z, c));
// Sends and ends are listed twice: fc.commands picks among the arbitraries uniformly.
const commands = [
  id.map((i) => new Init(i)),
  send,
  send,
  end,
  end,
  fc.nat({ max: PARTITIONS - 1 }).map((p) => new Plain(p)),
  fc.constant(new Timeout()),
  fc.boolean().map((c) => new Restart(c)),
];

describe('transactions model', () => {
  it('read_committed sees exactly the committed records; LSO never passes an open transaction; fenced producers never commit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
        const f = await openTxnFixture({
          topics: { [TOPIC]: PARTITIONS },
          config: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1_000 },
        });
        const model: Model = {
          log: Array.from({ length: PARTITIONS }, () => []),
          instances: new Map(),
          open: new Map(),
          serial: 0,
          values: 0,
        };
        try {
          // Both transactional ids start with one live instance, so most commands apply.
          for (const i of IDS) {
            const producer = new TxnProducer(f, i, 10_000);
            await producer.init();
            model.instances.set(i, [{ producer, fenced: false }]);
          }
          await fc.asyncModelRun(() => ({ model, real: { f } }), cmds);
        } finally {
          await f.close();
        }
      }),
      { numRuns: runs },
    );
  });

  afterAll(() => {
    console.info(`[txn-model] ${JSON.stringify(stats)}`);
    if (runs >= 100)
      for (const [k, v] of Object.entries(stats)) expect(v, `runs exercised ${k}`).toBeGreaterThan(0);
  });
});
