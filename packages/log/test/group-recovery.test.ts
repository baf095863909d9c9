/**
 * The coordinator's durable state: committed offsets, group metadata and transactional offsets
 * survive a restart of the engine and coordinator on the same directory, recovered by replaying
 * `__consumer_offsets`; corrupt records there are a typed error.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogError } from '../src/errors.js';
import { ERR } from '../src/internal/group/error-codes.js';
import { GroupCoordinator } from '../src/internal/group/group-coordinator.js';
import { OFFSETS_TOPIC } from '../src/internal/group/offsets-partition.js';
import { encodeOffsetCommitKey } from '../src/internal/group/records/record-key.js';
import { openFixture, TEST_CONFIG, type Fixture } from '../src/internal/group/test-helpers.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

describe('committed offsets survive a coordinator restart (property)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture();
    await f.engine.createTopic('t', { partitions: 4 });
  });
  afterAll(async () => {
    await f.dispose();
  });

  type Op =
    | { kind: 'commit'; group: number; partition: number; offset: number; metadata: string }
    | { kind: 'delete'; group: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('commit' as const),
        group: fc.nat({ max: 3 }),
        partition: fc.nat({ max: 3 }),
        offset: fc.nat({ max: 1_000_000 }),
        metadata: fc.string({ maxLength: 8 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), group: fc.nat({ max: 3 }) }) },
  );

  let run = 0;
  it('fetch after restart equals the model of the last commit per partition', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const prefix = `r${run++}-`;
        const model = new Map<string, [number, string]>();
        for (const o of ops) {
          const g = prefix + o.group;
          if (o.kind === 'delete') {
            await f.coordinator.deleteGroups([g]);
            for (const k of [...model.keys()]) if (k.startsWith(`${g}/`)) model.delete(k);
          } else {
            await f.coordinator.commitOffsets({
              groupId: g,
              topics: [
                {
                  name: 't',
                  partitions: [
                    { partitionIndex: o.partition, committedOffset: o.offset, committedMetadata: o.metadata },
                  ],
                },
              ],
            });
            model.set(`${g}/${o.partition}`, [o.offset, o.metadata]);
          }
        }
        await f.restart();
        for (let g = 0; g < 4; g++) {
          const res = await f.coordinator.fetchOffsets({
            groupId: prefix + g,
            topics: [{ name: 't', partitionIndexes: [0, 1, 2, 3] }],
          });
          for (const p of res.topics[0]!.partitions) {
            const want = model.get(`${prefix}${g}/${p.partitionIndex}`) ?? [-1, ''];
            expect([p.committedOffset, p.metadata]).toEqual(want);
          }
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('recovery', () => {
  let f: Fixture;
  afterEach(async () => {
    await f.dispose();
  });

  it('creates __consumer_offsets compacted with offsets.topic.num.partitions, and keeps an existing one as it is', async () => {
    f = await openFixture();
    const d = f.engine.describeTopic(OFFSETS_TOPIC);
    expect(d.partitions).toBe(3);
    expect(d.configs['cleanup.policy']).toBe('compact');
    await f.coordinator.close();
    f.coordinator = await GroupCoordinator.open({
      engine: f.engine,
      clock: f.clock,
      config: { ...TEST_CONFIG, 'offsets.topic.num.partitions': 9 },
    });
    expect(f.engine.describeTopic(OFFSETS_TOPIC).partitions).toBe(3);
    expect(f.coordinator.partitionFor('hello')).toBe(99162322 % 3);
  });

  it('a malformed latest record in __consumer_offsets fails the load with CORRUPT_MESSAGE; a later record supersedes it', async () => {
    f = await openFixture();
    await f.engine.createTopic('t', { partitions: 1 });
    await f.coordinator.commitOffsets({
      groupId: 'g',
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 3 }] }],
    });
    const partition = f.coordinator.partitionFor('g');
    const key = encodeOffsetCommitKey('g', 't', 0);
    await f.engine.appendToPartition(OFFSETS_TOPIC, partition, [{ key, value: Buffer.from('0009', 'hex') }]);
    await f.coordinator.close();
    const failed = await GroupCoordinator.open({
      engine: f.engine,
      clock: f.clock,
      config: TEST_CONFIG,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(LogError);
    expect((failed as LogError).code).toBe('CORRUPT_MESSAGE');
    // Nothing was touched: both records are still there, and a later valid record for the key wins.
    expect(f.engine.offsets(OFFSETS_TOPIC, partition).logEndOffset).toBe(2);
    const good = Buffer.from('0003' + '0000000000000009' + 'ffffffff' + '0000' + '0000000000000001', 'hex');
    await f.engine.appendToPartition(OFFSETS_TOPIC, partition, [{ key, value: good }]);
    f.coordinator = await GroupCoordinator.open({ engine: f.engine, clock: f.clock, config: TEST_CONFIG });
    const res = await f.coordinator.fetchOffsets({ groupId: 'g', topics: null });
    expect(res.topics[0]!.partitions[0]!.committedOffset).toBe(9);
  });

  it('transactional offsets stay pending across a restart until their marker, and apply only on COMMIT', async () => {
    f = await openFixture();
    await f.engine.createTopic('t', { partitions: 1 });
    const txn = (producerId: number, offset: number) =>
      f.coordinator.commitTransactionalOffsets({
        groupId: 'g',
        generationId: -1,
        memberId: '',
        transactionalId: `tx-${producerId}`,
        producerId,
        producerEpoch: 1,
        topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: offset }] }],
      });
    await f.coordinator.commitOffsets({
      groupId: 'g',
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 1 }] }],
    });
    expect((await txn(7, 70)).topics[0]!.partitions[0]!.errorCode).toBe(ERR.NONE);
    expect((await txn(8, 80)).topics[0]!.partitions[0]!.errorCode).toBe(ERR.NONE);
    await f.restart();
    const fetch = async (requireStable = false) =>
      (
        await f.coordinator.fetchOffsets({
          groupId: 'g',
          topics: [{ name: 't', partitionIndexes: [0] }],
          requireStable,
        })
      ).topics[0]!.partitions[0]!;
    expect((await fetch()).committedOffset).toBe(1);
    expect((await fetch(true)).errorCode).toBe(ERR.UNSTABLE_OFFSET_COMMIT);
    // The markers themselves are written by the transaction coordinator (the engine refuses control
    // batches from producers); their replay is covered by group-loader.test.ts.
    f.coordinator.completeTransaction(8, false);
    f.coordinator.completeTransaction(7, true);
    expect(await fetch(true)).toMatchObject({ committedOffset: 70, errorCode: ERR.NONE });
  });
});
