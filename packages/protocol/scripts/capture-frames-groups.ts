/**
 * Group-coordinator handlers of capture-frames.ts: every group has one member at a time
 * (each client run uses its own group), which leads and receives its own assignment.
 */
import { type ApiKey, ApiKeys } from '../src/index.js';
import type { Group, Handler } from './capture-frames-state.js';

export const GROUP_HANDLERS: Partial<Record<ApiKey, Handler>> = {
  [ApiKeys.FindCoordinator]: (b, req) => {
    if (req.apiKey !== ApiKeys.FindCoordinator) return undefined;
    const node = { nodeId: 0, host: '127.0.0.1', port: b.port };
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      ...node,
      coordinators: (req.body.coordinatorKeys ?? []).map((key) => ({
        key,
        ...node,
        errorCode: 0,
        errorMessage: null,
      })),
    };
  },
  [ApiKeys.JoinGroup]: (b, req) => {
    if (req.apiKey !== ApiKeys.JoinGroup) return undefined;
    const memberId = req.body.memberId === '' ? b.newMember(req.header.clientId) : req.body.memberId;
    const proto = req.body.protocols[0]!;
    const g: Group = {
      generation: (b.groups.get(req.body.groupId)?.generation ?? 0) + 1,
      protocolName: proto.name,
      protocolType: req.body.protocolType,
      leader: memberId,
      members: new Map([[memberId, proto.metadata]]),
      assignments: new Map(),
    };
    b.groups.set(req.body.groupId, g);
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      generationId: g.generation,
      protocolType: g.protocolType,
      protocolName: g.protocolName,
      leader: memberId,
      skipAssignment: false,
      memberId,
      members: [{ memberId, groupInstanceId: null, metadata: Buffer.from(proto.metadata) }],
    };
  },
  [ApiKeys.SyncGroup]: (b, req) => {
    if (req.apiKey !== ApiKeys.SyncGroup) return undefined;
    const g = b.groups.get(req.body.groupId);
    for (const a of req.body.assignments) g?.assignments.set(a.memberId, Buffer.from(a.assignment));
    return {
      throttleTimeMs: 0,
      errorCode: g ? 0 : 16,
      protocolType: g?.protocolType ?? null,
      protocolName: g?.protocolName ?? null,
      assignment: g?.assignments.get(req.body.memberId) ?? Buffer.alloc(0),
    };
  },
  [ApiKeys.Heartbeat]: () => ({ throttleTimeMs: 0, errorCode: 0 }),
  [ApiKeys.LeaveGroup]: (_b, req) => {
    if (req.apiKey !== ApiKeys.LeaveGroup) return undefined;
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      members: (req.body.members ?? []).map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId ?? null,
        errorCode: 0,
      })),
    };
  },
  [ApiKeys.OffsetCommit]: (b, req) => {
    if (req.apiKey !== ApiKeys.OffsetCommit) return undefined;
    return {
      throttleTimeMs: 0,
      topics: req.body.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          b.offsets.set(`${req.body.groupId}/${t.name}/${p.partitionIndex}`, p.committedOffset);
          return { partitionIndex: p.partitionIndex, errorCode: 0 };
        }),
      })),
    };
  },
  [ApiKeys.OffsetFetch]: (b, req) => {
    if (req.apiKey !== ApiKeys.OffsetFetch) return undefined;
    const answer = (group: string, topics: { name: string; partitionIndexes: number[] }[] | null) =>
      (topics ?? [...b.topics.keys()].map((name) => ({ name, partitionIndexes: [0] }))).map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => ({
          partitionIndex,
          committedOffset: b.offsets.get(`${group}/${t.name}/${partitionIndex}`) ?? -1,
          committedLeaderEpoch: -1,
          metadata: '',
          errorCode: 0,
        })),
      }));
    return {
      throttleTimeMs: 0,
      topics: req.body.groupId === undefined ? [] : answer(req.body.groupId, req.body.topics ?? null),
      errorCode: 0,
      groups: (req.body.groups ?? []).map((g) => ({
        groupId: g.groupId,
        topics: answer(g.groupId, g.topics),
        errorCode: 0,
      })),
    };
  },
  [ApiKeys.DescribeGroups]: (b, req) => {
    if (req.apiKey !== ApiKeys.DescribeGroups) return undefined;
    return {
      throttleTimeMs: 0,
      groups: req.body.groups.map((groupId) => {
        const g = b.groups.get(groupId);
        return {
          errorCode: 0,
          groupId,
          groupState: g ? 'Stable' : 'Dead',
          protocolType: g?.protocolType ?? '',
          protocolData: g?.protocolName ?? '',
          members: [],
          authorizedOperations: -2147483648,
        };
      }),
    };
  },
  [ApiKeys.ListGroups]: (b) => ({
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [...b.groups].map(([groupId, g]) => ({
      groupId,
      protocolType: g.protocolType,
      groupState: 'Stable',
      groupType: 'classic',
    })),
  }),
  [ApiKeys.DeleteGroups]: (b, req) => {
    if (req.apiKey !== ApiKeys.DeleteGroups) return undefined;
    return {
      throttleTimeMs: 0,
      results: req.body.groupsNames.map((groupId) => ({
        groupId,
        errorCode: b.groups.delete(groupId) ? 0 : 69,
      })),
    };
  },
  [ApiKeys.TxnOffsetCommit]: (b, req) => {
    if (req.apiKey !== ApiKeys.TxnOffsetCommit) return undefined;
    return {
      throttleTimeMs: 0,
      topics: req.body.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          b.offsets.set(`${req.body.groupId}/${t.name}/${p.partitionIndex}`, p.committedOffset);
          return { partitionIndex: p.partitionIndex, errorCode: 0 };
        }),
      })),
    };
  },
};
