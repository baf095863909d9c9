import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERR } from './error-codes.js';
import { joinReq, openFixture, settle, track, type Fixture } from './test-helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
});
afterEach(async () => {
  await f.dispose();
});

const G = 'g1';

async function stableSingle() {
  const c = f.coordinator;
  const j = await c.joinGroup(joinReq(G));
  expect(j.errorCode).toBe(ERR.NONE);
  const s = await c.syncGroup({
    groupId: G,
    generationId: j.generationId,
    memberId: j.memberId,
    assignments: [{ memberId: j.memberId, assignment: Buffer.from('a1') }],
  });
  expect(s.errorCode).toBe(ERR.NONE);
  return j;
}

describe('join and sync', () => {
  it('a first member becomes leader of generation 1 and gets its assignment', async () => {
    const c = f.coordinator;
    const j = await c.joinGroup(joinReq(G, { clientId: 'app' }));
    expect(j).toMatchObject({
      errorCode: ERR.NONE,
      generationId: 1,
      protocolName: 'roundrobin',
      protocolType: 'consumer',
    });
    expect(j.memberId).toMatch(/^app-[0-9a-f-]{36}$/);
    expect(j.leader).toBe(j.memberId);
    expect(j.members.map((m) => m.memberId)).toEqual([j.memberId]);
    expect(j.members[0]!.metadata.toString()).toBe('sub');
    const [d0] = await c.describeGroups([G]);
    expect(d0!.groupState).toBe('CompletingRebalance');
    const s = await c.syncGroup({
      groupId: G,
      generationId: 1,
      memberId: j.memberId,
      assignments: [{ memberId: j.memberId, assignment: Buffer.from('p0') }],
    });
    expect(s.errorCode).toBe(ERR.NONE);
    expect(s.assignment.toString()).toBe('p0');
    const [d] = await c.describeGroups([G]);
    expect(d!.groupState).toBe('Stable');
    expect(d!.protocolData).toBe('roundrobin');
    expect(d!.members[0]!.memberAssignment.toString()).toBe('p0');
  });

  it('a second member triggers a rebalance; the old member learns it by heartbeat, followers wait for the leader', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const b = track(c.joinGroup(joinReq(G, { clientId: 'b' })));
    await settle(c);
    expect(b.done).toBe(false);
    expect((await c.heartbeat({ groupId: G, generationId: 1, memberId: a.memberId })).errorCode).toBe(
      ERR.REBALANCE_IN_PROGRESS,
    );
    // Commits still go through while preparing (eager consumers commit before revoking).
    const commit = await c.commitOffsets({ groupId: G, generationId: 1, memberId: a.memberId, topics: [] });
    expect(commit.topics).toEqual([]);
    const a2 = await c.joinGroup(joinReq(G, { memberId: a.memberId }));
    await b.promise;
    const bj = b.value!;
    expect(a2.generationId).toBe(2);
    expect(bj.generationId).toBe(2);
    expect(a2.leader).toBe(a.memberId);
    expect(a2.members).toHaveLength(2);
    expect(bj.members).toHaveLength(0);
    const followerSync = track(
      c.syncGroup({ groupId: G, generationId: 2, memberId: bj.memberId, assignments: [] }),
    );
    await settle(c);
    expect(followerSync.done).toBe(false);
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: bj.memberId })).errorCode).toBe(
      ERR.NONE,
    );
    const leaderSync = await c.syncGroup({
      groupId: G,
      generationId: 2,
      memberId: a.memberId,
      assignments: [
        { memberId: a.memberId, assignment: Buffer.from('A') },
        { memberId: bj.memberId, assignment: Buffer.from('B') },
        { memberId: 'stranger', assignment: Buffer.from('X') },
      ],
    });
    expect(leaderSync.assignment.toString()).toBe('A');
    expect((await followerSync.promise).assignment.toString()).toBe('B');
  });

  it('picks the protocol every member supports, by vote', async () => {
    const c = f.coordinator;
    const p = (name: string) => ({ name, metadata: Buffer.from(name) });
    const a = track(c.joinGroup(joinReq(G, { protocols: [p('range'), p('roundrobin')] })));
    await settle(c);
    // The first join completes at once (no initial delay); the second one rebalances.
    const aj = a.value!;
    const b = track(c.joinGroup(joinReq(G, { protocols: [p('roundrobin'), p('sticky')] })));
    const a2 = await c.joinGroup(
      joinReq(G, { memberId: aj.memberId, protocols: [p('range'), p('roundrobin')] }),
    );
    await b.promise;
    expect(a2.protocolName).toBe('roundrobin');
    expect(a2.members.map((m) => m.metadata.toString())).toEqual(['roundrobin', 'roundrobin']);
    const bad = await c.joinGroup(joinReq(G, { protocols: [p('other')] }));
    expect(bad.errorCode).toBe(ERR.INCONSISTENT_GROUP_PROTOCOL);
    const badType = await c.joinGroup(joinReq(G, { protocolType: 'connect' }));
    expect(badType.errorCode).toBe(ERR.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('MEMBER_ID_REQUIRED hands out an id the member must come back with (KIP-394)', async () => {
    const c = f.coordinator;
    const first = await c.joinGroup(joinReq(G, { requireKnownMemberId: true, clientId: 'k' }));
    expect(first.errorCode).toBe(ERR.MEMBER_ID_REQUIRED);
    expect(first.memberId).toMatch(/^k-/);
    const second = await c.joinGroup(joinReq(G, { requireKnownMemberId: true, memberId: first.memberId }));
    expect(second).toMatchObject({ errorCode: ERR.NONE, memberId: first.memberId, generationId: 1 });
  });

  it('an unused MEMBER_ID_REQUIRED id expires after the session timeout and no longer blocks the rebalance', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const pending = await c.joinGroup(joinReq(G, { requireKnownMemberId: true }));
    expect(pending.errorCode).toBe(ERR.MEMBER_ID_REQUIRED);
    // A rebalance started by the leader waits for the pending member...
    const a2 = track(c.joinGroup(joinReq(G, { memberId: a.memberId })));
    await settle(c);
    expect(a2.done).toBe(false);
    // ...until its id expires with its session timeout.
    f.clock.advance(1_000);
    await settle(c);
    expect(a2.value).toMatchObject({ errorCode: ERR.NONE, generationId: 2 });
    const late = await c.joinGroup(joinReq(G, { memberId: pending.memberId }));
    expect(late.errorCode).toBe(ERR.UNKNOWN_MEMBER_ID);
  });

  it('a follower rejoining a Stable group with unchanged metadata gets the current generation without a rebalance', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const b = track(c.joinGroup(joinReq(G)));
    await c.joinGroup(joinReq(G, { memberId: a.memberId }));
    const bj = (await b.promise)!;
    await Promise.all([
      c.syncGroup({ groupId: G, generationId: 2, memberId: a.memberId, assignments: [] }),
      c.syncGroup({ groupId: G, generationId: 2, memberId: bj.memberId, assignments: [] }),
    ]);
    const again = await c.joinGroup(joinReq(G, { memberId: bj.memberId }));
    expect(again).toMatchObject({ errorCode: ERR.NONE, generationId: 2, leader: a.memberId, members: [] });
    const [d] = await c.describeGroups([G]);
    expect(d!.groupState).toBe('Stable');
    // Changed metadata (a cooperative member reporting new owned partitions) rebalances.
    const changed = track(
      c.joinGroup(
        joinReq(G, {
          memberId: bj.memberId,
          protocols: [{ name: 'roundrobin', metadata: Buffer.from('v2') }],
        }),
      ),
    );
    await settle(c);
    expect(changed.done).toBe(false);
    expect((await c.describeGroups([G]))[0]!.groupState).toBe('PreparingRebalance');
  });

  it('group.max.size refuses a new member with GROUP_MAX_SIZE_REACHED', async () => {
    await f.dispose();
    f = await openFixture({ 'group.max.size': 1 });
    const c = f.coordinator;
    await stableSingle();
    const extra = await c.joinGroup(joinReq(G));
    expect(extra.errorCode).toBe(ERR.GROUP_MAX_SIZE_REACHED);
  });
});

