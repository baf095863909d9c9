/**
 * OffsetCommit (Kafka's handleCommitOffsets): checks the committer (a member of the current
 * generation, or a "simple" committer with generation -1 for a group without members), refuses
 * unknown partitions and oversized metadata per partition, and applies the offsets once the
 * records are durable in `__consumer_offsets`.
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import { Group } from './group.js';
import { CommitBatch } from './commit-batch.js';
import type { OffsetCommitRequest, OffsetCommitResult } from './group-types.js';
import { scheduleSession } from './rebalance.js';

export async function commitOffsets(
  ctx: CoordinatorContext,
  req: OffsetCommitRequest,
): Promise<OffsetCommitResult> {
  const code = checkCommitter(ctx, req);
  const batch = new CommitBatch(req.topics, code);
  if (code !== ERR.NONE) return batch.result();
  const group = ctx.groups.get(req.groupId)!;
  const member = group.members.get(req.memberId ?? '');
  if (member !== undefined) scheduleSession(ctx, group, member);
  batch.validate(ctx);
  const { toStore } = batch;
  if (toStore.length === 0) return batch.result();
  for (const o of toStore) group.offsets.beginWrite(o.topic, o.partition);
  try {
    const { baseOffset } = await ctx.store.storeOffsets(group.groupId, toStore);
    toStore.forEach((o, k) =>
      group.offsets.apply(o.topic, o.partition, { ...o.value, recordOffset: baseOffset + k }),
    );
  } catch (e) {
    batch.failStored(storeErrorCode(e, true));
  } finally {
    for (const o of toStore) group.offsets.endWrite(o.topic, o.partition);
  }
  return batch.result();
}

/** Kafka's committer checks; creates the group for a simple commit to an unknown group. */
function checkCommitter(ctx: CoordinatorContext, req: OffsetCommitRequest): number {
  const generationId = req.generationId ?? -1;
  const memberId = req.memberId ?? '';
  if (req.groupId === '') return ERR.INVALID_GROUP_ID;
  let group = ctx.groups.get(req.groupId);
  if (group === undefined) {
    // Without group management a commit needs no generation; otherwise it comes from a dead generation.
    if (generationId >= 0) return ERR.ILLEGAL_GENERATION;
    group = new Group(req.groupId, ctx.clock.now());
    ctx.groups.set(req.groupId, group);
  }
  if (group.is('Dead')) return ERR.COORDINATOR_NOT_AVAILABLE;
  if (group.isStaticMemberFenced(memberId, req.groupInstanceId)) return ERR.FENCED_INSTANCE_ID;
  if (generationId < 0 && group.is('Empty')) return ERR.NONE;
  if (!group.has(memberId)) return ERR.UNKNOWN_MEMBER_ID;
  if (generationId !== group.generationId) return ERR.ILLEGAL_GENERATION;
  // Stable and PreparingRebalance accept commits (eager consumers commit before revoking);
  // between JoinGroup and SyncGroup the member has no assignment to commit for.
  if (group.is('CompletingRebalance')) return ERR.REBALANCE_IN_PROGRESS;
  return ERR.NONE;
}
