import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERR } from './error-codes.js';
import type { JoinGroupResult } from './group-types.js';
import { joinReq, openFixture, settle, track, type Fixture } from './test-helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.dispose();
});

const G = 'g';
const sj = (instance: string, more: Parameters<typeof joinReq>[1] = {}) =>
  joinReq(G, { groupInstanceId: instance, clientId: instance, ...more });

/** Static members i1 (leader) and i2, Stable at generation 2 with assignments A and B. */
async function stableStatic(): Promise<[JoinGroupResult, JoinGroupResult]> {
  const c = f.coordinator;
  const a1 = await c.joinGroup(sj('i1'));
  const b = track(c.joinGroup(sj('i2')));
  const a = await c.joinGroup(sj('i1', { memberId: a1.memberId }));
  const bj = await b.promise;
  await Promise.all([
    c.syncGroup({
      groupId: G,
      generationId: 2,
      memberId: a.memberId,
      groupInstanceId: 'i1',
      assignments: [
        { memberId: a.memberId, assignment: Buffer.from('A') },
        { memberId: bj.memberId, assignment: Buffer.from('B') },
      ],
    }),
    c.syncGroup({
      groupId: G,
      generationId: 2,
      memberId: bj.memberId,
      groupInstanceId: 'i2',
      assignments: [],
    }),
  ]);
  return [a, bj];
}

describe('static membership (KIP-345)', () => {
  it('a restarted static member takes over its slot and assignment without a rebalance; the old id is fenced', async () => {
    const c = f.coordinator;
    const [, b] = await stableStatic();
    const rejoin = await c.joinGroup(sj('i2'));
    expect(rejoin).toMatchObject({
      errorCode: ERR.NONE,
      generationId: 2,
      protocolName: 'roundrobin',
      members: [],
    });
    expect(rejoin.memberId).not.toBe(b.memberId);
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.groupState).toBe('Stable');
    expect(d.members.map((m) => m.memberId)).toContain(rejoin.memberId);
    const s = await c.syncGroup({
      groupId: G,
      generationId: 2,
      memberId: rejoin.memberId,
      groupInstanceId: 'i2',
      assignments: [],
    });
    expect(s.assignment.toString()).toBe('B');
    expect(
      (await c.heartbeat({ groupId: G, generationId: 2, memberId: b.memberId, groupInstanceId: 'i2' }))
        .errorCode,
    ).toBe(ERR.FENCED_INSTANCE_ID);
    expect(
      (
        await c.commitOffsets({
          groupId: G,
          generationId: 2,
          memberId: b.memberId,
          groupInstanceId: 'i2',
          topics: [],
        })
      ).topics,
    ).toEqual([]);
    const leave = await c.leaveGroup({
      groupId: G,
      members: [{ memberId: b.memberId, groupInstanceId: 'i2' }],
    });
    expect(leave.members[0]!.errorCode).toBe(ERR.FENCED_INSTANCE_ID);
  });

  it('a replaced static leader is not told it leads, unless it supports skipAssignment (KIP-814)', async () => {
    const c = f.coordinator;
    const [a] = await stableStatic();
    const plain = await c.joinGroup(sj('i1'));
    expect(plain.leader).toBe(a.memberId);
    expect(plain.members).toEqual([]);
    const skip = await c.joinGroup(sj('i1', { supportSkipAssignment: true }));
    expect(skip).toMatchObject({ leader: skip.memberId, skipAssignment: true });
    expect(skip.members).toHaveLength(2);
    expect((await c.describeGroups([G]))[0]!.groupState).toBe('Stable');
  });

  it('a static member rejoining with a protocol change that changes the group protocol rebalances', async () => {
    const c = f.coordinator;
    const p = (name: string) => ({ name, metadata: Buffer.alloc(0) });
    const both = [p('roundrobin'), p('range')];
    const a1 = await c.joinGroup(sj('i1', { protocols: both }));
    const b = track(c.joinGroup(sj('i2', { protocols: both })));
    const a = await c.joinGroup(sj('i1', { memberId: a1.memberId, protocols: both }));
    const bj = await b.promise;
    await Promise.all([
      c.syncGroup({ groupId: G, generationId: 2, memberId: a.memberId, assignments: [] }),
      c.syncGroup({ groupId: G, generationId: 2, memberId: bj.memberId, assignments: [] }),
    ]);
    expect(a.protocolName).toBe('roundrobin');
    // Same protocols in another order: roundrobin still wins (tie broken by the leader): no rebalance.
    const same = await c.joinGroup(sj('i2', { protocols: [p('range'), p('roundrobin')] }));
    expect(same).toMatchObject({ errorCode: ERR.NONE, generationId: 2 });
    // Only range left: the group's protocol must change, so the group rebalances.
    const r = track(c.joinGroup(sj('i2', { protocols: [p('range')] })));
    await settle(c);
    expect(r.done).toBe(false);
    expect((await c.describeGroups([G]))[0]!.groupState).toBe('PreparingRebalance');
    await c.joinGroup(sj('i1', { memberId: a.memberId, protocols: both }));
    expect((await r.promise).protocolName).toBe('range');
  });

  it('a static member that rejoins while its old instance waits in JoinGroup fences the old request', async () => {
    const c = f.coordinator;
    const [a, b] = await stableStatic();
    const oldJoin = track(
      c.joinGroup(
        sj('i2', { memberId: b.memberId, protocols: [{ name: 'roundrobin', metadata: Buffer.from('x') }] }),
      ),
    );
    await settle(c);
    const newJoin = track(c.joinGroup(sj('i2')));
    await settle(c);
    expect(oldJoin.value).toMatchObject({ errorCode: ERR.FENCED_INSTANCE_ID, memberId: b.memberId });
    await c.joinGroup(sj('i1', { memberId: a.memberId }));
    const nj = await newJoin.promise;
    expect(nj).toMatchObject({ errorCode: ERR.NONE, generationId: 3 });
  });

  it('a static member can leave by instance id alone, and a known member id with an unknown instance is unknown', async () => {
    const c = f.coordinator;
    const [a, b] = await stableStatic();
    expect((await c.joinGroup(sj('i9', { memberId: a.memberId }))).errorCode).toBe(ERR.UNKNOWN_MEMBER_ID);
    const leave = await c.leaveGroup({
      groupId: G,
      members: [
        { memberId: '', groupInstanceId: 'i2' },
        { memberId: '', groupInstanceId: 'nope' },
      ],
    });
    expect(leave.members.map((m) => m.errorCode)).toEqual([ERR.NONE, ERR.UNKNOWN_MEMBER_ID]);
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect(d.members.map((m) => m.memberId)).not.toContain(b.memberId);
  });

  it('static members and their assignments are recovered after a restart', async () => {
    await stableStatic();
    await f.restart();
    const c = f.coordinator;
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.groupState).toBe('Stable');
    expect(d.members.map((m) => [m.groupInstanceId, m.memberAssignment.toString()]).sort()).toEqual([
      ['i1', 'A'],
      ['i2', 'B'],
    ]);
    const rejoin = await c.joinGroup(sj('i2'));
    expect(rejoin).toMatchObject({ errorCode: ERR.NONE, generationId: 2 });
    const s = await c.syncGroup({ groupId: G, generationId: 2, memberId: rejoin.memberId, assignments: [] });
    expect(s.assignment.toString()).toBe('B');
  });
});
