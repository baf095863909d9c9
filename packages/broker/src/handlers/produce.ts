import type {
  ProduceRequest,
  ProduceResponse,
  ProduceResponsePartitionProduceResponse,
} from '@rill/protocol';
import { BrokerError } from '../errors.js';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { isInternalTopic, tryDescribe } from '../internal/topics.js';

type PartitionResult = ProduceResponsePartitionProduceResponse;

function failed(index: number, errorCode: number, errorMessage: string | null = null): PartitionResult {
  return {
    index,
    errorCode,
    baseOffset: -1,
    logAppendTimeMs: -1,
    logStartOffset: -1,
    recordErrors: [],
    errorMessage,
  };
}

/**
 * Produce: validate and append each partition's batches (the engine checks CRCs, sizes and
 * timestamps and assigns offsets). acks=1 and acks=-1 both answer once the append is durable
 * under the topic's flush policy (DESIGN.md decision 8); acks=0 sends no response.
 */
export async function produce(ctx: RequestContext, req: ProduceRequest): Promise<ProduceResponse | null> {
  const { engine, logger } = ctx.broker;
  const acksValid = req.acks === 0 || req.acks === 1 || req.acks === -1;
  // Transactional produce needs the transaction coordinator (which markers end the transaction).
  const transactionalUnserved =
    req.transactionalId !== undefined && req.transactionalId !== null && ctx.broker.txns === null;
  // Appends start in request order (offsets follow arrival); they complete concurrently.
  const topics = req.topicData.map((t) => {
    const d = acksValid && !transactionalUnserved ? tryDescribe(engine, t.name) : undefined;
    const partitions = t.partitionData.map(async (p): Promise<PartitionResult> => {
      if (!acksValid) return failed(p.index, ERR.INVALID_REQUIRED_ACKS);
      if (transactionalUnserved) {
        return failed(p.index, ERR.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'Transactions are not served yet');
      }
      if (isInternalTopic(t.name)) {
        return failed(p.index, ERR.INVALID_TOPIC_EXCEPTION, `Cannot append to internal topic ${t.name}`);
      }
      if (d === undefined || p.index < 0 || p.index >= d.partitions) {
        return failed(p.index, ERR.UNKNOWN_TOPIC_OR_PARTITION);
      }
      if (p.records === null || p.records.length === 0) {
        return failed(p.index, ERR.CORRUPT_MESSAGE, 'No record batches');
      }
      try {
        const r = await engine.appendToPartition(t.name, p.index, p.records);
        return {
          index: p.index,
          errorCode: ERR.NONE,
          baseOffset: r.baseOffset,
          logAppendTimeMs: r.logAppendTime,
          logStartOffset: r.logStartOffset,
          recordErrors: [],
          errorMessage: null,
        };
      } catch (e) {
        const { errorCode, errorMessage } = toKafkaError(e, logger, `produce to ${t.name}-${p.index}`);
        return failed(p.index, errorCode, errorMessage);
      }
    });
    return { name: t.name, partitions };
  });
  const responses = await Promise.all(
    topics.map(async (t) => ({ name: t.name, partitionResponses: await Promise.all(t.partitions) })),
  );
  if (req.acks === 0) {
    // No response to carry the error: Kafka closes the connection so that the client notices.
    const failure = responses.flatMap((t) => t.partitionResponses).find((p) => p.errorCode !== ERR.NONE);
    if (failure !== undefined) {
      throw new BrokerError(
        'HANDLER_FAILED',
        `acks=0 produce failed with error ${failure.errorCode}: ${failure.errorMessage ?? ''}`,
        {
          kafkaCode: failure.errorCode,
        },
      );
    }
    return null;
  }
  return { responses, throttleTimeMs: 0 };
}
