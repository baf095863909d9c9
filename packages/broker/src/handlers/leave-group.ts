import type { LeaveGroupRequest, LeaveGroupResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** LeaveGroup: one member (v0-2) or a batch of members (v3+). */
export async function leaveGroup(ctx: RequestContext, req: LeaveGroupRequest): Promise<LeaveGroupResponse> {
  const members =
    ctx.apiVersion >= 3
      ? (req.members ?? []).map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          reason: m.reason ?? null,
        }))
      : [{ memberId: req.memberId ?? '', groupInstanceId: null }];
  const r = await groupsOf(ctx).leaveGroup({ groupId: req.groupId, members });
  if (ctx.apiVersion < 3) {
    // v0-2 report the single member's outcome as the top-level error.
    return { throttleTimeMs: 0, errorCode: r.errorCode !== 0 ? r.errorCode : (r.members[0]?.errorCode ?? 0) };
  }
  return { throttleTimeMs: 0, errorCode: r.errorCode, members: r.members.map((m) => ({ ...m })) };
}
