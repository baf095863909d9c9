/**
 * The cooperative protocol's rule (KIP-429), as Kafka's group leader checks it: within one
 * assignment, no partition may be added to a member while another member, which still owns it,
 * has to revoke it. A leader running a custom assignor validates its result with this.
 */
import { tpKey, tpName, type TopicPartition } from '../api/common.js';
import { ClientError } from '../errors.js';
import type { Assignment, GroupMember } from './types.js';

/** Partitions in `after` that are not in `before` (order of `after`). */
export function addedPartitions(
  before: readonly TopicPartition[],
  after: readonly TopicPartition[],
): TopicPartition[] {
  const had = new Set(before.map((tp) => tpKey(tp.topic, tp.partition)));
  return after.filter((tp) => !had.has(tpKey(tp.topic, tp.partition)));
}

/** Partitions in `before` that are not in `after` (order of `before`). */
export function revokedPartitions(
  before: readonly TopicPartition[],
  after: readonly TopicPartition[],
): TopicPartition[] {
  return addedPartitions(after, before);
}

/**
 * Check an assignment against the cooperative rule (Java's validateCooperativeAssignment).
 * @throws ClientError INVALID_ASSIGNMENT naming the first partition that is added to one member
 *   while revoked from another in the same assignment.
 */
export function validateCooperativeAssignment(
  members: readonly GroupMember[],
  assignments: ReadonlyMap<string, Assignment>,
): void {
  const revoked = new Set<string>();
  for (const m of members) {
    const assigned = assignments.get(m.memberId)?.partitions ?? [];
    for (const tp of revokedPartitions(m.ownedPartitions, assigned))
      revoked.add(tpKey(tp.topic, tp.partition));
  }
  for (const m of members) {
    const assigned = assignments.get(m.memberId)?.partitions ?? [];
    for (const tp of addedPartitions(m.ownedPartitions, assigned)) {
      if (revoked.has(tpKey(tp.topic, tp.partition))) {
        throw new ClientError(
          'INVALID_ASSIGNMENT',
          `Partition ${tpName(tp)} is assigned to ${m.memberId} in the same rebalance in which its owner revokes it`,
          { resource: tpName(tp) },
        );
      }
    }
  }
}
