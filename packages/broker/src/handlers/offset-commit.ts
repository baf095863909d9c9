import type { OffsetCommitRequest, OffsetCommitResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { groupsOf } from '../internal/require-groups.js';

/** OffsetCommit: per-partition results, once the offsets are durable in `__consumer_offsets`. */
export async function offsetCommit(
  ctx: RequestContext,
  req: OffsetCommitRequest,
): Promise<OffsetCommitResponse> {
  const r = await groupsOf(ctx).commitOffsets({
    groupId: req.groupId,
    generationId: req.generationIdOrMemberEpoch ?? -1,
    memberId: req.memberId ?? '',
    groupInstanceId: req.groupInstanceId ?? null,
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        committedOffset: p.committedOffset,
        committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
        committedMetadata: p.committedMetadata,
      })),
    })),
  });
  return {
    throttleTimeMs: 0,
    topics: r.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ ...p })) })),
  };
}
