/**
 * `__transaction_state` through the LogEngine API: the compacted topic holding each transactional
 * id's latest state, keyed by id, in the partition Kafka would choose
 * (`abs(transactionalId.hashCode) % transaction.state.log.num.partitions`).
 */
import { forEachRecord, isControlBatch, iterateBatches, readBatchHeader } from '@rill/protocol';
import type { LogEngine } from '../../engine.js';
import { isLogError } from '../../errors.js';
import type { TopicConfigInput } from '../config/validate.js';
import { javaStringHashCode } from '../group/offsets-partition.js';
import { decodeTxnKey, decodeTxnValue, encodeTxnKey, encodeTxnValue } from './txn-log-format.js';
import type { TxnRecord } from './txn-state.js';

/** The internal topic of the transaction coordinator. */
export const TRANSACTION_STATE_TOPIC = '__transaction_state';
const READ_BYTES = 1024 * 1024;

export function partitionForTransactionalId(transactionalId: string, numPartitions: number): number {
  const h = javaStringHashCode(transactionalId);
  return (h === -2147483648 ? 0 : Math.abs(h)) % numPartitions;
}

export class TxnStateLog {
  private constructor(
    private readonly engine: LogEngine,
    readonly numPartitions: number,
  ) {}

  /** Use the existing topic (keeping its partition count, as Kafka does) or create it compacted. */
  static async open(
    engine: LogEngine,
    numPartitions: number,
    configs: TopicConfigInput,
  ): Promise<TxnStateLog> {
    if (!engine.listTopics().includes(TRANSACTION_STATE_TOPIC)) {
      try {
        // Every state change is awaited by a client request: fsync at once rather than after the
        // group-commit window (the caller's configs may still override it).
        await engine.createTopic(TRANSACTION_STATE_TOPIC, {
          partitions: numPartitions,
          configs: { 'rill.group.commit.ms': 0, ...configs },
        });
      } catch (e) {
        if (!isLogError(e, 'TOPIC_ALREADY_EXISTS')) throw e;
      }
    }
    return new TxnStateLog(engine, engine.describeTopic(TRANSACTION_STATE_TOPIC).partitions);
  }

  partitionFor(transactionalId: string): number {
    return partitionForTransactionalId(transactionalId, this.numPartitions);
  }

  /** Write a transactional id's state (null: forget it). Resolves when durable. */
  async write(transactionalId: string, record: TxnRecord | null, now: number): Promise<void> {
    await this.engine.appendToPartition(TRANSACTION_STATE_TOPIC, this.partitionFor(transactionalId), [
      {
        key: encodeTxnKey(transactionalId),
        value: record === null ? null : encodeTxnValue(record),
        timestamp: now,
      },
    ]);
  }

  /** Replay every partition: the latest state of each transactional id. */
  async load(): Promise<Map<string, TxnRecord>> {
    const out = new Map<string, TxnRecord>();
    for (let p = 0; p < this.numPartitions; p++) {
      let offset = this.engine.offsets(TRANSACTION_STATE_TOPIC, p).logStartOffset;
      for (;;) {
        const { batches, highWatermark } = await this.engine.read(TRANSACTION_STATE_TOPIC, p, offset, {
          maxBytes: READ_BYTES,
        });
        if (batches.length === 0 || offset >= highWatermark) break;
        for (const batch of iterateBatches(batches)) {
          const h = readBatchHeader(batch);
          offset = Math.max(offset, h.baseOffset + h.lastOffsetDelta + 1);
          if (isControlBatch(h.attributes)) continue;
          forEachRecord(
            batch,
            (r) => {
              if (r.key === null) return;
              const id = decodeTxnKey(r.key);
              if (r.value === null) out.delete(id);
              else out.set(id, decodeTxnValue(r.value));
            },
            { verifyCrc: false },
          );
        }
      }
    }
    return out;
  }
}
