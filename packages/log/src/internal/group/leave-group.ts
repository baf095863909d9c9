/**
 * LeaveGroup v3+ (Kafka's handleLeaveGroup): a batch of members leave, each identified by member
 * id, or (static members, KIP-345) by group.instance.id alone.
 */
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type { Group } from './group.js';
import type { LeaveGroupRequest, LeaveGroupResult, LeavingMember } from './group-types.js';
import { checkJoinComplete, removeMemberAndUpdateGroup } from './rebalance.js';

export function leaveGroup(ctx: CoordinatorContext, req: LeaveGroupRequest): LeaveGroupResult {
  const group = ctx.groups.get(req.groupId);
  const answer = (m: LeavingMember, errorCode: number) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId ?? null,
    errorCode,
  });
  if (group === undefined) {
    return { errorCode: ERR.NONE, members: req.members.map((m) => answer(m, ERR.UNKNOWN_MEMBER_ID)) };
  }
  if (group.is('Dead')) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, members: [] };
  return { errorCode: ERR.NONE, members: req.members.map((m) => answer(m, leaveOne(ctx, group, m))) };
}

function leaveOne(ctx: CoordinatorContext, group: Group, m: LeavingMember): number {
  let memberId = m.memberId;
  if (m.groupInstanceId != null) {
    const current = group.staticMemberId(m.groupInstanceId);
    if (current === undefined) return ERR.UNKNOWN_MEMBER_ID;
    if (memberId !== '' && memberId !== current) return ERR.FENCED_INSTANCE_ID;
    memberId = current;
  } else if (memberId === '') {
    return ERR.UNKNOWN_MEMBER_ID;
  }
  const pending = group.pendingMembers.get(memberId);
  if (pending !== undefined) {
    pending.cancel();
    group.pendingMembers.delete(memberId);
    checkJoinComplete(ctx, group);
    return ERR.NONE;
  }
  const member = group.members.get(memberId);
  if (member === undefined) return ERR.UNKNOWN_MEMBER_ID;
  removeMemberAndUpdateGroup(ctx, group, member);
  return ERR.NONE;
}
