import type { TxnOffsetCommitRequest, TxnOffsetCommitResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

/**
 * TxnOffsetCommit: offsets inside the producer's transaction, visible when it commits; fenced by
 * producer epoch and (v3+, KIP-447) by group generation and member id.
 */
export async function txnOffsetCommit(
  ctx: RequestContext,
  req: TxnOffsetCommitRequest,
): Promise<TxnOffsetCommitResponse> {
  const txns = ctx.broker.txns;
  if (txns === null) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          errorCode: ERR.UNSUPPORTED_VERSION,
        })),
      })),
    };
  }
  const r = await txns.txnOffsetCommit({
    transactionalId: req.transactionalId,
    groupId: req.groupId,
    producerId: req.producerId,
    producerEpoch: req.producerEpoch,
    generationId: req.generationId ?? -1,
    memberId: req.memberId ?? '',
    groupInstanceId: req.groupInstanceId ?? null,
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        committedOffset: p.committedOffset,
        committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
        committedMetadata: p.committedMetadata,
      })),
    })),
  });
  return {
    throttleTimeMs: 0,
    topics: r.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ ...p })) })),
  };
}
