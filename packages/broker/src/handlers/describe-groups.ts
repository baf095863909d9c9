import type { DescribeGroupsRequest, DescribeGroupsResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** DescribeGroups: state, protocol and members (with assignments when Stable). */
export async function describeGroups(
  ctx: RequestContext,
  req: DescribeGroupsRequest,
): Promise<DescribeGroupsResponse> {
  const described = await groupsOf(ctx).describeGroups(req.groups);
  return {
    throttleTimeMs: 0,
    groups: described.map((g) => ({
      errorCode: g.errorCode,
      groupId: g.groupId,
      groupState: g.groupState,
      protocolType: g.protocolType,
      protocolData: g.protocolData,
      members: g.members.map((m) => ({ ...m })),
    })),
  };
}
