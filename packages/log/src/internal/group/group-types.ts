/**
 * Request and result shapes of the group coordinator. They mirror Kafka's JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup, OffsetCommit and OffsetFetch messages (minus wire-only fields), so the
 * broker can copy them onto the wire; every result carries Kafka's numeric `errorCode`.
 */

/** Kafka's classic group states, named as DescribeGroups and ListGroups report them. */
export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** One protocol a member supports (e.g. an assignor name and its subscription bytes). */
export interface GroupProtocol {
  readonly name: string;
  readonly metadata: Buffer;
}

/** JoinGroup. */
export interface JoinGroupRequest {
  readonly groupId: string;
  /** '' on the first join. */
  readonly memberId: string;
  /** Static membership (KIP-345). */
  readonly groupInstanceId?: string | null;
  readonly clientId: string;
  readonly clientHost?: string;
  readonly sessionTimeoutMs: number;
  /** `max.poll.interval.ms` for Java consumers; default the session timeout (JoinGroup v0). */
  readonly rebalanceTimeoutMs?: number;
  readonly protocolType: string;
  readonly protocols: readonly GroupProtocol[];
  /** JoinGroup v4+ (KIP-394): a new dynamic member first gets MEMBER_ID_REQUIRED and its id. */
  readonly requireKnownMemberId?: boolean;
  /** JoinGroup v9+ (KIP-814): a replaced static leader gets the members and `skipAssignment`. */
  readonly supportSkipAssignment?: boolean;
  readonly reason?: string | null;
}

/** A member as the leader sees it in its JoinGroup response. */
export interface JoinGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly metadata: Buffer;
}

/** JoinGroup response fields. */
export interface JoinGroupResult {
  readonly errorCode: number;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leader: string;
  readonly skipAssignment: boolean;
  readonly memberId: string;
  /** Non-empty only for the leader. */
  readonly members: readonly JoinGroupMember[];
}

export interface SyncGroupAssignment {
  readonly memberId: string;
  readonly assignment: Buffer;
}

/** SyncGroup. Only the leader's `assignments` are used. */
export interface SyncGroupRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
  readonly protocolType?: string | null;
  readonly protocolName?: string | null;
  readonly assignments: readonly SyncGroupAssignment[];
}

export interface SyncGroupResult {
  readonly errorCode: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly assignment: Buffer;
}

export interface HeartbeatRequest {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
}

export interface HeartbeatResult {
  readonly errorCode: number;
}

/** One leaving member; a static member may leave by instance id alone (memberId ''). */
export interface LeavingMember {
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
  readonly reason?: string | null;
}

/** LeaveGroup v3+ (a batch of members). */
export interface LeaveGroupRequest {
  readonly groupId: string;
  readonly members: readonly LeavingMember[];
}

export interface LeaveGroupResult {
  readonly errorCode: number;
  readonly members: readonly { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

/** A partition's offset to commit. */
export interface OffsetCommitPartition {
  readonly partitionIndex: number;
  readonly committedOffset: number;
  /** Default -1. */
  readonly committedLeaderEpoch?: number;
  /** Default ''. */
  readonly committedMetadata?: string | null;
}

export interface OffsetCommitTopic {
  readonly name: string;
  readonly partitions: readonly OffsetCommitPartition[];
}

/** OffsetCommit. Generation -1 and member '' is a "simple" commit for a group without members. */
export interface OffsetCommitRequest {
  readonly groupId: string;
  readonly generationId?: number;
  readonly memberId?: string;
  readonly groupInstanceId?: string | null;
  readonly topics: readonly OffsetCommitTopic[];
}

export interface OffsetCommitResult {
  readonly topics: readonly {
    name: string;
    partitions: readonly { partitionIndex: number; errorCode: number }[];
  }[];
}

/** OffsetFetch; `topics: null` fetches every committed offset of the group. */
export interface OffsetFetchRequest {
  readonly groupId: string;
  readonly topics: readonly { name: string; partitionIndexes: readonly number[] }[] | null;
  /** KIP-447: answer UNSTABLE_OFFSET_COMMIT for partitions with a pending transactional commit. */
  readonly requireStable?: boolean;
}

export interface OffsetFetchPartition {
  readonly partitionIndex: number;
  /** -1 when nothing is committed. */
  readonly committedOffset: number;
  readonly committedLeaderEpoch: number;
  readonly metadata: string | null;
  readonly errorCode: number;
}

export interface OffsetFetchResult {
  readonly errorCode: number;
  readonly topics: readonly { name: string; partitions: readonly OffsetFetchPartition[] }[];
}
