/**
 * Result and option shapes of the coordinator's admin operations: describe, list and delete
 * groups, reset offsets, lag.
 */
import type { GroupStateName } from './group-types.js';

/** DescribeGroups member entry; metadata and assignment are empty unless the group is Stable. */
export interface DescribedMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly memberMetadata: Buffer;
  readonly memberAssignment: Buffer;
}

/** DescribeGroups entry. An unknown group is described as Dead with no error, as Kafka does. */
export interface GroupDescription {
  readonly groupId: string;
  readonly errorCode: number;
  readonly groupState: GroupStateName;
  readonly protocolType: string;
  /** The selected protocol when Stable, else ''. */
  readonly protocolData: string;
  readonly members: readonly DescribedMember[];
}

/** ListGroups entry. */
export interface GroupListing {
  readonly groupId: string;
  readonly protocolType: string;
  readonly groupState: GroupStateName;
}

export interface ListGroupsFilter {
  /** KIP-518: only groups in these states (empty or absent: all). */
  readonly statesFilter?: readonly GroupStateName[];
  /** Only groups of these protocol types (empty or absent: all). */
  readonly typesFilter?: readonly string[];
}

export interface DeleteGroupResult {
  readonly groupId: string;
  readonly errorCode: number;
}

/** Where to move a group's offsets (the kafka-consumer-groups `--reset-offsets` choices). */
export type OffsetResetSpec =
  | { readonly type: 'earliest' }
  | { readonly type: 'latest' }
  | { readonly type: 'timestamp'; readonly timestamp: number }
  | { readonly type: 'offset'; readonly offset: number };

export interface ResetOffsetsRequest {
  readonly groupId: string;
  readonly topic: string;
  /** Default every partition of the topic. */
  readonly partitions?: readonly number[];
  readonly spec: OffsetResetSpec;
  /** Compute but do not commit (`--dry-run`). */
  readonly dryRun?: boolean;
}

export interface ResetOffsetsResult {
  readonly errorCode: number;
  readonly partitions: readonly { partition: number; offset: number; errorCode: number }[];
}

/** Lag of one partition with a committed offset. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly committedOffset: number;
  /** High watermark, or the last stable offset under read_committed. */
  readonly endOffset: number;
  readonly lag: number;
}

export interface LagOptions {
  /** read_committed: measure against `lastStableOffset(topic, partition)` instead of the high watermark. */
  readonly isolationLevel?: 'read_uncommitted' | 'read_committed';
  readonly lastStableOffset?: (topic: string, partition: number) => number;
  /** Only these topics. */
  readonly topics?: readonly string[];
}
