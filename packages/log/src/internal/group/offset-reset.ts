/**
 * Reset a group's offsets (kafka-consumer-groups `--reset-offsets`): to the earliest or latest
 * offset, the first offset at or after a timestamp, or an explicit offset clamped to the log.
 * Only for a group without members (NON_EMPTY_GROUP otherwise), committed as a simple commit.
 */
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type { OffsetResetSpec, ResetOffsetsRequest, ResetOffsetsResult } from './group-admin-types.js';
import { commitOffsets } from './offset-commit.js';
import { partitionCount } from './topic-partitions.js';

export async function resetOffsets(
  ctx: CoordinatorContext,
  req: ResetOffsetsRequest,
): Promise<ResetOffsetsResult> {
  if (req.groupId === '') return { errorCode: ERR.INVALID_GROUP_ID, partitions: [] };
  const group = ctx.groups.get(req.groupId);
  if (group !== undefined && !group.is('Empty')) {
    return {
      errorCode: group.is('Dead') ? ERR.COORDINATOR_NOT_AVAILABLE : ERR.NON_EMPTY_GROUP,
      partitions: [],
    };
  }
  const count = partitionCount(ctx.engine, req.topic);
  if (count === 0) return { errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION, partitions: [] };
  const wanted = req.partitions ?? Array.from({ length: count }, (_, i) => i);
  const out: { partition: number; offset: number; errorCode: number }[] = [];
  for (const partition of wanted) {
    if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
      out.push({ partition, offset: -1, errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION });
    } else {
      out.push({ partition, offset: await target(ctx, req.topic, partition, req.spec), errorCode: ERR.NONE });
    }
  }
  const valid = out.filter((p) => p.errorCode === ERR.NONE);
  if (req.dryRun === true || valid.length === 0) return { errorCode: ERR.NONE, partitions: out };
  const committed = await commitOffsets(ctx, {
    groupId: req.groupId,
    generationId: -1,
    memberId: '',
    topics: [
      {
        name: req.topic,
        partitions: valid.map((p) => ({ partitionIndex: p.partition, committedOffset: p.offset })),
      },
    ],
  });
  const codes = committed.topics[0]!.partitions;
  valid.forEach((p, i) => (p.errorCode = codes[i]!.errorCode));
  return { errorCode: ERR.NONE, partitions: out };
}

async function target(
  ctx: CoordinatorContext,
  topic: string,
  partition: number,
  spec: OffsetResetSpec,
): Promise<number> {
  const { logStartOffset, highWatermark } = ctx.engine.offsets(topic, partition);
  switch (spec.type) {
    case 'earliest':
      return logStartOffset;
    case 'latest':
      return highWatermark;
    case 'timestamp': {
      const found = await ctx.engine.offsetForTimestamp(topic, partition, spec.timestamp);
      return found === null ? highWatermark : found.offset;
    }
    case 'offset':
      return Math.min(Math.max(spec.offset, logStartOffset), highWatermark);
  }
}
