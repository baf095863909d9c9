/**
 * OffsetDelete (KIP-496): remove committed offsets of some partitions from a group. Refused per
 * partition with GROUP_SUBSCRIBED_TO_TOPIC while a consumer group with members subscribes to the
 * topic; the whole request fails with NON_EMPTY_GROUP for a non-consumer group with members.
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';

export interface OffsetDeleteRequest {
  readonly groupId: string;
  readonly topics: readonly { name: string; partitionIndexes: readonly number[] }[];
}

export interface OffsetDeleteResult {
  readonly errorCode: number;
  readonly topics: readonly {
    name: string;
    partitions: readonly { partitionIndex: number; errorCode: number }[];
  }[];
}

export async function deleteOffsets(
  ctx: CoordinatorContext,
  req: OffsetDeleteRequest,
): Promise<OffsetDeleteResult> {
  const fail = (errorCode: number): OffsetDeleteResult => ({ errorCode, topics: [] });
  if (req.groupId === '') return fail(ERR.INVALID_GROUP_ID);
  const group = ctx.groups.get(req.groupId);
  if (group === undefined || group.is('Dead')) return fail(ERR.GROUP_ID_NOT_FOUND);
  const consumerWithMembers = group.protocolType === 'consumer' && !group.is('Empty');
  if (!group.is('Empty') && !consumerWithMembers) return fail(ERR.NON_EMPTY_GROUP);
  // Without readable subscriptions every topic counts as subscribed: never pull offsets from under a live consumer.
  const subscribed = (topic: string): boolean =>
    consumerWithMembers && (group.subscribedTopics?.has(topic) ?? true);
  const doomed: { topic: string; partition: number }[] = [];
  const topics = req.topics.map((t) => ({
    name: t.name,
    partitions: t.partitionIndexes.map((partitionIndex) => {
      if (subscribed(t.name)) return { partitionIndex, errorCode: ERR.GROUP_SUBSCRIBED_TO_TOPIC };
      if (group.offsets.get(t.name, partitionIndex) !== undefined)
        doomed.push({ topic: t.name, partition: partitionIndex });
      return { partitionIndex, errorCode: ERR.NONE };
    }),
  }));
  if (doomed.length === 0) return { errorCode: ERR.NONE, topics };
  try {
    await ctx.store.deleteGroupRecords(group.groupId, doomed, false);
  } catch (e) {
    return fail(storeErrorCode(e, true));
  }
  for (const o of doomed) group.offsets.remove(o.topic, o.partition);
  return { errorCode: ERR.NONE, topics };
}
