import type { ListOffsetsPartitionResponse, ListOffsetsRequest, ListOffsetsResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { tryDescribe } from '../internal/topics.js';

const LATEST = -1;
const EARLIEST = -2;
const MAX_TIMESTAMP = -3;
const EARLIEST_LOCAL = -4;

/**
 * ListOffsets: -1 the high watermark (the last stable offset under read_committed), -2 and -4
 * the log start offset, -3 (v7+, KIP-734) the record with the largest timestamp, otherwise the
 * first offset with a timestamp at or after the given one (-1/-1 if none). v0 answers in
 * `oldStyleOffsets`.
 */
export async function listOffsets(
  ctx: RequestContext,
  req: ListOffsetsRequest,
): Promise<ListOffsetsResponse> {
  const { engine, logger } = ctx.broker;
  const topics = await Promise.all(
    req.topics.map(async (t) => {
      const d = tryDescribe(engine, t.name);
      const partitions = await Promise.all(
        t.partitions.map(async (p): Promise<ListOffsetsPartitionResponse> => {
          const fail = (errorCode: number): ListOffsetsPartitionResponse => ({
            partitionIndex: p.partitionIndex,
            errorCode,
          });
          if (d === undefined || p.partitionIndex < 0 || p.partitionIndex >= d.partitions) {
            return fail(ERR.UNKNOWN_TOPIC_OR_PARTITION);
          }
          // MAX_TIMESTAMP came with v7 (KIP-734); older clients cannot ask for it.
          if ((p.timestamp === MAX_TIMESTAMP && ctx.apiVersion < 7) || p.timestamp < EARLIEST_LOCAL) {
            return fail(ERR.UNSUPPORTED_VERSION);
          }
          try {
            const ts = p.timestamp === EARLIEST_LOCAL ? EARLIEST : p.timestamp;
            const found = await engine.offsetForTimestamp(t.name, p.partitionIndex, ts, {
              isolation: req.isolationLevel === 1 ? 'read_committed' : 'read_uncommitted',
            });
            const offset = found?.offset ?? -1;
            const timestamp = found?.timestamp ?? -1;
            if (ctx.apiVersion === 0) {
              return {
                partitionIndex: p.partitionIndex,
                errorCode: ERR.NONE,
                oldStyleOffsets: offset >= 0 ? [offset] : [],
              };
            }
            return {
              partitionIndex: p.partitionIndex,
              errorCode: ERR.NONE,
              timestamp: ts === LATEST || ts === EARLIEST ? -1 : timestamp,
              offset,
              leaderEpoch: -1,
            };
          } catch (e) {
            return fail(toKafkaError(e, logger, `list offsets of ${t.name}-${p.partitionIndex}`).errorCode);
          }
        }),
      );
      return { name: t.name, partitions };
    }),
  );
  return { throttleTimeMs: 0, topics };
}
