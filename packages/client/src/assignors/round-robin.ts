/**
 * Kafka's RoundRobinAssignor ("roundrobin"): all partitions, sorted by topic then partition, are
 * dealt in turn to the members in Kafka's member order, skipping members not subscribed to the
 * partition's topic.
 */
import type { TopicPartition } from '../api/common.js';
import { checkInput, compareMembers, existingTopics, toAssignments } from './internal/members.js';
import type { Assignment, AssignmentInput, PartitionAssignor } from './types.js';

/**
 * Assign as Kafka's round-robin assignor does.
 *
 * @example
 * ```ts
 * // topics t0, t1 with 3 partitions each, members a and b:
 * // a: t0-0, t0-2, t1-1; b: t0-1, t1-0, t1-2
 * ```
 */
export function roundRobinAssign(input: AssignmentInput): Map<string, Assignment> {
  checkInput(input);
  const members = [...input.members].sort(compareMembers);
  const subscribed = members.map((m) => existingTopics(m, input.partitionsPerTopic));
  const lists = new Map<string, TopicPartition[]>();
  for (const m of members) lists.set(m.memberId, []);
  const topics = new Set<string>();
  for (const s of subscribed) for (const t of s) topics.add(t);
  const sortedTopics = [...topics].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let next = 0;
  for (const topic of sortedTopics) {
    const count = input.partitionsPerTopic.get(topic)!;
    for (let partition = 0; partition < count; partition++) {
      // Some member subscribes to every topic in the list, so this loop ends within one turn.
      while (!subscribed[next]!.has(topic)) next = (next + 1) % members.length;
      lists.get(members[next]!.memberId)!.push({ topic, partition });
      next = (next + 1) % members.length;
    }
  }
  return toAssignments(input.members, lists);
}

/** Kafka's "roundrobin" assignor (eager protocol only, as in Kafka). */
export const roundRobinAssignor: PartitionAssignor = {
  name: 'roundrobin',
  supportedProtocols: ['eager'],
  subscriptionUserData: () => null,
  assign: roundRobinAssign,
};
