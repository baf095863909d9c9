/**
 * Helpers shared by the assignors: Kafka's member order, validation of the input and the
 * partitions a member may get.
 */
import { compareTopicPartitions, type TopicPartition } from '../../api/common.js';
import { ClientError } from '../../errors.js';
import type { Assignment, AssignmentInput, GroupMember } from '../types.js';

/**
 * Kafka's member order (AbstractPartitionAssignor.MemberInfo): static members first, by
 * `group.instance.id`; then dynamic members by member id. Strings compare by UTF-16 code units,
 * as Java's String.compareTo does.
 */
export function compareMembers(a: GroupMember, b: GroupMember): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    if (a.groupInstanceId !== b.groupInstanceId) return a.groupInstanceId < b.groupInstanceId ? -1 : 1;
  } else if (a.groupInstanceId !== null) {
    return -1;
  } else if (b.groupInstanceId !== null) {
    return 1;
  }
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/** Reject inputs no coordinator produces: duplicate member ids, bad partition counts. */
export function checkInput(input: AssignmentInput): void {
  const ids = new Set<string>();
  for (const m of input.members) {
    if (ids.has(m.memberId))
      throw new ClientError('INVALID_ASSIGNMENT', `Member ${m.memberId} appears twice in the group`);
    ids.add(m.memberId);
  }
  for (const [topic, count] of input.partitionsPerTopic) {
    if (!Number.isInteger(count) || count < 0) {
      throw new ClientError('INVALID_ASSIGNMENT', `Topic ${topic} has an invalid partition count ${count}`, {
        resource: topic,
      });
    }
  }
}

/** The subscribed topics of a member that exist, as a set. */
export function existingTopics(
  member: GroupMember,
  partitionsPerTopic: ReadonlyMap<string, number>,
): Set<string> {
  const out = new Set<string>();
  for (const t of member.topics) if (partitionsPerTopic.has(t)) out.add(t);
  return out;
}

/** Wrap per-member partition lists as Assignments (no user data), each sorted by topic and partition. */
export function toAssignments(
  members: readonly GroupMember[],
  lists: ReadonlyMap<string, TopicPartition[]>,
): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  for (const m of members) {
    const partitions = lists.get(m.memberId) ?? [];
    partitions.sort(compareTopicPartitions);
    out.set(m.memberId, { partitions, userData: null });
  }
  return out;
}
