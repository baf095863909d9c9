import type {
  CreatePartitionsRequest,
  CreatePartitionsResponse,
  CreatePartitionsTopicResult,
} from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { tryDescribe } from '../internal/topics.js';

/** CreatePartitions: grow a topic; assignments, if given, may only name this broker. */
export async function createPartitions(
  ctx: RequestContext,
  req: CreatePartitionsRequest,
): Promise<CreatePartitionsResponse> {
  const { engine, logger, nodeId } = ctx.broker;
  const results: CreatePartitionsTopicResult[] = [];
  for (const t of req.topics) {
    const d = tryDescribe(engine, t.name);
    if (d === undefined) {
      results.push({
        name: t.name,
        errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION,
        errorMessage: `Topic '${t.name}' does not exist.`,
      });
      continue;
    }
    if (t.assignments !== null) {
      const bad =
        t.assignments.length !== t.count - d.partitions ||
        t.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== nodeId);
      if (bad) {
        results.push({
          name: t.name,
          errorCode: ERR.INVALID_REPLICA_ASSIGNMENT,
          errorMessage: `Only broker ${nodeId} exists`,
        });
        continue;
      }
    }
    if (t.count <= d.partitions) {
      const errorMessage =
        t.count === d.partitions
          ? `Topic already has ${d.partitions} partitions.`
          : `Topic currently has ${d.partitions} partitions, which is higher than the requested ${t.count}.`;
      results.push({ name: t.name, errorCode: ERR.INVALID_PARTITIONS, errorMessage });
      continue;
    }
    if (req.validateOnly) {
      results.push({ name: t.name, errorCode: ERR.NONE, errorMessage: null });
      continue;
    }
    try {
      await engine.createPartitions(t.name, t.count);
      results.push({ name: t.name, errorCode: ERR.NONE, errorMessage: null });
    } catch (e) {
      results.push({ name: t.name, ...toKafkaError(e, logger, `create partitions of ${t.name}`) });
    }
  }
  return { throttleTimeMs: 0, results };
}
