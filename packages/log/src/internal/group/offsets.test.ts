import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERR } from './error-codes.js';
import { joinReq, openFixture, settle, track, type Fixture } from './test-helpers.js';

let f: Fixture;
beforeEach(async () => {
  f = await openFixture();
  await f.engine.createTopic('orders', { partitions: 2 });
  await f.engine.createTopic('audit', { partitions: 1 });
});
afterEach(async () => {
  await f.dispose();
});

const commit = (
  groupId: string,
  partitions: [number, number, string?][],
  more: { generationId?: number; memberId?: string } = {},
) =>
  f.coordinator.commitOffsets({
    groupId,
    ...more,
    topics: [
      {
        name: 'orders',
        partitions: partitions.map(([p, o, m]) => ({
          partitionIndex: p,
          committedOffset: o,
          committedMetadata: m ?? null,
        })),
      },
    ],
  });

const fetchOrders = async (groupId: string, partitions = [0, 1]) =>
  (await f.coordinator.fetchOffsets({ groupId, topics: [{ name: 'orders', partitionIndexes: partitions }] }))
    .topics[0]!.partitions;

const codes = (r: Awaited<ReturnType<typeof commit>>) =>
  r.topics.flatMap((t) => t.partitions.map((p) => p.errorCode));

describe('offset commit and fetch', () => {
  it('a simple commit (generation -1) creates an Empty group; fetch returns offsets and metadata, -1 where none', async () => {
    expect(codes(await commit('s', [[0, 42, 'meta']]))).toEqual([ERR.NONE]);
    expect(await fetchOrders('s')).toEqual([
      {
        partitionIndex: 0,
        committedOffset: 42,
        committedLeaderEpoch: -1,
        metadata: 'meta',
        errorCode: ERR.NONE,
      },
      { partitionIndex: 1, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: ERR.NONE },
    ]);
    expect((await f.coordinator.describeGroups(['s']))[0]!.groupState).toBe('Empty');
    const all = await f.coordinator.fetchOffsets({ groupId: 's', topics: null });
    expect(all.topics).toEqual([
      { name: 'orders', partitions: [expect.objectContaining({ partitionIndex: 0, committedOffset: 42 })] },
    ]);
    expect((await f.coordinator.fetchOffsets({ groupId: 'unknown', topics: null })).topics).toEqual([]);
  });

  it('refuses unknown partitions, oversized metadata and bad offsets per partition, committing the rest', async () => {
    const r = await f.coordinator.commitOffsets({
      groupId: 's',
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, committedOffset: 5 },
            { partitionIndex: 2, committedOffset: 5 },
            { partitionIndex: 1, committedOffset: 5, committedMetadata: 'x'.repeat(4097) },
            { partitionIndex: 1, committedOffset: -7 },
          ],
        },
        { name: 'no-such-topic', partitions: [{ partitionIndex: 0, committedOffset: 1 }] },
      ],
    });
    expect(codes(r)).toEqual([
      ERR.NONE,
      ERR.UNKNOWN_TOPIC_OR_PARTITION,
      ERR.OFFSET_METADATA_TOO_LARGE,
      ERR.INVALID_REQUEST,
      ERR.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    expect((await fetchOrders('s')).map((p) => p.committedOffset)).toEqual([5, -1]);
  });

  it('checks generation and member of a group with members', async () => {
    const c = f.coordinator;
    const j = await c.joinGroup(joinReq('g'));
    // Between JoinGroup and SyncGroup there is nothing to commit for.
    expect(codes(await commit('g', [[0, 1]], { generationId: 1, memberId: j.memberId }))).toEqual([
      ERR.REBALANCE_IN_PROGRESS,
    ]);
    await c.syncGroup({ groupId: 'g', generationId: 1, memberId: j.memberId, assignments: [] });
    expect(codes(await commit('g', [[0, 1]], { generationId: 1, memberId: j.memberId }))).toEqual([ERR.NONE]);
    expect(codes(await commit('g', [[0, 2]], { generationId: 0, memberId: j.memberId }))).toEqual([
      ERR.ILLEGAL_GENERATION,
    ]);
    expect(codes(await commit('g', [[0, 2]], { generationId: 1, memberId: 'ghost' }))).toEqual([
      ERR.UNKNOWN_MEMBER_ID,
    ]);
    expect(codes(await commit('g', [[0, 2]]))).toEqual([ERR.UNKNOWN_MEMBER_ID]);
    expect(codes(await commit('unknown', [[0, 2]], { generationId: 3, memberId: 'm' }))).toEqual([
      ERR.ILLEGAL_GENERATION,
    ]);
    expect((await fetchOrders('g'))[0]!.committedOffset).toBe(1);
  });

  it('committed offsets and metadata survive a restart; the latest commit wins', async () => {
    await commit('s', [
      [0, 1],
      [1, 2],
    ]);
    await commit('s', [[0, 10, 'later']]);
    await f.restart();
    const p = await fetchOrders('s');
    expect(p.map((x) => [x.committedOffset, x.metadata])).toEqual([
      [10, 'later'],
      [2, ''],
    ]);
  });
});

