/**
 * The group and offset operations of the embedded admin, over the group coordinator.
 */
import type { GroupCoordinator, LogEngine, OffsetResetSpec } from '@rill/log';
import type { GroupDescription, GroupListing, PartitionLag, ResetTarget } from '../api/admin.js';
import type {
  IsolationLevel,
  OffsetAndMetadata,
  TopicPartition,
  TopicPartitionOffset,
} from '../api/common.js';
import { decodeAssignment } from '../assignors/consumer-protocol.js';
import { CONSUMER_PROTOCOL_TYPE } from '../assignors/consumer-protocol.js';
import { toClientError } from '../errors.js';
import { checkCode, errorForCode } from './kafka-errors.js';
import { groupByTopic, groupByTopicOffsets, lastStableOffset } from './offsets.js';

export async function listGroups(c: GroupCoordinator): Promise<GroupListing[]> {
  const { errorCode, groups } = await c.listGroups();
  checkCode(errorCode, 'ListGroups failed');
  return groups
    .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: g.groupState }))
    .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

export async function describeGroups(
  c: GroupCoordinator,
  groupIds: readonly string[],
): Promise<GroupDescription[]> {
  const described = await c.describeGroups(groupIds);
  return described.map((g) => {
    checkCode(g.errorCode, `DescribeGroups of ${g.groupId} failed`, g.groupId);
    const consumer = g.protocolType === CONSUMER_PROTOCOL_TYPE;
    return {
      groupId: g.groupId,
      state: g.groupState,
      protocolType: g.protocolType,
      protocol: g.protocolData,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        assignment:
          consumer && m.memberAssignment.length > 0 ? decodeAssignment(m.memberAssignment).partitions : [],
      })),
    };
  });
}

export async function deleteGroups(c: GroupCoordinator, groupIds: readonly string[]): Promise<void> {
  const results = await c.deleteGroups(groupIds);
  for (const r of results) checkCode(r.errorCode, `DeleteGroups of ${r.groupId} failed`, r.groupId);
}

export async function fetchGroupOffsets(
  c: GroupCoordinator,
  groupId: string,
  partitions: readonly TopicPartition[] | undefined,
  requireStable: boolean,
): Promise<(TopicPartition & OffsetAndMetadata)[]> {
  const topics =
    partitions === undefined
      ? null
      : [...groupByTopic(partitions)].map(([name, ps]) => ({ name, partitionIndexes: ps }));
  const res = await c.fetchOffsets({ groupId, topics, requireStable });
  checkCode(res.errorCode, `OffsetFetch of ${groupId} failed`, groupId);
  const out: (TopicPartition & OffsetAndMetadata)[] = [];
  for (const t of res.topics) {
    for (const p of t.partitions) {
      checkCode(p.errorCode, `OffsetFetch of ${groupId} failed for ${t.name}-${p.partitionIndex}`, groupId);
      if (p.committedOffset < 0) continue;
      out.push({
        topic: t.name,
        partition: p.partitionIndex,
        offset: p.committedOffset,
        metadata: p.metadata,
        ...(p.committedLeaderEpoch >= 0 ? { leaderEpoch: p.committedLeaderEpoch } : {}),
      });
    }
  }
  return out;
}

/** OffsetCommit of a member (or, with generation -1 and member '', of an admin). */
export async function commitGroupOffsets(
  c: GroupCoordinator,
  groupId: string,
  offsets: readonly TopicPartitionOffset[],
  member: { generationId: number; memberId: string; groupInstanceId: string | null } = {
    generationId: -1,
    memberId: '',
    groupInstanceId: null,
  },
): Promise<void> {
  const res = await c.commitOffsets({
    groupId,
    generationId: member.generationId,
    memberId: member.memberId,
    groupInstanceId: member.groupInstanceId,
    topics: groupByTopicOffsets(offsets),
  });
  for (const t of res.topics)
    for (const p of t.partitions)
      if (p.errorCode !== 0)
        throw errorForCode(
          p.errorCode,
          `OffsetCommit of ${groupId} failed for ${t.name}-${p.partitionIndex}`,
          groupId,
        );
}

function resetSpec(to: ResetTarget): OffsetResetSpec {
  if (to === 'earliest') return { type: 'earliest' };
  if (to === 'latest') return { type: 'latest' };
  if ('timestamp' in to) return { type: 'timestamp', timestamp: to.timestamp };
  return { type: 'offset', offset: to.offset };
}

export async function resetGroupOffsets(
  c: GroupCoordinator,
  engine: LogEngine,
  groupId: string,
  target: { readonly topics: readonly string[] } | { readonly partitions: readonly TopicPartition[] },
  to: ResetTarget,
): Promise<TopicPartitionOffset[]> {
  const perTopic: [string, number[] | undefined][] =
    'topics' in target ? target.topics.map((t) => [t, undefined]) : [...groupByTopic(target.partitions)];
  const spec = resetSpec(to);
  const out: TopicPartitionOffset[] = [];
  for (const [topic, partitions] of perTopic) {
    try {
      engine.describeTopic(topic);
    } catch (e) {
      throw toClientError(e, topic);
    }
    const res = await c.resetOffsets({ groupId, topic, spec, ...(partitions ? { partitions } : {}) });
    checkCode(res.errorCode, `Resetting offsets of ${groupId} on ${topic} failed`, groupId);
    for (const p of res.partitions) {
      checkCode(p.errorCode, `Resetting offsets of ${groupId} on ${topic}-${p.partition} failed`, groupId);
      out.push({ topic, partition: p.partition, offset: p.offset });
    }
  }
  return out;
}

export async function deleteGroupOffsets(
  c: GroupCoordinator,
  groupId: string,
  partitions: readonly TopicPartition[],
): Promise<void> {
  const res = await c.deleteOffsets({
    groupId,
    topics: [...groupByTopic(partitions)].map(([name, ps]) => ({ name, partitionIndexes: ps })),
  });
  checkCode(res.errorCode, `OffsetDelete of ${groupId} failed`, groupId);
  for (const t of res.topics)
    for (const p of t.partitions)
      checkCode(p.errorCode, `OffsetDelete of ${groupId} failed for ${t.name}-${p.partitionIndex}`, groupId);
}

export async function groupLag(
  c: GroupCoordinator,
  engine: LogEngine,
  groupId: string,
  topics: readonly string[] | undefined,
  isolationLevel: IsolationLevel,
): Promise<PartitionLag[]> {
  let lags;
  try {
    lags = await c.lag(groupId, {
      isolationLevel,
      lastStableOffset: (t, p) => lastStableOffset(engine, t, p),
      ...(topics === undefined ? {} : { topics }),
    });
  } catch (e) {
    throw toClientError(e, groupId);
  }
  const out: PartitionLag[] = lags.map((l) => ({
    topic: l.topic,
    partition: l.partition,
    committedOffset: l.committedOffset,
    endOffset: l.endOffset,
    lag: l.lag,
  }));
  if (topics === undefined) return out;
  // Named topics: partitions the group never committed to are reported too, without lag.
  const have = new Set(out.map((l) => `${l.topic}\u0000${l.partition}`));
  for (const topic of topics) {
    let count: number;
    try {
      count = engine.describeTopic(topic).partitions;
    } catch (e) {
      throw toClientError(e, topic);
    }
    for (let partition = 0; partition < count; partition++) {
      if (have.has(`${topic}\u0000${partition}`)) continue;
      out.push({
        topic,
        partition,
        committedOffset: null,
        endOffset: lastStableOffset(engine, topic, partition, isolationLevel),
        lag: null,
      });
    }
  }
  return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
