/**
 * OffsetFetch (Kafka's handleFetchOffsets): committed offsets of some or all partitions; -1 and no
 * error where nothing is committed. With `requireStable` (KIP-447), a partition with a pending
 * transactional commit answers UNSTABLE_OFFSET_COMMIT so the consumer retries.
 */
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type { OffsetFetchPartition, OffsetFetchRequest, OffsetFetchResult } from './group-types.js';

export function fetchOffsets(ctx: CoordinatorContext, req: OffsetFetchRequest): OffsetFetchResult {
  if (req.groupId === '') return { errorCode: ERR.INVALID_GROUP_ID, topics: [] };
  const group = ctx.groups.get(req.groupId);
  const offsets = group === undefined || group.is('Dead') ? undefined : group.offsets;
  const one = (topic: string, partitionIndex: number): OffsetFetchPartition => {
    if (req.requireStable === true && offsets?.hasPendingTransactional(topic, partitionIndex) === true) {
      return {
        partitionIndex,
        committedOffset: -1,
        committedLeaderEpoch: -1,
        metadata: '',
        errorCode: ERR.UNSTABLE_OFFSET_COMMIT,
      };
    }
    const c = offsets?.get(topic, partitionIndex);
    return c === undefined
      ? { partitionIndex, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: ERR.NONE }
      : {
          partitionIndex,
          committedOffset: c.offset,
          committedLeaderEpoch: c.leaderEpoch,
          metadata: c.metadata,
          errorCode: ERR.NONE,
        };
  };
  if (req.topics === null) {
    const topics = (offsets?.topics() ?? []).sort();
    return {
      errorCode: ERR.NONE,
      topics: topics.map((name) => ({
        name,
        partitions: offsets!.partitions(name).map((p) => one(name, p)),
      })),
    };
  }
  return {
    errorCode: ERR.NONE,
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((p) => one(t.name, p)),
    })),
  };
}
