import type { OffsetFetchRequest, OffsetFetchResponse, OffsetFetchResponseTopic } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import type { GroupsPort } from '../internal/groups-port.js';
import { groupsOf } from '../internal/require-groups.js';

type Topics = { name: string; partitionIndexes: number[] }[] | null;

async function fetchGroup(groups: GroupsPort, groupId: string, topics: Topics, requireStable: boolean) {
  const r = await groups.fetchOffsets({ groupId, topics, requireStable });
  const out: OffsetFetchResponseTopic[] = r.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => ({
      partitionIndex: p.partitionIndex,
      committedOffset: p.committedOffset,
      committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
      metadata: p.metadata,
      errorCode: p.errorCode,
    })),
  }));
  return { errorCode: r.errorCode, topics: out };
}

/** OffsetFetch: one group (v0-7) or several (v8+); `topics: null` asks for all committed offsets. */
export async function offsetFetch(
  ctx: RequestContext,
  req: OffsetFetchRequest,
): Promise<OffsetFetchResponse> {
  const groups = groupsOf(ctx);
  const stable = req.requireStable ?? false;
  if (ctx.apiVersion >= 8) {
    const results = await Promise.all(
      (req.groups ?? []).map(async (g) => {
        const r = await fetchGroup(groups, g.groupId, g.topics, stable);
        return {
          groupId: g.groupId,
          errorCode: r.errorCode,
          topics: r.topics.map((t) => ({
            ...t,
            partitions: t.partitions.map((p) => ({
              ...p,
              committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
            })),
          })),
        };
      }),
    );
    return { throttleTimeMs: 0, groups: results };
  }
  const r = await fetchGroup(groups, req.groupId ?? '', req.topics ?? null, stable);
  return { throttleTimeMs: 0, errorCode: r.errorCode, topics: r.topics };
}
