/**
 * The rebalance engine of the classic protocol (Kafka's GroupCoordinator internals): session
 * expiry, preparing a rebalance (with the initial delay for an empty group), completing the join
 * phase, the pending-sync deadline, and propagating the leader's assignment.
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import type { Group } from './group.js';
import { EMPTY, type Member } from './member.js';
import { joinError, syncError } from './results.js';

/**
 * (Re)arm the member's liveness deadline: the session timeout, or Kafka's new-member join
 * timeout for a member whose first join has not completed.
 */
export function scheduleSession(ctx: CoordinatorContext, group: Group, member: Member): void {
  member.cancelSessionTimer();
  const ms = member.isNew ? ctx.config['rill.group.new.member.join.timeout.ms'] : member.sessionTimeoutMs;
  member.sessionTimer = ctx.clock.setTimeout(() => onSessionExpired(ctx, group, member), ms);
}

function onSessionExpired(ctx: CoordinatorContext, group: Group, member: Member): void {
  member.sessionTimer = null;
  if (group.members.get(member.memberId) !== member) return;
  // A known member waiting in JoinGroup or SyncGroup is alive; the rebalance and pending-sync
  // deadlines bound those waits, and their completion re-arms the session.
  if (!member.isNew && (member.isAwaitingJoin || member.isAwaitingSync)) return;
  removeMemberAndUpdateGroup(ctx, group, member);
}

/** Remove a member (expired or leaving) and rebalance the rest. */
export function removeMemberAndUpdateGroup(ctx: CoordinatorContext, group: Group, member: Member): void {
  // A member removed while waiting learns it is unknown, so a live client rejoins from scratch.
  member.completeJoin(joinError('', ERR.UNKNOWN_MEMBER_ID));
  member.completeSync(syncError(ERR.UNKNOWN_MEMBER_ID));
  group.remove(member.memberId);
  switch (group.state) {
    case 'Stable':
    case 'CompletingRebalance':
      prepareRebalance(ctx, group);
      break;
    case 'PreparingRebalance':
      checkJoinComplete(ctx, group);
      break;
    default:
      break;
  }
}

/** Start a rebalance unless one is already preparing (or the group is dead). */
export function maybePrepareRebalance(ctx: CoordinatorContext, group: Group): void {
  if (group.is('Stable') || group.is('CompletingRebalance') || group.is('Empty'))
    prepareRebalance(ctx, group);
}

export function prepareRebalance(ctx: CoordinatorContext, group: Group): void {
  if (group.is('CompletingRebalance'))
    resetAndPropagateAssignmentError(ctx, group, ERR.REBALANCE_IN_PROGRESS);
  group.syncTimer?.cancel();
  group.syncTimer = null;
  group.pendingSyncMembers.clear();
  const initial = group.is('Empty');
  group.transitionTo('PreparingRebalance', ctx.clock.now());
  const delay = ctx.config['group.initial.rebalance.delay.ms'];
  group.joinTimer?.cancel();
  if (initial && delay > 0) {
    // Kafka's InitialDelayedJoin: wait `delay`, and again while members keep arriving, up to
    // the rebalance timeout, so a starting group does not rebalance once per member.
    group.initialDelayActive = true;
    group.newMemberAdded = false;
    armInitialDelay(ctx, group, delay, Math.max(group.rebalanceTimeoutMs() - delay, 0));
  } else {
    group.initialDelayActive = false;
    group.joinTimer = ctx.clock.setTimeout(() => completeJoin(ctx, group), group.rebalanceTimeoutMs());
    checkJoinComplete(ctx, group);
  }
}

function armInitialDelay(ctx: CoordinatorContext, group: Group, delay: number, remaining: number): void {
  group.joinTimer = ctx.clock.setTimeout(() => {
    group.joinTimer = null;
    if (!group.is('PreparingRebalance')) return;
    if (group.newMemberAdded && remaining > 0) {
      group.newMemberAdded = false;
      const next = Math.min(ctx.config['group.initial.rebalance.delay.ms'], remaining);
      armInitialDelay(ctx, group, next, remaining - next);
    } else {
      completeJoin(ctx, group);
    }
  }, delay);
}

