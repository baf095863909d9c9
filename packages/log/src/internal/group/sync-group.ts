/**
 * SyncGroup (Kafka's handleSyncGroup): the leader hands in the assignment, which is persisted and
 * then given to every member; followers wait for it. In a Stable group a member simply gets its
 * current assignment back (this is how a static member that rejoined keeps its partitions).
 */
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type { SyncGroupRequest, SyncGroupResult } from './group-types.js';
import type { Member } from './member.js';
import { scheduleSession, storeAssignment } from './rebalance.js';
import { syncError } from './results.js';

export function syncGroup(ctx: CoordinatorContext, req: SyncGroupRequest): Promise<SyncGroupResult> {
  return new Promise<SyncGroupResult>((resolve) => {
    const group = ctx.groups.get(req.groupId);
    if (group === undefined) return resolve(syncError(ERR.UNKNOWN_MEMBER_ID));
    if (group.is('Dead')) return resolve(syncError(ERR.COORDINATOR_NOT_AVAILABLE));
    if (group.isStaticMemberFenced(req.memberId, req.groupInstanceId))
      return resolve(syncError(ERR.FENCED_INSTANCE_ID));
    const member = group.members.get(req.memberId);
    if (member === undefined) return resolve(syncError(ERR.UNKNOWN_MEMBER_ID));
    if (req.generationId !== group.generationId) return resolve(syncError(ERR.ILLEGAL_GENERATION));
    if (
      (req.protocolType != null && req.protocolType !== group.protocolType) ||
      (req.protocolName != null && req.protocolName !== group.protocolName)
    ) {
      return resolve(syncError(ERR.INCONSISTENT_GROUP_PROTOCOL));
    }
    switch (group.state) {
      case 'Empty':
        return resolve(syncError(ERR.UNKNOWN_MEMBER_ID));
      case 'PreparingRebalance':
        return resolve(syncError(ERR.REBALANCE_IN_PROGRESS));
      case 'CompletingRebalance': {
        addSyncWaiter(member, resolve);
        group.pendingSyncMembers.delete(member.memberId);
        if (group.isLeader(member.memberId)) {
          const assignments = new Map<string, Buffer>();
          // Assignments for ids outside the generation are ignored; members the leader left out get nothing.
          for (const a of req.assignments)
            if (group.has(a.memberId)) assignments.set(a.memberId, a.assignment);
          storeAssignment(ctx, group, assignments);
        }
        return;
      }
      default:
        group.pendingSyncMembers.delete(member.memberId);
        scheduleSession(ctx, group, member);
        return resolve({
          errorCode: ERR.NONE,
          protocolType: group.protocolType,
          protocolName: group.protocolName,
          assignment: member.assignment,
        });
    }
  });
}

function addSyncWaiter(member: Member, resolve: (r: SyncGroupResult) => void): void {
  const previous = member.syncWaiter;
  member.syncWaiter = previous === null ? resolve : (r) => (previous(r), resolve(r));
}
