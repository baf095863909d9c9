import { afterEach, describe, expect, it } from 'vitest';
import { ERR } from './error-codes.js';
import type { GroupCoordinatorConfigInput } from './group-config.js';
import type { GroupCoordinator } from './group-coordinator.js';
import type { JoinGroupResult } from './group-types.js';
import { joinReq, openFixture, settle, track, type Fixture } from './test-helpers.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.dispose();
  f = undefined;
});

const G = 'g';

async function setup(config: GroupCoordinatorConfigInput = {}): Promise<GroupCoordinator> {
  f = await openFixture(config);
  return f.coordinator;
}

/** Two members in a Stable group of generation 2: a leads. */
async function stablePair(c: GroupCoordinator): Promise<[JoinGroupResult, JoinGroupResult]> {
  const a1 = await c.joinGroup(joinReq(G, { clientId: 'a' }));
  const b = track(c.joinGroup(joinReq(G, { clientId: 'b' })));
  const a = await c.joinGroup(joinReq(G, { memberId: a1.memberId }));
  const bj = await b.promise;
  await Promise.all([
    c.syncGroup({ groupId: G, generationId: a.generationId, memberId: a.memberId, assignments: [] }),
    c.syncGroup({ groupId: G, generationId: bj.generationId, memberId: bj.memberId, assignments: [] }),
  ]);
  expect((await c.describeGroups([G]))[0]!.groupState).toBe('Stable');
  return [a, bj];
}

describe('timeouts on the injected clock', () => {
  it('a member that stops heartbeating is evicted after its session timeout', async () => {
    const c = await setup();
    const [a, b] = await stablePair(c);
    f!.clock.advance(600);
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: a.memberId })).errorCode).toBe(
      ERR.NONE,
    );
    f!.clock.advance(399);
    expect((await c.describeGroups([G]))[0]!.members).toHaveLength(2);
    f!.clock.advance(1);
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.groupState).toBe('PreparingRebalance');
    expect(d.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: b.memberId })).errorCode).toBe(
      ERR.UNKNOWN_MEMBER_ID,
    );
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: a.memberId })).errorCode).toBe(
      ERR.REBALANCE_IN_PROGRESS,
    );
    const again = await c.joinGroup(joinReq(G, { memberId: a.memberId }));
    expect(again).toMatchObject({ errorCode: ERR.NONE, generationId: 3, leader: a.memberId });
    expect(again.members).toHaveLength(1);
  });

  it('a member that keeps heartbeating but does not rejoin within the rebalance timeout (max.poll.interval.ms) is evicted', async () => {
    const c = await setup();
    const [a, b] = await stablePair(c);
    // The leader rejoins (forcing a rebalance); b's poll loop is stuck.
    const aj = track(c.joinGroup(joinReq(G, { memberId: a.memberId })));
    for (let t = 0; t < 4_500; t += 500) {
      f!.clock.advance(500);
      expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: b.memberId })).errorCode).toBe(
        ERR.REBALANCE_IN_PROGRESS,
      );
    }
    await settle(c);
    expect(aj.done).toBe(false);
    f!.clock.advance(500);
    await settle(c);
    expect(aj.value).toMatchObject({ errorCode: ERR.NONE, generationId: 3 });
    expect(aj.value!.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: b.memberId })).errorCode).toBe(
      ERR.UNKNOWN_MEMBER_ID,
    );
  });

  it('group.initial.rebalance.delay.ms holds the first rebalance, extended while members arrive, up to the rebalance timeout', async () => {
    const c = await setup({ 'group.initial.rebalance.delay.ms': 3_000 });
    const a = track(c.joinGroup(joinReq(G)));
    f!.clock.advance(2_000);
    const b = track(c.joinGroup(joinReq(G)));
    f!.clock.advance(1_000);
    await settle(c);
    // b arrived during the first delay: wait min(delay, rebalance timeout - delay) = 2000 more.
    expect(a.done).toBe(false);
    f!.clock.advance(1_999);
    await settle(c);
    expect(a.done).toBe(false);
    f!.clock.advance(1);
    await settle(c);
    expect(a.value).toMatchObject({ errorCode: ERR.NONE, generationId: 1 });
    expect(b.value).toMatchObject({ errorCode: ERR.NONE, generationId: 1 });
    expect(a.value!.members).toHaveLength(2);
  });

  it('members that never send SyncGroup are evicted after the rebalance timeout; waiting followers are told to rejoin', async () => {
    const c = await setup();
    const a1 = await c.joinGroup(joinReq(G));
    const b = track(c.joinGroup(joinReq(G)));
    const a = await c.joinGroup(joinReq(G, { memberId: a1.memberId }));
    const bj = await b.promise;
    const bSync = track(c.syncGroup({ groupId: G, generationId: 2, memberId: bj.memberId, assignments: [] }));
    // The leader heartbeats but never syncs; so does the follower, waiting for it.
    for (let t = 0; t < 5_000; t += 500) {
      expect(bSync.done).toBe(false);
      f!.clock.advance(500);
      await c.heartbeat({ groupId: G, generationId: 2, memberId: a.memberId });
      await c.heartbeat({ groupId: G, generationId: 2, memberId: bj.memberId });
    }
    await settle(c);
    expect(bSync.value?.errorCode).toBe(ERR.REBALANCE_IN_PROGRESS);
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.groupState).toBe('PreparingRebalance');
    expect(d.members.map((m) => m.memberId)).toEqual([bj.memberId]);
    expect((await c.heartbeat({ groupId: G, generationId: 2, memberId: a.memberId })).errorCode).toBe(
      ERR.UNKNOWN_MEMBER_ID,
    );
  });

  it('every member leaving empties the group, persisted with the next generation', async () => {
    const c = await setup();
    const [a, b] = await stablePair(c);
    await c.leaveGroup({ groupId: G, members: [{ memberId: a.memberId }, { memberId: b.memberId }] });
    await settle(c);
    const d = (await c.describeGroups([G]))[0]!;
    expect(d.groupState).toBe('Empty');
    await f!.restart();
    const after = (await f!.coordinator.describeGroups([G]))[0]!;
    expect(after).toMatchObject({ groupState: 'Empty', protocolType: 'consumer', members: [] });
    const j = await f!.coordinator.joinGroup(joinReq(G));
    expect(j.generationId).toBe(4);
  });
});