describe('leave', () => {
  it('a batch leave removes members and rebalances the rest; unknown ones are reported per member', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const res = await c.leaveGroup({
      groupId: G,
      members: [{ memberId: a.memberId }, { memberId: 'nobody' }, { memberId: '' }],
    });
    expect(res.errorCode).toBe(ERR.NONE);
    expect(res.members.map((m) => m.errorCode)).toEqual([
      ERR.NONE,
      ERR.UNKNOWN_MEMBER_ID,
      ERR.UNKNOWN_MEMBER_ID,
    ]);
    await settle(c);
    const [d] = await c.describeGroups([G]);
    expect(d).toMatchObject({ groupState: 'Empty', members: [] });
    const unknownGroup = await c.leaveGroup({ groupId: 'nope', members: [{ memberId: 'x' }] });
    expect(unknownGroup.members[0]!.errorCode).toBe(ERR.UNKNOWN_MEMBER_ID);
  });
});

describe('bad input', () => {
  it('answers with Kafka error codes and leaves the group as it was', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const before = await c.describeGroups([G]);
    expect((await c.joinGroup(joinReq(G, { memberId: 'ghost' }))).errorCode).toBe(ERR.UNKNOWN_MEMBER_ID);
    expect((await c.joinGroup(joinReq('', {}))).errorCode).toBe(ERR.INVALID_GROUP_ID);
    expect((await c.joinGroup(joinReq(G, { sessionTimeoutMs: 1 }))).errorCode).toBe(
      ERR.INVALID_SESSION_TIMEOUT,
    );
    expect((await c.joinGroup(joinReq(G, { sessionTimeoutMs: 1_800_001 }))).errorCode).toBe(
      ERR.INVALID_SESSION_TIMEOUT,
    );
    expect((await c.joinGroup(joinReq('fresh', { memberId: 'm' }))).errorCode).toBe(ERR.UNKNOWN_MEMBER_ID);
    expect((await c.heartbeat({ groupId: G, generationId: 7, memberId: a.memberId })).errorCode).toBe(
      ERR.ILLEGAL_GENERATION,
    );
    expect((await c.heartbeat({ groupId: G, generationId: 1, memberId: 'ghost' })).errorCode).toBe(
      ERR.UNKNOWN_MEMBER_ID,
    );
    expect((await c.heartbeat({ groupId: 'nope', generationId: 1, memberId: 'x' })).errorCode).toBe(
      ERR.UNKNOWN_MEMBER_ID,
    );
    expect(
      (await c.syncGroup({ groupId: G, generationId: 0, memberId: a.memberId, assignments: [] })).errorCode,
    ).toBe(ERR.ILLEGAL_GENERATION);
    expect(
      (await c.syncGroup({ groupId: G, generationId: 1, memberId: 'ghost', assignments: [] })).errorCode,
    ).toBe(ERR.UNKNOWN_MEMBER_ID);
    expect(
      (
        await c.syncGroup({
          groupId: G,
          generationId: 1,
          memberId: a.memberId,
          protocolName: 'range',
          assignments: [],
        })
      ).errorCode,
    ).toBe(ERR.INCONSISTENT_GROUP_PROTOCOL);
    expect(await c.describeGroups([G])).toEqual(before);
    const s = await c.syncGroup({ groupId: G, generationId: 1, memberId: a.memberId, assignments: [] });
    expect(s.assignment.toString()).toBe('a1');
  });

  it('a closed coordinator answers COORDINATOR_NOT_AVAILABLE and fails waiting joins with NOT_COORDINATOR', async () => {
    const c = f.coordinator;
    const a = await stableSingle();
    const b = track(c.joinGroup(joinReq(G)));
    await settle(c);
    await c.close();
    expect(b.value?.errorCode).toBe(ERR.NOT_COORDINATOR);
    expect((await c.heartbeat({ groupId: G, generationId: 1, memberId: a.memberId })).errorCode).toBe(
      ERR.COORDINATOR_NOT_AVAILABLE,
    );
    expect((await c.joinGroup(joinReq(G))).errorCode).toBe(ERR.COORDINATOR_NOT_AVAILABLE);
  });
});