/** End the join phase now if every member has rejoined (never during the initial delay). */
export function checkJoinComplete(ctx: CoordinatorContext, group: Group): void {
  if (group.is('PreparingRebalance') && !group.initialDelayActive && group.allMembersJoined())
    completeJoin(ctx, group);
}

/**
 * End the join phase (Kafka's onCompleteJoin): evict members that did not rejoin within the
 * rebalance timeout (`max.poll.interval.ms`), start the next generation, answer every JoinGroup.
 */
export function completeJoin(ctx: CoordinatorContext, group: Group): void {
  if (!group.is('PreparingRebalance')) return;
  group.joinTimer?.cancel();
  group.joinTimer = null;
  group.initialDelayActive = false;
  for (const m of [...group.members.values()]) if (!m.isAwaitingJoin) group.remove(m.memberId);
  group.initNextGeneration(ctx.clock.now());
  if (group.is('Empty')) {
    ctx.store.storeGroup(group).then(undefined, ctx.onBackgroundError);
    return;
  }
  const generation = group.generationId;
  for (const m of group.members.values()) {
    const isLeader = group.isLeader(m.memberId);
    m.isNew = false;
    group.pendingSyncMembers.add(m.memberId);
    m.completeJoin({
      errorCode: ERR.NONE,
      generationId: generation,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      skipAssignment: false,
      memberId: m.memberId,
      members: isLeader ? group.joinMembers() : [],
    });
    scheduleSession(ctx, group, m);
  }
  group.syncTimer = ctx.clock.setTimeout(
    () => onPendingSyncExpired(ctx, group, generation),
    group.rebalanceTimeoutMs(),
  );
}

/** Members that got their JoinGroup response but never sent SyncGroup are evicted. */
function onPendingSyncExpired(ctx: CoordinatorContext, group: Group, generation: number): void {
  group.syncTimer = null;
  if (generation !== group.generationId) return;
  if (!group.is('CompletingRebalance') && !group.is('Stable')) return;
  if (group.pendingSyncMembers.size === 0) return;
  for (const id of [...group.pendingSyncMembers]) {
    const m = group.members.get(id);
    if (m !== undefined) {
      m.completeSync(syncError(ERR.UNKNOWN_MEMBER_ID));
      group.remove(id);
    }
  }
  prepareRebalance(ctx, group);
}

/** Clear assignments and answer waiting SyncGroups with `errorCode`. */
export function resetAndPropagateAssignmentError(
  ctx: CoordinatorContext,
  group: Group,
  errorCode: number,
): void {
  for (const m of group.members.values()) m.assignment = EMPTY;
  propagate(ctx, group, errorCode);
}

/** The leader's assignment is durable: hand it out and become Stable. */
export function setAndPropagateAssignment(
  ctx: CoordinatorContext,
  group: Group,
  assignments: ReadonlyMap<string, Buffer>,
): void {
  for (const m of group.members.values()) m.assignment = assignments.get(m.memberId) ?? EMPTY;
  propagate(ctx, group, ERR.NONE);
  group.transitionTo('Stable', ctx.clock.now());
}

function propagate(ctx: CoordinatorContext, group: Group, errorCode: number): void {
  for (const m of group.members.values()) {
    if (!m.isAwaitingSync) continue;
    m.completeSync({
      errorCode,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      assignment: errorCode === ERR.NONE ? m.assignment : EMPTY,
    });
    // The wait is over: the session applies again from now.
    scheduleSession(ctx, group, m);
  }
}

/**
 * Persist the leader's assignment, then propagate it if the generation is still the one it was
 * computed for; a failed write fails the SyncGroups and starts a new rebalance.
 */
export function storeAssignment(
  ctx: CoordinatorContext,
  group: Group,
  assignments: ReadonlyMap<string, Buffer>,
): void {
  const generation = group.generationId;
  const current = (): boolean => group.is('CompletingRebalance') && group.generationId === generation;
  ctx.store.storeGroup(group, assignments).then(
    () => {
      if (current()) setAndPropagateAssignment(ctx, group, assignments);
    },
    (e: unknown) => {
      if (!current()) return;
      resetAndPropagateAssignmentError(ctx, group, storeErrorCode(e, false));
      maybePrepareRebalance(ctx, group);
    },
  );
}
