/**
 * What the group handlers need from the group coordinator of `@rill/log`, stated structurally
 * so that the broker compiles against the coordinator's public methods only.
 */

type Buf = Buffer;

export interface GroupsPort {
  partitionFor(groupId: string): number;
  joinGroup(req: {
    groupId: string;
    memberId: string;
    groupInstanceId?: string | null;
    clientId: string;
    clientHost?: string;
    sessionTimeoutMs: number;
    rebalanceTimeoutMs?: number;
    protocolType: string;
    protocols: readonly { name: string; metadata: Buf }[];
    requireKnownMemberId?: boolean;
    supportSkipAssignment?: boolean;
    reason?: string | null;
  }): Promise<{
    readonly errorCode: number;
    readonly generationId: number;
    readonly protocolType: string | null;
    readonly protocolName: string | null;
    readonly leader: string;
    readonly skipAssignment: boolean;
    readonly memberId: string;
    readonly members: readonly { memberId: string; groupInstanceId: string | null; metadata: Buf }[];
  }>;
  syncGroup(req: {
    groupId: string;
    generationId: number;
    memberId: string;
    groupInstanceId?: string | null;
    protocolType?: string | null;
    protocolName?: string | null;
    assignments: readonly { memberId: string; assignment: Buf }[];
  }): Promise<{
    readonly errorCode: number;
    readonly protocolType: string | null;
    readonly protocolName: string | null;
    readonly assignment: Buf;
  }>;
  heartbeat(req: {
    groupId: string;
    generationId: number;
    memberId: string;
    groupInstanceId?: string | null;
  }): Promise<{ readonly errorCode: number }>;
  leaveGroup(req: {
    groupId: string;
    members: readonly { memberId: string; groupInstanceId?: string | null; reason?: string | null }[];
  }): Promise<{
    readonly errorCode: number;
    readonly members: readonly { memberId: string; groupInstanceId: string | null; errorCode: number }[];
  }>;
  commitOffsets(req: {
    groupId: string;
    generationId?: number;
    memberId?: string;
    groupInstanceId?: string | null;
    topics: readonly {
      name: string;
      partitions: readonly {
        partitionIndex: number;
        committedOffset: number;
        committedLeaderEpoch?: number;
        committedMetadata?: string | null;
      }[];
    }[];
  }): Promise<{
    readonly topics: readonly {
      name: string;
      partitions: readonly { partitionIndex: number; errorCode: number }[];
    }[];
  }>;
  fetchOffsets(req: {
    groupId: string;
    topics: readonly { name: string; partitionIndexes: readonly number[] }[] | null;
    requireStable?: boolean;
  }): Promise<{
    readonly errorCode: number;
    readonly topics: readonly {
      readonly name: string;
      readonly partitions: readonly {
        readonly partitionIndex: number;
        readonly committedOffset: number;
        readonly committedLeaderEpoch?: number;
        readonly metadata: string | null;
        readonly errorCode: number;
      }[];
    }[];
  }>;
  describeGroups(groupIds: readonly string[]): Promise<
    readonly {
      readonly groupId: string;
      readonly errorCode: number;
      readonly groupState: string;
      readonly protocolType: string;
      readonly protocolData: string;
      readonly members: readonly {
        readonly memberId: string;
        readonly groupInstanceId: string | null;
        readonly clientId: string;
        readonly clientHost: string;
        readonly memberMetadata: Buf;
        readonly memberAssignment: Buf;
      }[];
    }[]
  >;
  listGroups(filter?: { statesFilter?: readonly string[]; typesFilter?: readonly string[] }): Promise<{
    errorCode: number;
    groups: readonly { groupId: string; protocolType: string; groupState: string }[];
  }>;
  deleteGroups(groupIds: readonly string[]): Promise<readonly { groupId: string; errorCode: number }[]>;
  close(): Promise<void>;
}