describe('describe, list, delete', () => {
  it('lists groups with state and type filters', async () => {
    await commit('simple', [[0, 1]]);
    await f.coordinator.joinGroup(joinReq('active'));
    const all = await f.coordinator.listGroups();
    expect(all.groups).toEqual([
      { groupId: 'active', protocolType: 'consumer', groupState: 'CompletingRebalance' },
      { groupId: 'simple', protocolType: '', groupState: 'Empty' },
    ]);
    expect(
      (await f.coordinator.listGroups({ statesFilter: ['Empty'] })).groups.map((g) => g.groupId),
    ).toEqual(['simple']);
    expect(
      (await f.coordinator.listGroups({ typesFilter: ['consumer'] })).groups.map((g) => g.groupId),
    ).toEqual(['active']);
    expect((await f.coordinator.describeGroups(['nope']))[0]).toMatchObject({
      errorCode: ERR.NONE,
      groupState: 'Dead',
    });
  });

  it('deletes only empty groups, with their offsets, durably', async () => {
    await commit('s', [[0, 1]]);
    await f.coordinator.joinGroup(joinReq('busy'));
    const res = await f.coordinator.deleteGroups(['s', 'busy', 'nope', '']);
    expect(res.map((r) => r.errorCode)).toEqual([
      ERR.NONE,
      ERR.NON_EMPTY_GROUP,
      ERR.GROUP_ID_NOT_FOUND,
      ERR.INVALID_GROUP_ID,
    ]);
    expect((await fetchOrders('s'))[0]!.committedOffset).toBe(-1);
    await f.restart();
    expect((await fetchOrders('s'))[0]!.committedOffset).toBe(-1);
    // 'busy' never completed a rebalance, so (as in Kafka) it was never persisted either.
    expect((await f.coordinator.listGroups()).groups.map((g) => g.groupId)).not.toContain('s');
  });
});

