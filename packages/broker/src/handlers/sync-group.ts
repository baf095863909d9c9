import type { SyncGroupRequest, SyncGroupResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** SyncGroup: the leader's assignments are stored; every member gets its own. */
export async function syncGroup(ctx: RequestContext, req: SyncGroupRequest): Promise<SyncGroupResponse> {
  const r = await groupsOf(ctx).syncGroup({
    groupId: req.groupId,
    generationId: req.generationId,
    memberId: req.memberId,
    groupInstanceId: req.groupInstanceId ?? null,
    protocolType: req.protocolType ?? null,
    protocolName: req.protocolName ?? null,
    assignments: req.assignments,
  });
  return {
    throttleTimeMs: 0,
    errorCode: r.errorCode,
    protocolType: r.protocolType,
    protocolName: r.protocolName,
    assignment: r.assignment,
  };
}
