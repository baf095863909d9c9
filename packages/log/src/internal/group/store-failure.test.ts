import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERR } from './error-codes.js';
import { joinReq, openFixture, settle, track, type Fixture } from './test-helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
  await f.engine.createTopic('t', { partitions: 1 });
});
afterEach(async () => {
  await f.dispose();
});

describe('when __consumer_offsets cannot be written', () => {
  it('a commit answers COORDINATOR_NOT_AVAILABLE per partition and keeps the previous offset', async () => {
    const c = f.coordinator;
    const commit = (offset: number) =>
      c.commitOffsets({
        groupId: 's',
        topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: offset }] }],
      });
    await commit(1);
    await f.engine.close();
    const r = await commit(2);
    expect(r.topics[0]!.partitions[0]!.errorCode).toBe(ERR.COORDINATOR_NOT_AVAILABLE);
    const fetched = await c.fetchOffsets({ groupId: 's', topics: null });
    expect(fetched.topics[0]!.partitions[0]!.committedOffset).toBe(1);
  });

  it("a leader's SyncGroup that cannot be persisted fails every waiting member and rebalances", async () => {
    const c = f.coordinator;
    const a1 = await c.joinGroup(joinReq('g'));
    const b = track(c.joinGroup(joinReq('g')));
    const a = await c.joinGroup(joinReq('g', { memberId: a1.memberId }));
    const bj = await b.promise;
    const bSync = track(
      c.syncGroup({ groupId: 'g', generationId: 2, memberId: bj.memberId, assignments: [] }),
    );
    await f.engine.close();
    const aSync = await c.syncGroup({ groupId: 'g', generationId: 2, memberId: a.memberId, assignments: [] });
    await settle(c);
    expect(aSync.errorCode).toBe(ERR.COORDINATOR_NOT_AVAILABLE);
    expect(bSync.value?.errorCode).toBe(ERR.COORDINATOR_NOT_AVAILABLE);
    expect((await c.describeGroups(['g']))[0]!.groupState).toBe('PreparingRebalance');
  });

  it('deleting a group that cannot be persisted leaves it in place', async () => {
    const c = f.coordinator;
    await c.commitOffsets({
      groupId: 's',
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 1 }] }],
    });
    await f.engine.close();
    const [r] = await c.deleteGroups(['s']);
    expect(r!.errorCode).toBe(ERR.COORDINATOR_NOT_AVAILABLE);
    expect((await c.describeGroups(['s']))[0]!.groupState).toBe('Empty');
    expect((await c.fetchOffsets({ groupId: 's', topics: null })).topics).toHaveLength(1);
  });
});