describe('reset offsets and lag', () => {
  async function fill(): Promise<void> {
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) {
      await f.engine.appendToPartition('orders', 0, [
        { key: null, value: Buffer.from(`v${i}`), timestamp: t0 + i * 1000 },
      ]);
    }
  }

  it('resets an empty group to earliest, latest, a timestamp or a clamped offset', async () => {
    await fill();
    const t0 = (await f.engine.offsetForTimestamp('orders', 0, 0))!.timestamp;
    const reset = async (spec: Parameters<typeof f.coordinator.resetOffsets>[0]['spec']) => {
      const r = await f.coordinator.resetOffsets({ groupId: 'r', topic: 'orders', partitions: [0], spec });
      expect(r.errorCode).toBe(ERR.NONE);
      expect(r.partitions[0]!.errorCode).toBe(ERR.NONE);
      return (await fetchOrders('r', [0]))[0]!.committedOffset;
    };
    expect(await reset({ type: 'latest' })).toBe(10);
    expect(await reset({ type: 'earliest' })).toBe(0);
    expect(await reset({ type: 'timestamp', timestamp: t0 + 3500 })).toBe(4);
    expect(await reset({ type: 'timestamp', timestamp: t0 + 99_000 })).toBe(10);
    expect(await reset({ type: 'offset', offset: 7 })).toBe(7);
    expect(await reset({ type: 'offset', offset: 700 })).toBe(10);
    const dry = await f.coordinator.resetOffsets({
      groupId: 'r',
      topic: 'orders',
      spec: { type: 'earliest' },
      dryRun: true,
    });
    expect(dry.partitions.map((p) => p.offset)).toEqual([0, 0]);
    expect((await fetchOrders('r', [0]))[0]!.committedOffset).toBe(10);
    const bad = await f.coordinator.resetOffsets({
      groupId: 'r',
      topic: 'orders',
      partitions: [5],
      spec: { type: 'earliest' },
    });
    expect(bad.partitions[0]!.errorCode).toBe(ERR.UNKNOWN_TOPIC_OR_PARTITION);
    expect(
      (await f.coordinator.resetOffsets({ groupId: 'r', topic: 'nope', spec: { type: 'earliest' } }))
        .errorCode,
    ).toBe(ERR.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('refuses to reset a group with members', async () => {
    await f.coordinator.joinGroup(joinReq('busy'));
    const r = await f.coordinator.resetOffsets({
      groupId: 'busy',
      topic: 'orders',
      spec: { type: 'earliest' },
    });
    expect(r.errorCode).toBe(ERR.NON_EMPTY_GROUP);
  });

  it('reports lag against the high watermark, or a supplied last stable offset', async () => {
    await fill();
    await commit('l', [
      [0, 4],
      [1, 0],
    ]);
    expect(await f.coordinator.lag('l')).toEqual([
      { topic: 'orders', partition: 0, committedOffset: 4, endOffset: 10, lag: 6 },
      { topic: 'orders', partition: 1, committedOffset: 0, endOffset: 0, lag: 0 },
    ]);
    const rc = await f.coordinator.lag('l', {
      isolationLevel: 'read_committed',
      lastStableOffset: (_t, p) => (p === 0 ? 7 : 0),
    });
    expect(rc.map((x) => x.lag)).toEqual([3, 0]);
    await expect(f.coordinator.lag('l', { isolationLevel: 'read_committed' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });
});

describe('offset retention (KIP-211)', () => {
  const retentionMs = 10_080 * 60_000;

  it("expires an emptied group's offsets retention after it became empty, then removes the group", async () => {
    const c = f.coordinator;
    const j = await c.joinGroup(joinReq('g'));
    await c.syncGroup({ groupId: 'g', generationId: 1, memberId: j.memberId, assignments: [] });
    await commit('g', [[0, 3]], { generationId: 1, memberId: j.memberId });
    f.clock.advance(500);
    await c.heartbeat({ groupId: 'g', generationId: 1, memberId: j.memberId });
    // Old commits of a live group never expire by age alone.
    f.clock.advance(800);
    await c.heartbeat({ groupId: 'g', generationId: 1, memberId: j.memberId });
    await c.leaveGroup({ groupId: 'g', members: [{ memberId: j.memberId }] });
    await settle(c);
    const emptiedAt = f.clock.now();
    f.clock.advance(retentionMs - 1 - (f.clock.now() - emptiedAt));
    expect(await c.expireOffsets()).toBe(0);
    f.clock.advance(1);
    expect(await c.expireOffsets()).toBe(1);
    expect((await c.listGroups()).groups).toEqual([]);
    await settle(c);
    await f.restart();
    expect((await f.coordinator.listGroups()).groups).toEqual([]);
    expect((await fetchOrders('g'))[0]!.committedOffset).toBe(-1);
  });

  it('expires the offsets of a members-less "simple" group by commit time, each on its own', async () => {
    // Off the retention timer's grid, so the explicit runs below are the ones that expire.
    f.clock.advance(1);
    await commit('s', [[0, 1]]);
    f.clock.advance(retentionMs / 2);
    await commit('s', [[1, 1]]);
    f.clock.advance(retentionMs / 2 - 1);
    expect(await f.coordinator.expireOffsets()).toBe(0);
    f.clock.advance(1);
    expect(await f.coordinator.expireOffsets()).toBe(1);
    expect((await fetchOrders('s')).map((p) => p.committedOffset)).toEqual([-1, 1]);
  });

  it('runs on its own every offsets.retention.check.interval.ms', async () => {
    await commit('s', [[0, 1]]);
    f.clock.advance(retentionMs + 600_000);
    await settle(f.coordinator);
    expect((await fetchOrders('s'))[0]!.committedOffset).toBe(-1);
  });

  it('in a Stable consumer group, expires only offsets of topics no member subscribes to', async () => {
    const c = f.coordinator;
    // ConsumerProtocolSubscription v0: version, [topics], userData.
    const sub = Buffer.from([0, 0, 0, 0, 0, 1, 0, 6, ...Buffer.from('orders'), 0xff, 0xff, 0xff, 0xff]);
    const j = await c.joinGroup(
      joinReq('g', { sessionTimeoutMs: 1_800_000, protocols: [{ name: 'range', metadata: sub }] }),
    );
    await c.syncGroup({ groupId: 'g', generationId: 1, memberId: j.memberId, assignments: [] });
    await c.commitOffsets({
      groupId: 'g',
      generationId: 1,
      memberId: j.memberId,
      topics: [
        { name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: 1 }] },
        { name: 'audit', partitions: [{ partitionIndex: 0, committedOffset: 1 }] },
      ],
    });
    for (let t = 0; t < retentionMs; t += 1_000_000) {
      f.clock.advance(1_000_000);
      await c.heartbeat({ groupId: 'g', generationId: 1, memberId: j.memberId });
    }
    await settle(c);
    const all = await c.fetchOffsets({ groupId: 'g', topics: null });
    expect(all.topics.map((t) => t.name)).toEqual(['orders']);
  });
});

describe('transactional offsets (KIP-447 hooks)', () => {
  it('fences stale generations and unknown members; pending offsets apply only on commit', async () => {
    const c = f.coordinator;
    const j = await c.joinGroup(joinReq('g'));
    await c.syncGroup({ groupId: 'g', generationId: 1, memberId: j.memberId, assignments: [] });
    const base = { groupId: 'g', generationId: 1, memberId: j.memberId };
    expect(c.validateTransactionalCommit(base)).toBe(ERR.NONE);
    expect(c.validateTransactionalCommit({ ...base, generationId: 0 })).toBe(ERR.ILLEGAL_GENERATION);
    expect(c.validateTransactionalCommit({ ...base, memberId: 'ghost' })).toBe(ERR.UNKNOWN_MEMBER_ID);
    const txn = (producerId: number, offset: number, generationId = 1) =>
      c.commitTransactionalOffsets({
        ...base,
        generationId,
        transactionalId: `t${producerId}`,
        producerId,
        producerEpoch: 0,
        topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: offset }] }],
      });
    expect(codes(await txn(7, 99, 0))).toEqual([ERR.ILLEGAL_GENERATION]);
    expect(codes(await txn(7, 50))).toEqual([ERR.NONE]);
    expect((await fetchOrders('g', [0]))[0]!.committedOffset).toBe(-1);
    const stable = await c.fetchOffsets({
      groupId: 'g',
      topics: [{ name: 'orders', partitionIndexes: [0] }],
      requireStable: true,
    });
    expect(stable.topics[0]!.partitions[0]!.errorCode).toBe(ERR.UNSTABLE_OFFSET_COMMIT);
    c.completeTransaction(7, true);
    expect((await fetchOrders('g', [0]))[0]!.committedOffset).toBe(50);
    expect(codes(await txn(8, 60))).toEqual([ERR.NONE]);
    c.completeTransaction(8, false);
    expect((await fetchOrders('g', [0]))[0]!.committedOffset).toBe(50);
  });
});

