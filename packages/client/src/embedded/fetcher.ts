/**
 * The consumer's fetch path: reads whole batches from the engine at each fetchable partition's
 * position, decodes them into records that are views into the read buffer, and advances the
 * positions. Control batches (transaction markers) are skipped.
 */
import { isLogError, type LogEngine } from '@rill/log';
import {
  decodeControlRecord,
  forEachRecord,
  isControlBatch,
  isTransactional,
  iterateBatches,
  readBatchHeader,
  timestampTypeOf,
  type BatchHeader,
} from '@rill/protocol';
import type { IsolationLevel } from '../api/common.js';
import type { ConsumerRecord, ConsumerRecords, PartitionRecords } from '../api/consumer.js';
import { ClientError, isClientError, toClientError } from '../errors.js';
import { lastStableOffset } from './offsets.js';
import type { PartitionState } from './partition-states.js';

export interface FetchLimits {
  readonly maxRecords: number;
  readonly maxPartitionBytes: number;
  readonly isolation: IsolationLevel;
}

export const EMPTY_RECORDS: ConsumerRecords = Object.freeze({ count: 0, partitions: Object.freeze([]) });

export class Fetcher {
  private rotation = 0;

  constructor(
    private readonly engine: LogEngine,
    private readonly limits: FetchLimits,
    /** A fetch position fell out of the log: move it per auto.offset.reset or throw. */
    private readonly onOutOfRange: (state: PartitionState) => Promise<void>,
  ) {}

  /** Fetch from the given partitions (positions resolved, not paused), fairly rotating the first one. */
  async fetch(fetchable: readonly PartitionState[]): Promise<ConsumerRecords> {
    if (fetchable.length === 0) return EMPTY_RECORDS;
    const start = this.rotation++ % fetchable.length;
    const out: PartitionRecords[] = [];
    let budget = this.limits.maxRecords;
    for (let i = 0; i < fetchable.length && budget > 0; i++) {
      const state = fetchable[(start + i) % fetchable.length]!;
      const got = await this.fetchOne(state, budget);
      if (got !== null) {
        out.push(got);
        budget -= got.records.length;
      }
    }
    return out.length === 0 ? EMPTY_RECORDS : { count: this.limits.maxRecords - budget, partitions: out };
  }

  /** End offset a reader of this isolation level may read up to. */
  endOffset(topic: string, partition: number): number {
    return lastStableOffset(this.engine, topic, partition, this.limits.isolation);
  }

  private async fetchOne(state: PartitionState, budget: number): Promise<PartitionRecords | null> {
    const { topic, partition } = state;
    const position = state.position!;
    let end: number;
    try {
      end = this.endOffset(topic, partition);
    } catch (e) {
      if (isClientError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) return null;
      throw e;
    }
    state.endOffset = end;
    if (position >= end) return null;
    let batches: Buffer;
    let aborted: AbortedTxns | null;
    try {
      ({ batches, abortedTransactions: aborted } = await this.engine.read(topic, partition, position, {
        maxBytes: this.limits.maxPartitionBytes,
        maxOffset: end,
        isolation: this.limits.isolation,
      }));
    } catch (e) {
      if (isLogError(e, 'OFFSET_OUT_OF_RANGE')) {
        await this.onOutOfRange(state);
        return null;
      }
      // The topic was deleted under us: as in Kafka's consumer, the partition yields nothing
      // until a rebalance (the leader sees the topic gone) or the caller's assign() drops it.
      if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) return null;
      throw toClientError(e, `${topic}-${partition}`);
    }
    // The position may have moved (seek) while the read was in flight: drop the stale result.
    if (state.position !== position) return null;
    const records: ConsumerRecord[] = [];
    const filter = aborted !== null && aborted.length > 0 ? new AbortFilter(aborted) : null;
    let next = position;
    for (const batch of iterateBatches(batches)) {
      const header = readBatchHeader(batch);
      const batchNext = header.baseOffset + header.lastOffsetDelta + 1;
      if (header.baseOffset >= end) break;
      const skip = filter !== null && filter.skip(batch, header, batchNext);
      if (batchNext <= next) continue;
      if (skip || isControlBatch(header.attributes)) {
        next = batchNext;
        continue;
      }
      const timestampType = timestampTypeOf(header.attributes);
      const from = next;
      let full = false;
      // The engine verified the CRC before serving the bytes.
      forEachRecord(
        batch,
        (r) => {
          if (full || r.offset < from || r.offset >= end) return;
          records.push({
            topic,
            partition,
            offset: r.offset,
            timestamp: r.timestamp,
            timestampType,
            key: r.key,
            value: r.value,
            headers: r.headers,
          });
          next = r.offset + 1;
          if (records.length >= budget) full = true;
        },
        { verifyCrc: false },
      );
      if (full) break;
      next = Math.min(batchNext, end);
    }
    if (next > position) state.position = next;
    else if (batches.length > 0)
      throw new ClientError(
        'CORRUPT_MESSAGE',
        `Fetch of ${topic}-${partition} at ${position} made no progress`,
      );
    return records.length === 0 ? null : { topic, partition, records, nextOffset: next, highWatermark: end };
  }
}

type AbortedTxns = NonNullable<Awaited<ReturnType<LogEngine['read']>>['abortedTransactions']>;

/**
 * Kafka's read_committed filter over one fetch response: an aborted transaction becomes active at
 * its first offset, its producer's transactional batches are skipped until its ABORT marker.
 */
class AbortFilter {
  private readonly pending: { producerId: number; firstOffset: number }[];
  private readonly producers = new Set<number>();

  constructor(aborted: AbortedTxns) {
    this.pending = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  }

  /** Whether to drop `batch`; also tracks markers, so call it for every batch in order. */
  skip(batch: Buffer, h: BatchHeader, batchNext: number): boolean {
    while (this.pending.length > 0 && this.pending[0]!.firstOffset < batchNext)
      this.producers.add(this.pending.shift()!.producerId);
    if (!this.producers.has(h.producerId)) return false;
    if (!isControlBatch(h.attributes)) return isTransactional(h.attributes);
    forEachRecord(
      batch,
      (r) => {
        if (decodeControlRecord(r).type === 'ABORT') this.producers.delete(h.producerId);
      },
      { verifyCrc: false },
    );
    return true;
  }
}
