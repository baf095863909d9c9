/**
 * JoinGroup (Kafka's handleJoinGroup): new dynamic members (with KIP-394's MEMBER_ID_REQUIRED
 * round trip when asked), static members (KIP-345: a rejoin under the same group.instance.id
 * takes over the slot and fences the old member id), and known members rejoining.
 */
import { randomUUID } from 'node:crypto';
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import { Group } from './group.js';
import type { JoinGroupRequest, JoinGroupResult } from './group-types.js';
import { Member } from './member.js';
import { checkJoinComplete, maybePrepareRebalance, prepareRebalance, scheduleSession } from './rebalance.js';
import { joinError, syncError } from './results.js';

type Resolve = (r: JoinGroupResult) => void;

export function joinGroup(ctx: CoordinatorContext, req: JoinGroupRequest): Promise<JoinGroupResult> {
  return new Promise<JoinGroupResult>((resolve) => {
    const error = validate(ctx, req);
    if (error !== ERR.NONE) return resolve(joinError(req.memberId, error));
    let group = ctx.groups.get(req.groupId);
    if (group === undefined) {
      if (req.memberId !== '') return resolve(joinError(req.memberId, ERR.UNKNOWN_MEMBER_ID));
      group = new Group(req.groupId, ctx.clock.now());
      ctx.groups.set(req.groupId, group);
    }
    // A Dead group was just deleted or expired: the client retries and finds a fresh one.
    if (group.is('Dead')) return resolve(joinError(req.memberId, ERR.COORDINATOR_NOT_AVAILABLE));
    if (!acceptJoiningMember(ctx, group, req.memberId)) {
      return resolve(joinError(req.memberId, ERR.GROUP_MAX_SIZE_REACHED));
    }
    if (!group.supportsProtocols(req.protocolType, req.protocols)) {
      return resolve(joinError(req.memberId, ERR.INCONSISTENT_GROUP_PROTOCOL));
    }
    if (req.memberId === '') joinNewMember(ctx, group, req, resolve);
    else joinKnownMember(ctx, group, req, resolve);
    checkJoinComplete(ctx, group);
  });
}

function validate(ctx: CoordinatorContext, req: JoinGroupRequest): number {
  if (req.groupId === '') return ERR.INVALID_GROUP_ID;
  const s = req.sessionTimeoutMs;
  if (
    !Number.isInteger(s) ||
    s < ctx.config['group.min.session.timeout.ms'] ||
    s > ctx.config['group.max.session.timeout.ms']
  ) {
    return ERR.INVALID_SESSION_TIMEOUT;
  }
  const r = req.rebalanceTimeoutMs;
  if (r !== undefined && r !== -1 && (!Number.isInteger(r) || r < 0)) return ERR.INVALID_REQUEST;
  if (req.groupInstanceId === '') return ERR.INVALID_REQUEST;
  return ERR.NONE;
}

/** Kafka's group.max.size check: members already counted are always let back in. */
function acceptJoiningMember(ctx: CoordinatorContext, group: Group, memberId: string): boolean {
  const max = ctx.config['group.max.size'];
  switch (group.state) {
    case 'Empty':
    case 'Dead':
      return true;
    case 'PreparingRebalance': {
      const m = group.members.get(memberId);
      if (m?.isAwaitingJoin === true) return true;
      let awaiting = 0;
      for (const x of group.members.values()) if (x.isAwaitingJoin) awaiting++;
      return awaiting < max;
    }
    default:
      return group.has(memberId) || group.size < max;
  }
}

function joinNewMember(ctx: CoordinatorContext, group: Group, req: JoinGroupRequest, resolve: Resolve): void {
  const memberId = `${req.clientId}-${randomUUID()}`;
  if (req.groupInstanceId != null) {
    const oldId = group.staticMemberId(req.groupInstanceId);
    if (oldId === undefined) addMemberAndRebalance(ctx, group, memberId, req, resolve);
    else replaceStaticMember(ctx, group, oldId, memberId, req, resolve);
  } else if (req.requireKnownMemberId === true) {
    // KIP-394: remember the id; the member must come back with it within its session timeout.
    const timer = ctx.clock.setTimeout(() => {
      if (group.pendingMembers.delete(memberId)) checkJoinComplete(ctx, group);
    }, req.sessionTimeoutMs);
    group.pendingMembers.set(memberId, timer);
    resolve(joinError(memberId, ERR.MEMBER_ID_REQUIRED));
  } else {
    addMemberAndRebalance(ctx, group, memberId, req, resolve);
  }
}

function joinKnownMember(
  ctx: CoordinatorContext,
  group: Group,
  req: JoinGroupRequest,
  resolve: Resolve,
): void {
  const { memberId } = req;
  if (group.pendingMembers.has(memberId)) {
    if (req.groupInstanceId != null) return resolve(joinError(memberId, ERR.UNKNOWN_MEMBER_ID));
    return addMemberAndRebalance(ctx, group, memberId, req, resolve);
  }
  if (group.isStaticMemberFenced(memberId, req.groupInstanceId))
    return resolve(joinError(memberId, ERR.FENCED_INSTANCE_ID));
  const member = group.members.get(memberId);
  const instanceUnknown =
    req.groupInstanceId != null && group.staticMemberId(req.groupInstanceId) === undefined;
  if (member === undefined || instanceUnknown) return resolve(joinError(memberId, ERR.UNKNOWN_MEMBER_ID));
  switch (group.state) {
    case 'PreparingRebalance':
      return updateMemberAndRebalance(ctx, group, member, req, resolve);
    case 'CompletingRebalance':
      // Same metadata: the member probably lost our response; answer it again.
      if (member.matches(req.protocols)) return resolve(currentGeneration(group, member));
      return updateMemberAndRebalance(ctx, group, member, req, resolve);
    case 'Stable':
      // The leader may rejoin to force a rebalance (e.g. topic metadata changed); a follower
      // rejoining with changed metadata (cooperative: owned partitions) also rebalances.
      if (group.isLeader(memberId) || !member.matches(req.protocols)) {
        return updateMemberAndRebalance(ctx, group, member, req, resolve);
      }
      return resolve(currentGeneration(group, member));
    default:
      return resolve(joinError(memberId, ERR.UNKNOWN_MEMBER_ID));
  }
}

