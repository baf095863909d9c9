import type { JoinGroupRequest, JoinGroupResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** JoinGroup: resolves when the group's join phase ends (a long-running request). */
export async function joinGroup(ctx: RequestContext, req: JoinGroupRequest): Promise<JoinGroupResponse> {
  const v = ctx.apiVersion;
  const r = await groupsOf(ctx).joinGroup({
    groupId: req.groupId,
    memberId: req.memberId,
    groupInstanceId: req.groupInstanceId ?? null,
    clientId: ctx.header.clientId ?? '',
    clientHost: `/${ctx.clientHost}`,
    sessionTimeoutMs: req.sessionTimeoutMs,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs ?? req.sessionTimeoutMs,
    protocolType: req.protocolType,
    protocols: req.protocols,
    requireKnownMemberId: v >= 4,
    supportSkipAssignment: v >= 9,
    reason: req.reason ?? null,
  });
  const res: JoinGroupResponse = {
    throttleTimeMs: 0,
    errorCode: r.errorCode,
    generationId: r.generationId,
    protocolType: r.protocolType,
    protocolName: v < 7 ? (r.protocolName ?? '') : r.protocolName,
    leader: r.leader,
    memberId: r.memberId,
    members: r.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadata,
    })),
  };
  if (v >= 9) res.skipAssignment = r.skipAssignment;
  return res;
}