describe('restart with a rebalance in flight', () => {
  it('recovers the last persisted generation; members come back and must heartbeat', async () => {
    const c = f.coordinator;
    const j = await c.joinGroup(joinReq('g'));
    await c.syncGroup({
      groupId: 'g',
      generationId: 1,
      memberId: j.memberId,
      assignments: [{ memberId: j.memberId, assignment: Buffer.from('x') }],
    });
    const pending = track(c.joinGroup(joinReq('g')));
    await settle(c);
    await f.restart();
    expect(pending.value?.errorCode).toBe(ERR.NOT_COORDINATOR);
    const c2 = f.coordinator;
    expect((await c2.heartbeat({ groupId: 'g', generationId: 1, memberId: j.memberId })).errorCode).toBe(
      ERR.NONE,
    );
    f.clock.advance(1_000);
    expect((await c2.describeGroups(['g']))[0]!.groupState).toBe('Empty');
  });
});

describe('offset delete (KIP-496)', () => {
  it('deletes offsets of an empty group, durably; refuses topics a live consumer group subscribes to', async () => {
    const c = f.coordinator;
    await commit('s', [
      [0, 1],
      [1, 2],
    ]);
    const r = await c.deleteOffsets({ groupId: 's', topics: [{ name: 'orders', partitionIndexes: [0] }] });
    expect(r).toEqual({
      errorCode: ERR.NONE,
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, errorCode: ERR.NONE }] }],
    });
    expect((await fetchOrders('s')).map((p) => p.committedOffset)).toEqual([-1, 2]);
    await f.restart();
    expect((await fetchOrders('s')).map((p) => p.committedOffset)).toEqual([-1, 2]);
    expect((await f.coordinator.deleteOffsets({ groupId: 'none', topics: [] })).errorCode).toBe(
      ERR.GROUP_ID_NOT_FOUND,
    );

    const sub = Buffer.from([0, 0, 0, 0, 0, 1, 0, 6, ...Buffer.from('orders'), 0xff, 0xff, 0xff, 0xff]);
    const j = await f.coordinator.joinGroup(
      joinReq('live', { protocols: [{ name: 'range', metadata: sub }] }),
    );
    await f.coordinator.syncGroup({
      groupId: 'live',
      generationId: 1,
      memberId: j.memberId,
      assignments: [],
    });
    const live = await f.coordinator.deleteOffsets({
      groupId: 'live',
      topics: [
        { name: 'orders', partitionIndexes: [0] },
        { name: 'audit', partitionIndexes: [0] },
      ],
    });
    expect(live.topics.map((t) => t.partitions[0]!.errorCode)).toEqual([
      ERR.GROUP_SUBSCRIBED_TO_TOPIC,
      ERR.NONE,
    ]);
  });
});
