/**
 * Kafka's CooperativeStickyAssignor ("cooperative-sticky", KIP-429 with the KIP-341 sticky
 * algorithm): balanced, sticky to previous owners, and safe under the cooperative protocol: a
 * partition that changes owner is left out of this assignment (its previous owner revokes it)
 * and assigned in the follow-up rebalance, so no two members ever own it at once.
 */
import type { TopicPartition } from '../api/common.js';
import { tpKey } from '../api/common.js';
import { checkInput, toAssignments } from './internal/members.js';
import { constrainedAssign } from './internal/sticky-constrained.js';
import { generalAssign } from './internal/sticky-general.js';
import { partitionLists, stickyInput } from './internal/sticky-input.js';
import type { Assignment, AssignmentInput, GroupMember, PartitionAssignor } from './types.js';

/**
 * The generation of a member's owned partitions: the subscription's generationId (v2+), else
 * the int32 the cooperative-sticky assignor puts in userData (for members on subscription v0/v1),
 * else -1.
 */
export function cooperativeStickyGeneration(member: GroupMember): number {
  if (member.generationId >= 0) return member.generationId;
  if (member.userData !== null && member.userData.length >= 4) return member.userData.readInt32BE(0);
  return -1;
}

/**
 * The sticky assignment before the cooperative adjustment: every partition of a subscribed,
 * existing topic goes to exactly one subscribed member.
 */
export function stickyAssign(input: AssignmentInput): Map<string, TopicPartition[]> {
  checkInput(input);
  const view = stickyInput(input, cooperativeStickyGeneration);
  const assignment = view.uniform ? constrainedAssign(view) : generalAssign(view);
  return partitionLists(view, assignment);
}

/**
 * Assign as Kafka's cooperative-sticky assignor does: the sticky assignment, minus every
 * partition that would be added to a member while another member still lists it as owned
 * (Kafka's partitionsTransferringOwnership; the same rule the Java leader validates).
 *
 * @example
 * ```ts
 * // a owns t-0, t-1, t-2; b joins: b gets nothing yet, a keeps t-0, t-1 and revokes t-2;
 * // in the follow-up rebalance (a no longer owns t-2) b gets t-2.
 * ```
 */
export function cooperativeStickyAssign(input: AssignmentInput): Map<string, Assignment> {
  const lists = stickyAssign(input);
  const ownedBy = new Map<string, string[]>();
  for (const m of input.members) {
    for (const tp of m.ownedPartitions) {
      const key = tpKey(tp.topic, tp.partition);
      const owners = ownedBy.get(key);
      if (owners === undefined) ownedBy.set(key, [m.memberId]);
      else owners.push(m.memberId);
    }
  }
  for (const [memberId, partitions] of lists) {
    const kept = partitions.filter((tp) => {
      const owners = ownedBy.get(tpKey(tp.topic, tp.partition));
      return owners === undefined || owners.every((o) => o === memberId);
    });
    lists.set(memberId, kept);
  }
  return toAssignments(input.members, lists);
}

/** Kafka's "cooperative-sticky" assignor; it also works under the eager protocol, as in Kafka. */
export const cooperativeStickyAssignor: PartitionAssignor = {
  name: 'cooperative-sticky',
  supportedProtocols: ['cooperative', 'eager'],
  subscriptionUserData: (_topics, context) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(context.generationId, 0);
    return b;
  },
  assign: cooperativeStickyAssign,
};
