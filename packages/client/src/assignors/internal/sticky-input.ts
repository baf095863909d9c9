/**
 * The view of a group the sticky algorithms work on: partitions and members by index, and the
 * previously owned partitions that are still valid (Kafka's AbstractStickyAssignor rules).
 */
import { compareTopicPartitions, tpKey, type TopicPartition } from '../../api/common.js';
import type { AssignmentInput, GroupMember } from '../types.js';
import { existingTopics } from './members.js';

export interface StickyInput {
  /** Members ordered by member id (Kafka's sticky assignors order by member id, not by instance id). */
  readonly members: readonly GroupMember[];
  /** Every partition of every subscribed topic that exists, sorted by topic then partition. */
  readonly partitions: readonly TopicPartition[];
  /** tpKey -> index into `partitions`. */
  readonly index: ReadonlyMap<string, number>;
  /** Per member: the existing topics it subscribes to. */
  readonly subscribed: readonly ReadonlySet<string>[];
  /** Per member: previously owned partitions it keeps a claim to, ascending. */
  readonly owned: readonly number[][];
  /** Partitions claimed by two members of the newest generation: nobody keeps them. */
  readonly contested: ReadonlySet<number>;
  /** True when every member subscribes to the same existing topics. */
  readonly uniform: boolean;
}

/**
 * Build the sticky view. `generationOf` gives a member's generation (-1 if unknown). Owned
 * partitions count only for members of the newest generation present (an older claim is stale:
 * the partition may have moved since), only if the member still subscribes to the topic and the
 * partition still exists, and only if no other member of that generation claims it too.
 */
export function stickyInput(input: AssignmentInput, generationOf: (m: GroupMember) => number): StickyInput {
  const members = [...input.members].sort((a, b) =>
    a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0,
  );
  const subscribed = members.map((m) => existingTopics(m, input.partitionsPerTopic));
  const topics = new Set<string>();
  for (const s of subscribed) for (const t of s) topics.add(t);
  const partitions: TopicPartition[] = [];
  for (const topic of [...topics].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const count = input.partitionsPerTopic.get(topic)!;
    for (let partition = 0; partition < count; partition++) partitions.push({ topic, partition });
  }
  const index = new Map<string, number>();
  partitions.forEach((tp, i) => index.set(tpKey(tp.topic, tp.partition), i));

  let maxGeneration = -1;
  for (const m of members) maxGeneration = Math.max(maxGeneration, generationOf(m));
  const claimedBy = new Map<number, number>();
  const contested = new Set<number>();
  const owned: number[][] = members.map(() => []);
  members.forEach((m, mi) => {
    if (generationOf(m) !== maxGeneration) return;
    for (const tp of m.ownedPartitions) {
      if (!subscribed[mi]!.has(tp.topic)) continue;
      const p = index.get(tpKey(tp.topic, tp.partition));
      if (p === undefined || contested.has(p)) continue;
      const other = claimedBy.get(p);
      if (other === mi) continue;
      if (other !== undefined) {
        contested.add(p);
        continue;
      }
      claimedBy.set(p, mi);
      owned[mi]!.push(p);
    }
  });
  for (const list of owned) {
    const kept = list.filter((p) => !contested.has(p)).sort((a, b) => a - b);
    list.length = 0;
    list.push(...kept);
  }
  const first = subscribed[0];
  const uniform = subscribed.every((s) => s.size === first!.size && [...s].every((t) => first!.has(t)));
  return { members, partitions, index, subscribed, owned, contested, uniform };
}

/** Sorted partition lists per member id from index lists. */
export function partitionLists(
  input: StickyInput,
  assignment: readonly number[][],
): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  input.members.forEach((m, mi) => {
    out.set(m.memberId, assignment[mi]!.map((p) => input.partitions[p]!).sort(compareTopicPartitions));
  });
  return out;
}
