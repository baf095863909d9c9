/**
 * Offset retention (Kafka's cleanupGroupMetadata with KIP-211): an empty group's offsets expire
 * `offsets.retention.minutes` after the group became empty; a Stable consumer group's offsets for
 * topics it no longer subscribes to expire that long after their commit; a group that only
 * stores offsets (no protocol type) expires each offset that long after its commit. Offsets
 * with a commit in flight never expire. An empty group left without offsets is removed.
 */
import type { CoordinatorContext } from './context.js';
import type { Group } from './group.js';
import type { TopicPartitionOffset } from './group-offsets.js';

/** Expire offsets and groups due now. @returns how many offsets expired. */
export async function expireOffsets(ctx: CoordinatorContext): Promise<number> {
  const now = ctx.clock.now();
  const retentionMs = ctx.config['offsets.retention.minutes'] * 60_000;
  const writes: Promise<unknown>[] = [];
  let expired = 0;
  for (const group of [...ctx.groups.values()]) {
    if (group.is('Dead')) continue;
    const due = expiredOffsets(group, now, retentionMs);
    for (const o of due) group.offsets.remove(o.topic, o.partition);
    expired += due.length;
    const removeGroup =
      group.is('Empty') && group.offsets.size === 0 && !group.offsets.hasPendingTransactions;
    if (removeGroup) {
      group.cancelTimers();
      group.transitionTo('Dead', now);
      ctx.groups.delete(group.groupId);
    }
    if (due.length > 0 || removeGroup) {
      writes.push(
        ctx.store.deleteGroupRecords(group.groupId, due, removeGroup).then(undefined, ctx.onBackgroundError),
      );
    }
  }
  await Promise.all(writes);
  return expired;
}

function expiredOffsets(group: Group, now: number, retentionMs: number): TopicPartitionOffset[] {
  let base: (o: TopicPartitionOffset) => number;
  let keep: ReadonlySet<string> = new Set();
  if (group.protocolType !== null && group.is('Empty')) {
    base = (o) => (group.currentStateTimestamp >= 0 ? group.currentStateTimestamp : o.commitTimestamp);
  } else if (group.protocolType === 'consumer' && group.subscribedTopics !== null && group.is('Stable')) {
    base = (o) => o.commitTimestamp;
    keep = group.subscribedTopics;
  } else if (group.protocolType === null) {
    base = (o) => o.commitTimestamp;
  } else {
    return [];
  }
  const out: TopicPartitionOffset[] = [];
  for (const o of group.offsets.all()) {
    if (keep.has(o.topic) || group.offsets.isPending(o.topic, o.partition)) continue;
    const due = o.expireTimestamp >= 0 ? now >= o.expireTimestamp : now - base(o) >= retentionMs;
    if (due) out.push(o);
  }
  return out;
}