function currentGeneration(group: Group, member: Member): JoinGroupResult {
  return {
    errorCode: ERR.NONE,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leader: group.leaderId ?? '',
    skipAssignment: false,
    memberId: member.memberId,
    members: group.isLeader(member.memberId) ? group.joinMembers() : [],
  };
}

function addMemberAndRebalance(
  ctx: CoordinatorContext,
  group: Group,
  memberId: string,
  req: JoinGroupRequest,
  resolve: Resolve,
): void {
  const member = new Member(
    memberId,
    req.groupInstanceId ?? null,
    req.clientId,
    req.clientHost ?? '',
    rebalanceTimeoutOf(req),
    req.sessionTimeoutMs,
    req.protocolType,
    req.protocols,
  );
  member.isNew = true;
  member.joinWaiter = resolve;
  if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
  group.add(member);
  group.pendingMembers.get(memberId)?.cancel();
  group.pendingMembers.delete(memberId);
  scheduleSession(ctx, group, member);
  maybePrepareRebalance(ctx, group);
}

function updateMemberAndRebalance(
  ctx: CoordinatorContext,
  group: Group,
  member: Member,
  req: JoinGroupRequest,
  resolve: Resolve,
): void {
  updateMember(member, req);
  addJoinWaiter(member, resolve);
  maybePrepareRebalance(ctx, group);
}

function updateMember(member: Member, req: JoinGroupRequest): void {
  member.protocols = req.protocols;
  member.protocolType = req.protocolType;
  member.clientId = req.clientId;
  member.clientHost = req.clientHost ?? member.clientHost;
  member.sessionTimeoutMs = req.sessionTimeoutMs;
  member.rebalanceTimeoutMs = rebalanceTimeoutOf(req);
}

/** A retried JoinGroup shares the pending one's answer instead of orphaning it. */
function addJoinWaiter(member: Member, resolve: Resolve): void {
  const previous = member.joinWaiter;
  member.joinWaiter = previous === null ? resolve : (r) => (previous(r), resolve(r));
}

function rebalanceTimeoutOf(req: JoinGroupRequest): number {
  const r = req.rebalanceTimeoutMs;
  return r === undefined || r < 0 ? req.sessionTimeoutMs : r;
}

/**
 * KIP-345: a static member rejoined with a new member id. In a Stable group whose selected
 * protocol would not change, the new id takes over the old one's assignment without a rebalance
 * (once the change is durable); otherwise the group rebalances.
 */
function replaceStaticMember(
  ctx: CoordinatorContext,
  group: Group,
  oldId: string,
  newId: string,
  req: JoinGroupRequest,
  resolve: Resolve,
): void {
  const instanceId = req.groupInstanceId!;
  const previousLeader = group.leaderId;
  const member = group.members.get(oldId)!;
  member.completeJoin(joinError(oldId, ERR.FENCED_INSTANCE_ID));
  member.completeSync(syncError(ERR.FENCED_INSTANCE_ID));
  group.replaceStaticMember(instanceId, oldId, newId);
  const saved = {
    protocols: member.protocols,
    protocolType: member.protocolType,
    clientId: member.clientId,
    clientHost: member.clientHost,
    sessionTimeoutMs: member.sessionTimeoutMs,
    rebalanceTimeoutMs: member.rebalanceTimeoutMs,
  };
  updateMember(member, req);
  scheduleSession(ctx, group, member);
  switch (group.state) {
    case 'Stable': {
      if (group.selectProtocol() !== group.protocolName) {
        member.joinWaiter = resolve;
        return prepareRebalance(ctx, group);
      }
      const generation = group.generationId;
      ctx.store.storeGroup(group).then(
        () => {
          const isLeader = group.isLeader(newId);
          const skip = isLeader && req.supportSkipAssignment === true;
          resolve({
            errorCode: ERR.NONE,
            generationId: generation,
            protocolType: group.protocolType,
            protocolName: group.protocolName,
            // Without skipAssignment, a replaced leader must not think it leads: a Stable group
            // would not broadcast the assignment it computed.
            leader: skip ? newId : (previousLeader ?? ''),
            skipAssignment: skip,
            memberId: newId,
            members: skip ? group.joinMembers() : [],
          });
        },
        (e: unknown) => {
          if (group.members.get(newId) === member) {
            group.replaceStaticMember(instanceId, newId, oldId);
            Object.assign(member, saved);
          }
          resolve(joinError(newId, storeErrorCode(e, false)));
        },
      );
      return;
    }
    case 'CompletingRebalance':
      // The leader may already be assigning for the old id: rebalance so the new id gets partitions.
      member.joinWaiter = resolve;
      return prepareRebalance(ctx, group);
    default:
      member.joinWaiter = resolve;
      return;
  }
}
