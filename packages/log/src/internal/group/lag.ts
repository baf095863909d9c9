/**
 * Consumer lag per committed partition: the end offset (high watermark, or under read_committed
 * the last stable offset from a supplied function) minus the committed offset, never negative.
 */
import { LogError } from '../../errors.js';
import type { CoordinatorContext } from './context.js';
import type { LagOptions, PartitionLag } from './group-admin-types.js';
import { partitionCount } from './topic-partitions.js';

export function groupLag(ctx: CoordinatorContext, groupId: string, opts: LagOptions = {}): PartitionLag[] {
  const group = ctx.groups.get(groupId);
  if (group === undefined || group.is('Dead')) return [];
  const readCommitted = opts.isolationLevel === 'read_committed';
  if (readCommitted && opts.lastStableOffset === undefined) {
    throw new LogError('INVALID_REQUEST', 'read_committed lag needs a lastStableOffset function');
  }
  const topics = opts.topics === undefined ? null : new Set(opts.topics);
  const counts = new Map<string, number>();
  const out: PartitionLag[] = [];
  for (const o of group.offsets.all()) {
    if (topics !== null && !topics.has(o.topic)) continue;
    let count = counts.get(o.topic);
    if (count === undefined) counts.set(o.topic, (count = partitionCount(ctx.engine, o.topic)));
    // Offsets outlive deleted topics until they expire; there is no lag to report for them.
    if (o.partition >= count) continue;
    const endOffset = readCommitted
      ? opts.lastStableOffset!(o.topic, o.partition)
      : ctx.engine.offsets(o.topic, o.partition).highWatermark;
    out.push({
      topic: o.topic,
      partition: o.partition,
      committedOffset: o.offset,
      endOffset,
      lag: o.offset < 0 ? endOffset : Math.max(0, endOffset - o.offset),
    });
  }
  return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}
