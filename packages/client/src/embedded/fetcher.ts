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
import type { FetchBuffer, PartitionState } from './partition-states.js';

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

  /**
   * Bytes of record batches readable at the partitions' positions, counted until `enough`: the
   * check Kafka's broker makes before answering a fetch under `fetch.min.bytes`. Buffered records
   * are a completed fetch, and a partition whose read fails is left to the fetch to report: both
   * count as enough.
   */
  async available(fetchable: readonly PartitionState[], enough: number): Promise<number> {
    let bytes = 0;
    for (const s of fetchable) {
      if (s.buffer !== null) return Infinity;
      const position = s.position!;
      let end: number;
      try {
        end = this.endOffset(s.topic, s.partition);
      } catch (e) {
        if (isClientError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) continue;
        throw e;
      }
      s.endOffset = end;
      if (position >= end) continue;
      try {
        const { batches } = await this.engine.read(s.topic, s.partition, position, {
          maxBytes: this.limits.maxPartitionBytes,
          maxOffset: end,
          isolation: this.limits.isolation,
        });
        bytes += batches.length;
      } catch (e) {
        if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) continue;
        // Out of range and the like: the fetch that follows handles and reports it.
        return Infinity;
      }
      if (bytes >= enough) return bytes;
    }
    return bytes;
  }

  private async fetchOne(state: PartitionState, budget: number): Promise<PartitionRecords | null> {
    const { topic, partition } = state;
    const position = state.position!;
    const buffered = state.buffer;
    if (buffered !== null) {
      if (buffered.records[buffered.index]!.offset === position)
        return this.fromBuffer(state, buffered, budget);
      // The position moved (seek) since the records were buffered.
      state.buffer = null;
    }
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
      // The engine verified the CRC before serving the bytes.
      forEachRecord(
        batch,
        (r) => {
          if (r.offset < from || r.offset >= end) return;
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
        },
        { verifyCrc: false },
      );
      next = Math.min(batchNext, end);
    }
    if (next <= position) {
      if (batches.length > 0)
        throw new ClientError(
          'CORRUPT_MESSAGE',
          `Fetch of ${topic}-${partition} at ${position} made no progress`,
        );
      return null;
    }
    if (records.length <= budget) {
      state.position = next;
      return records.length === 0
        ? null
        : { topic, partition, records, nextOffset: next, highWatermark: end };
    }
    // max.poll.records cut this partition short: keep the rest decoded for the next poll.
    state.buffer = { records, index: 0, next, highWatermark: end };
    return this.fromBuffer(state, state.buffer, budget);
  }

  /** Return up to `budget` buffered records and advance the position past them. */
  private fromBuffer(state: PartitionState, buffer: FetchBuffer, budget: number): PartitionRecords {
    const from = buffer.index;
    const to = Math.min(buffer.records.length, from + budget);
    const records =
      from === 0 && to === buffer.records.length ? buffer.records : buffer.records.slice(from, to);
    let nextOffset: number;
    if (to === buffer.records.length) {
      nextOffset = buffer.next;
      state.buffer = null;
    } else {
      nextOffset = buffer.records[to - 1]!.offset + 1;
      buffer.index = to;
    }
    state.position = nextOffset;
    const { topic, partition } = state;
    return { topic, partition, records, nextOffset, highWatermark: buffer.highWatermark };
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
