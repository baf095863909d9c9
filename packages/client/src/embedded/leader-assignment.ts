/**
 * What the group leader does between JoinGroup and SyncGroup, as a Kafka consumer leader does:
 * decode every member's subscription, run the chosen assignor over the partition counts of the
 * subscribed topics, check the cooperative rule, and encode each member's assignment.
 */
import type { JoinGroupMember, LogEngine, SyncGroupAssignment } from '@rill/log';
import { decodeSubscription, encodeAssignment } from '../assignors/consumer-protocol.js';
import { validateCooperativeAssignment } from '../assignors/cooperative-rules.js';
import type { GroupMember, PartitionAssignor, RebalanceProtocol } from '../assignors/types.js';
import { ClientError } from '../errors.js';

export interface LeaderAssignment {
  readonly assignments: SyncGroupAssignment[];
  /** Partition count of every topic any member subscribes to (0 if missing), to notice changes. */
  readonly snapshot: ReadonlyMap<string, number>;
}

/** Partition counts of `topics` now; 0 for a topic that does not exist. */
export function partitionCounts(engine: LogEngine, topics: Iterable<string>): Map<string, number> {
  const existing = new Set(engine.listTopics());
  const out = new Map<string, number>();
  for (const t of topics) out.set(t, existing.has(t) ? engine.describeTopic(t).partitions : 0);
  return out;
}

/**
 * @throws ClientError INCONSISTENT_GROUP_PROTOCOL (the chosen protocol is not one of ours),
 *   MALFORMED_CONSUMER_PROTOCOL, INVALID_ASSIGNMENT (the cooperative rule is broken).
 */
export function computeAssignment(
  engine: LogEngine,
  assignors: readonly PartitionAssignor[],
  protocol: RebalanceProtocol,
  protocolName: string,
  joinMembers: readonly JoinGroupMember[],
): LeaderAssignment {
  const assignor = assignors.find((a) => a.name === protocolName);
  if (assignor === undefined)
    throw new ClientError(
      'INCONSISTENT_GROUP_PROTOCOL',
      `The group chose assignor '${protocolName}', which this member does not have`,
    );
  const members: GroupMember[] = joinMembers.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    ...decodeSubscription(m.metadata),
  }));
  const topics = new Set<string>();
  for (const m of members) for (const t of m.topics) topics.add(t);
  const snapshot = partitionCounts(engine, topics);
  const partitionsPerTopic = new Map([...snapshot].filter(([, n]) => n > 0));
  const result = assignor.assign({ members, partitionsPerTopic });
  if (protocol === 'cooperative') validateCooperativeAssignment(members, result);
  const assignments = members.map((m) => ({
    memberId: m.memberId,
    assignment: encodeAssignment(result.get(m.memberId) ?? { partitions: [], userData: null }),
  }));
  return { assignments, snapshot };
}
