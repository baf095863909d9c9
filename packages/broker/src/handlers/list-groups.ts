import type { ListGroupsRequest, ListGroupsResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** ListGroups, with the state (v4+) and type (v5+) filters. */
export async function listGroups(ctx: RequestContext, req: ListGroupsRequest): Promise<ListGroupsResponse> {
  const r = await groupsOf(ctx).listGroups({
    statesFilter: req.statesFilter ?? [],
    typesFilter: req.typesFilter ?? [],
  });
  return {
    throttleTimeMs: 0,
    errorCode: r.errorCode,
    groups: r.groups.map((g) => ({
      groupId: g.groupId,
      protocolType: g.protocolType,
      groupState: g.groupState,
      groupType: 'classic',
    })),
  };
}
