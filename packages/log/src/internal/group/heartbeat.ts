/**
 * Heartbeat (Kafka's handleHeartbeat): keeps a member's session alive and tells it when to rejoin
 * (REBALANCE_IN_PROGRESS).
 */
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type { HeartbeatRequest, HeartbeatResult } from './group-types.js';
import { scheduleSession } from './rebalance.js';

export function heartbeat(ctx: CoordinatorContext, req: HeartbeatRequest): HeartbeatResult {
  const group = ctx.groups.get(req.groupId);
  if (group === undefined) return { errorCode: ERR.UNKNOWN_MEMBER_ID };
  if (group.is('Dead')) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE };
  if (group.isStaticMemberFenced(req.memberId, req.groupInstanceId))
    return { errorCode: ERR.FENCED_INSTANCE_ID };
  const member = group.members.get(req.memberId);
  if (member === undefined) return { errorCode: ERR.UNKNOWN_MEMBER_ID };
  if (req.generationId !== group.generationId) return { errorCode: ERR.ILLEGAL_GENERATION };
  switch (group.state) {
    case 'Empty':
      return { errorCode: ERR.UNKNOWN_MEMBER_ID };
    case 'PreparingRebalance':
      scheduleSession(ctx, group, member);
      return { errorCode: ERR.REBALANCE_IN_PROGRESS };
    default:
      // CompletingRebalance included: a member may heartbeat between its JoinGroup and SyncGroup.
      scheduleSession(ctx, group, member);
      return { errorCode: ERR.NONE };
  }
}
