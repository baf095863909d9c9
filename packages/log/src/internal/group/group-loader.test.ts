import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { loadGroups } from './group-loader.js';
import type { OffsetsLog, ReplayVisitor } from './offsets-log.js';
import { encodeGroupMetadataValue } from './records/group-metadata-value.js';
import { encodeOffsetCommitValue } from './records/offset-commit-value.js';
import { encodeGroupMetadataKey, encodeOffsetCommitKey } from './records/record-key.js';

type Entry =
  { key: Buffer; value: Buffer | null; pid?: number } | { marker: 'COMMIT' | 'ABORT'; pid: number };

/** A replay source over a scripted partition (the engine path is covered by test/group-recovery). */
function scripted(entries: Entry[]): OffsetsLog {
  return {
    numPartitions: 1,
    async replay(_p: number, v: ReplayVisitor) {
      entries.forEach((e, offset) => {
        if ('marker' in e) v.marker(e.pid, e.marker === 'COMMIT');
        else v.record({ key: e.key, value: e.value, offset, transactionalProducerId: e.pid ?? -1 });
      });
    },
  } as unknown as OffsetsLog;
}

const off = (group: string, offset: number, pid?: number): Entry => ({
  key: encodeOffsetCommitKey(group, 't', 0),
  value: encodeOffsetCommitValue({
    offset,
    leaderEpoch: -1,
    metadata: '',
    commitTimestamp: 1,
    expireTimestamp: -1,
  }),
  ...(pid === undefined ? {} : { pid }),
});

describe('loading __consumer_offsets', () => {
  it('keeps the latest value per key; tombstones delete; unknown record types are skipped', async () => {
    const { groups } = await loadGroups(
      scripted([
        off('a', 1),
        off('a', 2),
        off('b', 5),
        { key: encodeOffsetCommitKey('b', 't', 0), value: null },
        { key: Buffer.from('0003000162', 'hex'), value: Buffer.from('ff', 'hex') },
      ]),
      0,
    );
    expect(groups.get('a')!.offsets.get('t', 0)?.offset).toBe(2);
    expect(groups.has('b')).toBe(false);
  });

  it('restores a group with members as Stable, and an emptied one as Empty', async () => {
    const member = {
      memberId: 'm1',
      groupInstanceId: 'i1',
      clientId: 'c',
      clientHost: '/h',
      rebalanceTimeoutMs: 300,
      sessionTimeoutMs: 100,
      subscription: Buffer.from('s'),
      assignment: Buffer.from('a'),
    };
    const value = (members: (typeof member)[], generation: number) =>
      encodeGroupMetadataValue({
        protocolType: 'consumer',
        generation,
        protocol: 'range',
        leader: 'm1',
        currentStateTimestamp: 9,
        members,
      });
    const { groups } = await loadGroups(
      scripted([
        { key: encodeGroupMetadataKey('live'), value: value([member], 4) },
        { key: encodeGroupMetadataKey('gone'), value: value([member], 2) },
        {
          key: encodeGroupMetadataKey('gone'),
          value: encodeGroupMetadataValue({
            protocolType: 'consumer',
            generation: 3,
            protocol: null,
            leader: null,
            currentStateTimestamp: 20,
            members: [],
          }),
        },
      ]),
      0,
    );
    const live = groups.get('live')!;
    expect([live.state, live.generationId, live.leaderId, live.protocolName]).toEqual([
      'Stable',
      4,
      'm1',
      'range',
    ]);
    expect(live.members.get('m1')!.assignment.toString()).toBe('a');
    expect(live.staticMemberId('i1')).toBe('m1');
    const gone = groups.get('gone')!;
    expect([gone.state, gone.generationId, gone.size, gone.currentStateTimestamp]).toEqual([
      'Empty',
      3,
      0,
      20,
    ]);
  });

  it('applies transactional offsets on COMMIT, drops them on ABORT, keeps open ones pending', async () => {
    const { groups, openTransactions } = await loadGroups(
      scripted([
        off('g', 1),
        off('g', 7, 7),
        off('g', 8, 8),
        { marker: 'ABORT', pid: 8 },
        { marker: 'COMMIT', pid: 7 },
        off('h', 9, 9),
      ]),
      0,
    );
    expect(groups.get('g')!.offsets.get('t', 0)?.offset).toBe(7);
    expect(groups.get('g')!.offsets.hasPendingTransactional('t', 0)).toBe(false);
    expect(groups.get('h')!.offsets.get('t', 0)).toBeUndefined();
    expect(groups.get('h')!.offsets.hasPendingTransactional('t', 0)).toBe(true);
    expect([...openTransactions.keys()]).toEqual([9]);
  });

  it('a committed transaction does not override a later plain commit', async () => {
    const { groups } = await loadGroups(
      scripted([off('g', 7, 7), off('g', 20), { marker: 'COMMIT', pid: 7 }]),
      0,
    );
    expect(groups.get('g')!.offsets.get('t', 0)?.offset).toBe(20);
  });

  it('a malformed latest value fails with CORRUPT_MESSAGE; a superseded one does not matter', async () => {
    const bad = { key: encodeOffsetCommitKey('g', 't', 0), value: Buffer.from('0009', 'hex') };
    await expect(loadGroups(scripted([off('g', 1), bad]), 0)).rejects.toSatisfy(
      (e) => e instanceof LogError && e.code === 'CORRUPT_MESSAGE',
    );
    const { groups } = await loadGroups(scripted([bad, off('g', 2)]), 0);
    expect(groups.get('g')!.offsets.get('t', 0)?.offset).toBe(2);
    await expect(
      loadGroups(scripted([{ key: Buffer.from('00', 'hex'), value: null }]), 0),
    ).rejects.toBeInstanceOf(LogError);
  });
});
