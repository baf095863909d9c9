import type {
  AddPartitionsToTxnRequest,
  AddPartitionsToTxnResponse,
  AddPartitionsToTxnTopic,
  AddPartitionsToTxnTopicResult,
} from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

type Added = {
  readonly name: string;
  readonly partitions: readonly { partitionIndex: number; errorCode: number }[];
};

const wire = (topics: readonly Added[]): AddPartitionsToTxnTopicResult[] =>
  topics.map((t) => ({
    name: t.name,
    resultsByPartition: t.partitions.map((p) => ({
      partitionIndex: p.partitionIndex,
      partitionErrorCode: p.errorCode,
    })),
  }));

const failAll = (topics: readonly AddPartitionsToTxnTopic[], errorCode: number): Added[] =>
  topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((partitionIndex) => ({ partitionIndex, errorCode })),
  }));

/**
 * AddPartitionsToTxn: one producer's partitions (v0-3, what clients send) or a batch of
 * transactions (v4+, Kafka's broker-to-coordinator form).
 */
export async function addPartitionsToTxn(
  ctx: RequestContext,
  req: AddPartitionsToTxnRequest,
): Promise<AddPartitionsToTxnResponse> {
  const txns = ctx.broker.txns;
  const add = async (
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    topics: AddPartitionsToTxnTopic[],
  ) =>
    txns === null
      ? failAll(topics, ERR.UNSUPPORTED_VERSION)
      : (await txns.addPartitionsToTxn({ transactionalId, producerId, producerEpoch, topics })).topics;
  if (ctx.apiVersion >= 4) {
    const resultsByTransaction = [];
    for (const t of req.transactions ?? []) {
      const topics = await add(t.transactionalId, t.producerId, t.producerEpoch, t.topics);
      resultsByTransaction.push({ transactionalId: t.transactionalId, topicResults: wire(topics) });
    }
    return { throttleTimeMs: 0, errorCode: ERR.NONE, resultsByTransaction };
  }
  const topics = await add(
    req.v3AndBelowTransactionalId ?? '',
    req.v3AndBelowProducerId ?? -1,
    req.v3AndBelowProducerEpoch ?? -1,
    req.v3AndBelowTopics ?? [],
  );
  return { throttleTimeMs: 0, resultsByTopicV3AndBelow: wire(topics) };
}
