/**
 * KIP-447 through the transaction coordinator: offsets committed inside a transaction become
 * visible when it commits, vanish when it aborts, and are refused for a fenced producer (epoch)
 * and for a stale consumer-group generation or unknown member.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { joinReq } from '../src/internal/group/test-helpers.js';
import { TXN_ERR } from '../src/internal/txn/txn-errors.js';
import { openTxnFixture, type TxnFixture, TxnProducer } from './txn-fixture.js';

const ILLEGAL_GENERATION = 22;
const UNKNOWN_MEMBER_ID = 25;

let f: TxnFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

async function member(fx: TxnFixture, groupId: string): Promise<{ memberId: string; generationId: number }> {
  const groups = fx.groups!;
  let join = await groups.joinGroup(joinReq(groupId));
  if (join.errorCode !== 0) join = await groups.joinGroup(joinReq(groupId, { memberId: join.memberId }));
  expect(join.errorCode).toBe(0);
  const sync = await groups.syncGroup({
    groupId,
    generationId: join.generationId,
    memberId: join.memberId,
    assignments: [{ memberId: join.memberId, assignment: Buffer.alloc(0) }],
  });
  expect(sync.errorCode).toBe(0);
  return { memberId: join.memberId, generationId: join.generationId };
}

async function committed(fx: TxnFixture, groupId: string): Promise<number> {
  const r = await fx.groups!.fetchOffsets({ groupId, topics: [{ name: 'in', partitionIndexes: [0] }] });
  return r.topics[0]!.partitions[0]!.committedOffset;
}

describe('transactional offset commits (KIP-447)', () => {
  it('commit makes the offsets visible, abort drops them, fencing refuses them', async () => {
    const fx = (f = await openTxnFixture({ withGroups: true, topics: { in: 1, out: 1 } }));
    const m = await member(fx, 'g');
    const p = new TxnProducer(fx, 'task-0');
    await p.init();
    const commitOffsets = (offset: number, meta = m, producer = p) =>
      fx.txns.txnOffsetCommit({
        ...producer.id,
        groupId: 'g',
        generationId: meta.generationId,
        memberId: meta.memberId,
        topics: [{ name: 'in', partitions: [{ partitionIndex: 0, committedOffset: offset }] }],
      });
    const codeOf = (r: Awaited<ReturnType<typeof commitOffsets>>) => r.topics[0]!.partitions[0]!.errorCode;

    // Without AddOffsetsToTxn the commit is not part of the transaction.
    expect(codeOf(await commitOffsets(5))).toBe(TXN_ERR.INVALID_TXN_STATE);
    await p.send('out', 0, ['r1']);
    expect((await fx.txns.addOffsetsToTxn({ ...p.id, groupId: 'g' })).errorCode).toBe(0);
    expect(codeOf(await commitOffsets(5))).toBe(0);
    expect(await committed(fx, 'g')).toBe(-1);
    expect(await p.end(true)).toBe(0);
    expect(await committed(fx, 'g')).toBe(5);

    await p.send('out', 0, ['r2']);
    await fx.txns.addOffsetsToTxn({ ...p.id, groupId: 'g' });
    expect(codeOf(await commitOffsets(9))).toBe(0);
    expect(await p.end(false)).toBe(0);
    expect(await committed(fx, 'g')).toBe(5);

    // A stale generation or an unknown member (the task moved) cannot commit.
    await p.send('out', 0, ['r3']);
    await fx.txns.addOffsetsToTxn({ ...p.id, groupId: 'g' });
    expect(codeOf(await commitOffsets(7, { ...m, generationId: m.generationId - 1 }))).toBe(
      ILLEGAL_GENERATION,
    );
    expect(codeOf(await commitOffsets(7, { ...m, memberId: 'someone-else' }))).toBe(UNKNOWN_MEMBER_ID);
    // A fenced producer cannot commit, even with a current generation.
    const zombie = { ...p };
    const successor = new TxnProducer(fx, 'task-0');
    await successor.init();
    expect(codeOf(await commitOffsets(7, m, Object.assign(new TxnProducer(fx, 'task-0'), zombie)))).toBe(
      TXN_ERR.PRODUCER_FENCED,
    );
    expect(await committed(fx, 'g')).toBe(5);

    // Offsets of a committed transaction survive a restart of both coordinators.
    await successor.send('out', 0, ['r4']);
    await fx.txns.addOffsetsToTxn({ ...successor.id, groupId: 'g' });
    expect(codeOf(await commitOffsets(11, m, successor))).toBe(0);
    expect(await successor.end(true)).toBe(0);
    await fx.restart();
    expect(await committed(fx, 'g')).toBe(11);
  });
});
