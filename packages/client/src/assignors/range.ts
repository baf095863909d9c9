/**
 * Kafka's RangeAssignor ("range"): per topic, the members subscribed to it in Kafka's member
 * order get consecutive ranges of partitions; the first `partitions % members` get one extra.
 */
import type { TopicPartition } from '../api/common.js';
import { checkInput, compareMembers, toAssignments } from './internal/members.js';
import type { Assignment, AssignmentInput, GroupMember, PartitionAssignor } from './types.js';

/**
 * Assign as Kafka's range assignor does (without rack awareness: the embedded log has no racks).
 *
 * @example
 * ```ts
 * // topic t with 5 partitions, members a and b: a gets t-0..t-2, b gets t-3, t-4
 * ```
 */
export function rangeAssign(input: AssignmentInput): Map<string, Assignment> {
  checkInput(input);
  const byTopic = new Map<string, GroupMember[]>();
  for (const m of input.members) {
    for (const topic of new Set(m.topics)) {
      if (!input.partitionsPerTopic.has(topic)) continue;
      let list = byTopic.get(topic);
      if (list === undefined) byTopic.set(topic, (list = []));
      list.push(m);
    }
  }
  const lists = new Map<string, TopicPartition[]>();
  for (const m of input.members) lists.set(m.memberId, []);
  for (const [topic, members] of byTopic) {
    members.sort(compareMembers);
    const count = input.partitionsPerTopic.get(topic)!;
    const per = Math.floor(count / members.length);
    const extra = count % members.length;
    for (let i = 0; i < members.length; i++) {
      const start = per * i + Math.min(i, extra);
      const length = per + (i < extra ? 1 : 0);
      const list = lists.get(members[i]!.memberId)!;
      for (let p = start; p < start + length; p++) list.push({ topic, partition: p });
    }
  }
  return toAssignments(input.members, lists);
}

/** Kafka's "range" assignor (eager protocol only, as in Kafka). */
export const rangeAssignor: PartitionAssignor = {
  name: 'range',
  supportedProtocols: ['eager'],
  subscriptionUserData: () => null,
  assign: rangeAssign,
};
