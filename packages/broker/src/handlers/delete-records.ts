import type {
  DeleteRecordsRequest,
  DeleteRecordsResponse,
  DeleteRecordsPartitionResult,
} from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { tryDescribe } from '../internal/topics.js';

/** DeleteRecords: advance the log start offset (-1: to the high watermark). */
export async function deleteRecords(
  ctx: RequestContext,
  req: DeleteRecordsRequest,
): Promise<DeleteRecordsResponse> {
  const { engine, logger } = ctx.broker;
  const topics = [];
  for (const t of req.topics) {
    const d = tryDescribe(engine, t.name);
    const partitions: DeleteRecordsPartitionResult[] = [];
    for (const p of t.partitions) {
      if (d === undefined || p.partitionIndex < 0 || p.partitionIndex >= d.partitions) {
        partitions.push({
          partitionIndex: p.partitionIndex,
          lowWatermark: -1,
          errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION,
        });
        continue;
      }
      try {
        const { highWatermark } = engine.offsets(t.name, p.partitionIndex);
        if (p.offset !== -1 && (p.offset < 0 || p.offset > highWatermark)) {
          partitions.push({
            partitionIndex: p.partitionIndex,
            lowWatermark: -1,
            errorCode: ERR.OFFSET_OUT_OF_RANGE,
          });
          continue;
        }
        const lowWatermark = await engine.deleteRecords(t.name, p.partitionIndex, p.offset);
        partitions.push({ partitionIndex: p.partitionIndex, lowWatermark, errorCode: ERR.NONE });
      } catch (e) {
        const { errorCode } = toKafkaError(e, logger, `delete records of ${t.name}-${p.partitionIndex}`);
        partitions.push({ partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode });
      }
    }
    topics.push({ name: t.name, partitions });
  }
  return { throttleTimeMs: 0, topics };
}
