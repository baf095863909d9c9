/**
 * Types of partition assignment: what a group member subscribes with, what the leader's assignor
 * gets, and what it returns. They mirror Kafka's ConsumerPartitionAssignor so that the group
 * leader here computes the same assignments a Java leader would.
 */
import type { TopicPartition } from '../api/common.js';

/** Kafka's rebalance protocols: eager revokes everything first; cooperative only what moves (KIP-429). */
export type RebalanceProtocol = 'eager' | 'cooperative';

/** A member's subscription as carried in ConsumerProtocolSubscription (v0..v3). */
export interface Subscription {
  /** Topic names the member subscribes to (a pattern is resolved to names before joining). */
  readonly topics: readonly string[];
  /** Assignor-specific bytes (cooperative-sticky: the generation as int32). */
  readonly userData: Buffer | null;
  /** Partitions the member owns now (v1+; [] before, and always [] under the eager protocol). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** The generation in which `ownedPartitions` were assigned (v2+); -1 if unknown. */
  readonly generationId: number;
  /** The member's `client.rack` (v3+, KIP-881); null if unset. */
  readonly rackId: string | null;
}

/** A group member as the leader's assignor sees it. */
export interface GroupMember extends Subscription {
  readonly memberId: string;
  /** `group.instance.id` of a static member (KIP-345), else null. */
  readonly groupInstanceId: string | null;
}

/** The input of an assignment: all members and the partition count of each subscribed topic. */
export interface AssignmentInput {
  readonly members: readonly GroupMember[];
  /**
   * Partition count of every topic any member subscribes to and that exists. Subscribed topics
   * missing here (not created yet) are skipped, as Kafka's assignors skip unknown topics.
   */
  readonly partitionsPerTopic: ReadonlyMap<string, number>;
}

/** What a member receives in SyncGroup (ConsumerProtocolAssignment). */
export interface Assignment {
  readonly partitions: readonly TopicPartition[];
  readonly userData: Buffer | null;
}

/** Context an assignor gets when asked for its subscription user data. */
export interface SubscriptionContext {
  /** The member's last generation, -1 before the first. */
  readonly generationId: number;
  readonly ownedPartitions: readonly TopicPartition[];
}

/**
 * A partition assignor (Kafka's ConsumerPartitionAssignor). `assign` is a pure function of its
 * input: the same members and partition counts always give the same assignment.
 *
 * @example
 * ```ts
 * const result = rangeAssignor.assign({
 *   members: [member('a', ['t']), member('b', ['t'])],
 *   partitionsPerTopic: new Map([['t', 3]]),
 * });
 * result.get('a')?.partitions; // t-0, t-1
 * ```
 */
export interface PartitionAssignor {
  /** The protocol name in JoinGroup, as Kafka's: 'range', 'roundrobin', 'cooperative-sticky'. */
  readonly name: string;
  /** Protocols this assignor supports, in order of preference (Kafka's supportedProtocols()). */
  readonly supportedProtocols: readonly RebalanceProtocol[];
  /** Bytes to put in the subscription's userData; null if none. */
  subscriptionUserData(topics: readonly string[], context: SubscriptionContext): Buffer | null;
  /**
   * Compute every member's assignment; the map has an entry for each member (possibly empty).
   * @throws ClientError INVALID_ASSIGNMENT if the input is inconsistent (duplicate member ids).
   */
  assign(input: AssignmentInput): Map<string, Assignment>;
}
