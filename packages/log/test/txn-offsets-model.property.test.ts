/**
 * Model-based test (fc.commands) of KIP-447 transactional offset commits: a transactional
 * producer commits consumer offsets inside its transactions while the consumer group changes
 * generation (the member leaves and another joins), a second producer instance fences the first,
 * and the coordinators restart. After every command the committed offset is exactly the one of
 * the last committed transaction whose commit was accepted; a stale generation, an unknown member
 * or a fenced producer never gets an offset committed.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { joinReq } from '../src/internal/group/test-helpers.js';
import { TXN_ERR } from '../src/internal/txn/txn-errors.js';
import { openTxnFixture, type TxnFixture, TxnProducer } from './txn-fixture.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const GROUP = 'g';
const stats = { committed: 0, staleRefused: 0, fencedRefused: 0, rebalances: 0, restarts: 0 };

interface Member {
  readonly memberId: string;
  readonly generationId: number;
}

interface Model {
  /** The group's current member and every earlier (now stale) one. */
  members: Member[];
  producers: { producer: TxnProducer; fenced: boolean }[];
  /** Offset committed inside the open transaction, or null; -1 when no transaction is open. */
  pending: number | null;
  open: boolean;
  committed: number;
  nextOffset: number;
}

interface Real {
  f: TxnFixture;
}

type Cmd = fc.AsyncCommand<Model, Real>;

async function join(f: TxnFixture): Promise<Member> {
  const groups = f.groups!;
  let r = await groups.joinGroup(joinReq(GROUP));
  if (r.errorCode !== 0) r = await groups.joinGroup(joinReq(GROUP, { memberId: r.memberId }));
  expect(r.errorCode).toBe(0);
  const s = await groups.syncGroup({
    groupId: GROUP,
    generationId: r.generationId,
    memberId: r.memberId,
    assignments: [{ memberId: r.memberId, assignment: Buffer.alloc(0) }],
  });
  expect(s.errorCode).toBe(0);
  return { memberId: r.memberId, generationId: r.generationId };
}

async function check(m: Model, r: Real): Promise<void> {
  const res = await r.f.groups!.fetchOffsets({
    groupId: GROUP,
    topics: [{ name: 'in', partitionIndexes: [0] }],
  });
  expect(res.topics[0]!.partitions[0]!.committedOffset, 'committed offset').toBe(m.committed);
}

class Rebalance implements Cmd {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const cur = m.members.at(-1)!;
    const left = await r.f.groups!.leaveGroup({
      groupId: GROUP,
      members: [{ memberId: cur.memberId, groupInstanceId: null }],
    });
    expect(left.errorCode).toBe(0);
    const next = await join(r.f);
    expect(next.generationId).toBeGreaterThan(cur.generationId);
    m.members.push(next);
    stats.rebalances++;
    await check(m, r);
  }
  toString = () => 'Rebalance';
}

class Fence implements Cmd {
  check = (m: Model) => m.producers.length < 3;
  async run(m: Model, r: Real): Promise<void> {
    const producer = new TxnProducer(r.f, 'task-0');
    await producer.init();
    for (const p of m.producers) p.fenced = true;
    m.producers.push({ producer, fenced: false });
    // The open transaction of the old instance was aborted: its offsets are dropped.
    m.open = false;
    m.pending = null;
    await check(m, r);
  }
  toString = () => 'Fence';
}

class CommitOffsets implements Cmd {
  constructor(
    readonly staleMember: boolean,
    readonly zombie: boolean,
  ) {}
  check = (m: Model) =>
    (!this.staleMember || m.members.length > 1) && (!this.zombie || m.producers.length > 1);
  async run(m: Model, r: Real): Promise<void> {
    const inst = this.zombie ? m.producers[0]! : m.producers.at(-1)!;
    const member = this.staleMember ? m.members[0]! : m.members.at(-1)!;
    const offset = m.nextOffset++;
    let code = await inst.producer.send('out', 0, [`r${offset}`]).catch(() => -1);
    if (code === TXN_ERR.NONE) {
      code = (await r.f.txns.addOffsetsToTxn({ ...inst.producer.id, groupId: GROUP })).errorCode;
      if (code === TXN_ERR.NONE) {
        const res = await r.f.txns.txnOffsetCommit({
          ...inst.producer.id,
          groupId: GROUP,
          generationId: member.generationId,
          memberId: member.memberId,
          topics: [{ name: 'in', partitions: [{ partitionIndex: 0, committedOffset: offset }] }],
        });
        code = res.topics[0]!.partitions[0]!.errorCode;
      }
    }
    if (inst.fenced) {
      expect(code, 'a fenced producer cannot commit offsets').not.toBe(TXN_ERR.NONE);
      stats.fencedRefused++;
    } else {
      m.open = true;
      if (this.staleMember) {
        expect(code, 'a stale generation or unknown member cannot commit offsets').not.toBe(TXN_ERR.NONE);
        stats.staleRefused++;
      } else {
        expect(code).toBe(TXN_ERR.NONE);
        m.pending = offset;
      }
    }
    await check(m, r);
  }
  toString = () =>
    `CommitOffsets(${this.staleMember ? 'stale member' : 'member'}, ${this.zombie ? 'zombie' : 'producer'})`;
}

class End implements Cmd {
  constructor(readonly commit: boolean) {}
  check = (m: Model) => m.open;
  async run(m: Model, r: Real): Promise<void> {
    const code = await m.producers.at(-1)!.producer.end(this.commit);
    expect(code).toBe(TXN_ERR.NONE);
    if (this.commit && m.pending !== null) {
      m.committed = m.pending;
      stats.committed++;
    }
    m.pending = null;
    m.open = false;
    await check(m, r);
  }
  toString = () => (this.commit ? 'Commit' : 'Abort');
}

class Restart implements Cmd {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.f.restart();
    // A restart loses the members' sessions only if they time out; the test clock does not move.
    stats.restarts++;
    await check(m, r);
  }
  toString = () => 'Restart';
}

const commands = [
  fc.constant(new Rebalance()),
  fc.constant(new Fence()),
  fc.tuple(fc.boolean(), fc.boolean()).map(([s, z]) => new CommitOffsets(s, z)),
  fc.constant(new CommitOffsets(false, false)),
  fc.boolean().map((c) => new End(c)),
  fc.constant(new End(true)),
  fc.constant(new Restart()),
];

describe('transactional offset commits model (KIP-447)', () => {
  it('only current producers with the current generation and member commit offsets, and only on commit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 20, size: 'max' }), async (cmds) => {
        const f = await openTxnFixture({ withGroups: true, topics: { in: 1, out: 1 } });
        try {
          const producer = new TxnProducer(f, 'task-0');
          await producer.init();
          const model: Model = {
            members: [await join(f)],
            producers: [{ producer, fenced: false }],
            pending: null,
            open: false,
            committed: -1,
            nextOffset: 0,
          };
          await fc.asyncModelRun(() => ({ model, real: { f } }), cmds);
        } finally {
          await f.close();
        }
      }),
      { numRuns: Math.max(1, Math.floor(runs / 2)) },
    );
  });

  afterAll(() => {
    console.info(`[txn-offsets-model] ${JSON.stringify(stats)}`);
    if (runs >= 100)
      for (const [k, v] of Object.entries(stats)) expect(v, `runs exercised ${k}`).toBeGreaterThan(0);
  });
});
