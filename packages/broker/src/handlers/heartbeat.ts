import type { HeartbeatRequest, HeartbeatResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** Heartbeat: keeps the member's session; REBALANCE_IN_PROGRESS tells it to rejoin. */
export async function heartbeat(ctx: RequestContext, req: HeartbeatRequest): Promise<HeartbeatResponse> {
  const r = await groupsOf(ctx).heartbeat({
    groupId: req.groupId,
    generationId: req.generationId,
    memberId: req.memberId,
    groupInstanceId: req.groupInstanceId ?? null,
  });
  return { throttleTimeMs: 0, errorCode: r.errorCode };
}
