/**
 * DescribeGroups, ListGroups and DeleteGroups (Kafka's handleDescribeGroup, handleListGroups,
 * handleDeleteGroups).
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import type {
  DeleteGroupResult,
  GroupDescription,
  GroupListing,
  ListGroupsFilter,
} from './group-admin-types.js';
import { EMPTY } from './member.js';

export function describeGroup(ctx: CoordinatorContext, groupId: string): GroupDescription {
  const dead = (errorCode: number): GroupDescription => ({
    groupId,
    errorCode,
    groupState: 'Dead',
    protocolType: '',
    protocolData: '',
    members: [],
  });
  if (groupId === '') return dead(ERR.INVALID_GROUP_ID);
  const group = ctx.groups.get(groupId);
  if (group === undefined) return dead(ERR.NONE);
  // Kafka shows metadata and assignments only for a Stable group, where they are consistent.
  const stable = group.is('Stable') && group.protocolName !== null;
  return {
    groupId,
    errorCode: ERR.NONE,
    groupState: group.state,
    protocolType: group.protocolType ?? '',
    protocolData: stable ? group.protocolName! : '',
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: stable ? m.metadata(group.protocolName!) : EMPTY,
      memberAssignment: stable ? m.assignment : EMPTY,
    })),
  };
}

export function listGroups(ctx: CoordinatorContext, filter: ListGroupsFilter = {}): GroupListing[] {
  const states = filter.statesFilter ?? [];
  const types = filter.typesFilter ?? [];
  const out: GroupListing[] = [];
  for (const g of ctx.groups.values()) {
    if (g.is('Dead')) continue;
    const protocolType = g.protocolType ?? '';
    if (states.length > 0 && !states.includes(g.state)) continue;
    if (types.length > 0 && !types.includes(protocolType)) continue;
    out.push({ groupId: g.groupId, protocolType, groupState: g.state });
  }
  return out.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

/** Delete an empty group with its offsets (tombstones); NON_EMPTY_GROUP while it has members. */
export async function deleteGroup(ctx: CoordinatorContext, groupId: string): Promise<DeleteGroupResult> {
  if (groupId === '') return { groupId, errorCode: ERR.INVALID_GROUP_ID };
  const group = ctx.groups.get(groupId);
  if (group === undefined || group.is('Dead')) return { groupId, errorCode: ERR.GROUP_ID_NOT_FOUND };
  if (!group.is('Empty')) return { groupId, errorCode: ERR.NON_EMPTY_GROUP };
  const offsets = [...group.offsets.all()];
  const emptiedAt = group.currentStateTimestamp;
  // Dead while the tombstones are written: joins and commits in between are told to retry.
  group.transitionTo('Dead', ctx.clock.now());
  try {
    await ctx.store.deleteGroupRecords(groupId, offsets, true);
  } catch (e) {
    // Not deleted on disk: the group stays as it was, so memory and log agree.
    group.state = 'Empty';
    group.currentStateTimestamp = emptiedAt;
    return { groupId, errorCode: storeErrorCode(e, false) };
  }
  group.cancelTimers();
  if (ctx.groups.get(groupId) === group) ctx.groups.delete(groupId);
  return { groupId, errorCode: ERR.NONE };
}
