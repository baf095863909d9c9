import type { DeleteGroupsRequest, DeleteGroupsResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** DeleteGroups: only empty groups; their committed offsets go too. */
export async function deleteGroups(
  ctx: RequestContext,
  req: DeleteGroupsRequest,
): Promise<DeleteGroupsResponse> {
  const results = await groupsOf(ctx).deleteGroups(req.groupsNames);
  return { throttleTimeMs: 0, results: results.map((r) => ({ ...r })) };
}
