/**
 * `__consumer_offsets` through the public LogEngine API: creates the compacted topic, appends a
 * group's records to the group's partition, and replays a partition record by record (with
 * transaction markers) for recovery.
 */
import {
  decodeControlRecord,
  forEachRecord,
  isControlBatch,
  isTransactional,
  iterateBatches,
  readBatchHeader,
  type RecordInput,
} from '@rill/protocol';
import type { LogEngine } from '../../engine.js';
import { LogError, isLogError } from '../../errors.js';
import type { TopicConfigInput } from '../config/validate.js';
import type { AppendResult } from '../partition/types.js';
import { OFFSETS_TOPIC, partitionForGroup } from './offsets-partition.js';

/** What a replay hands to its visitor for each data record. */
export interface ReplayedRecord {
  readonly key: Buffer;
  readonly value: Buffer | null;
  readonly offset: number;
  /** The producer of a transactional record, else -1. */
  readonly transactionalProducerId: number;
}

export interface ReplayVisitor {
  record(r: ReplayedRecord): void;
  /** A COMMIT or ABORT marker of `producerId`. */
  marker(producerId: number, commit: boolean): void;
}

/** Transactional producer identity for offsets written inside a transaction. */
export interface TransactionalWriter {
  readonly producerId: number;
  readonly producerEpoch: number;
}

export class OffsetsLog {
  private constructor(
    private readonly engine: LogEngine,
    readonly numPartitions: number,
  ) {}

  /**
   * Use the existing `__consumer_offsets`, or create it compacted with `numPartitions`. An
   * existing topic keeps its partition count, as in Kafka (groups must not move).
   */
  static async open(
    engine: LogEngine,
    numPartitions: number,
    configs: TopicConfigInput,
  ): Promise<OffsetsLog> {
    if (!engine.listTopics().includes(OFFSETS_TOPIC)) {
      try {
        await engine.createTopic(OFFSETS_TOPIC, { partitions: numPartitions, configs });
      } catch (e) {
        // Another opener won the race; the topic is what we wanted.
        if (!isLogError(e, 'TOPIC_ALREADY_EXISTS')) throw e;
      }
    }
    return new OffsetsLog(engine, engine.describeTopic(OFFSETS_TOPIC).partitions);
  }

  partitionFor(groupId: string): number {
    return partitionForGroup(groupId, this.numPartitions);
  }

  /** Append `records` for `groupId` as one batch; resolves when durable. */
  append(groupId: string, records: readonly RecordInput[], txn?: TransactionalWriter): Promise<AppendResult> {
    const opts =
      txn === undefined
        ? undefined
        : {
            producerId: txn.producerId,
            producerEpoch: txn.producerEpoch,
            baseSequence: -1,
            isTransactional: true,
          };
    return this.engine.appendToPartition(OFFSETS_TOPIC, this.partitionFor(groupId), records, opts);
  }

  /** Visit every stored record of `partition` in offset order, from the log start to the high watermark. */
  async replay(partition: number, visitor: ReplayVisitor): Promise<void> {
    const { logStartOffset, highWatermark } = this.engine.offsets(OFFSETS_TOPIC, partition);
    let offset = logStartOffset;
    while (offset < highWatermark) {
      const { batches } = await this.engine.read(OFFSETS_TOPIC, partition, offset, {
        maxOffset: highWatermark,
      });
      const start = offset;
      if (batches.length === 0) break;
      for (const batch of iterateBatches(batches)) {
        const h = readBatchHeader(batch);
        const next = h.baseOffset + h.lastOffsetDelta + 1;
        if (next <= offset) continue;
        if (isControlBatch(h.attributes)) {
          forEachRecord(
            batch,
            (r) => visitor.marker(h.producerId, decodeControlRecord(r).type === 'COMMIT'),
            { verifyCrc: false },
          );
        } else {
          const pid = isTransactional(h.attributes) ? h.producerId : -1;
          // The partition verified the CRC when it served the batch.
          forEachRecord(
            batch,
            (r) => {
              if (r.offset < offset || r.key === null) return;
              visitor.record({ key: r.key, value: r.value, offset: r.offset, transactionalProducerId: pid });
            },
            { verifyCrc: false },
          );
        }
        offset = next;
      }
      if (offset === start) {
        throw new LogError(
          'KAFKA_STORAGE_ERROR',
          `Replay of ${OFFSETS_TOPIC}-${partition} made no progress at ${offset}`,
        );
      }
    }
  }
}
