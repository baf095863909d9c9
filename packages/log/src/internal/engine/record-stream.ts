/**
 * The engine's async iterator over a partition: decodes records from an offset, then waits for
 * new ones through the partition's waitForData (a promise resolved on append, never polling).
 */
import {
  decodeControlRecord,
  forEachRecord,
  isControlBatch,
  isTransactional,
  readBatchHeader,
  type RecordHeader,
} from '@rill/protocol';
import { LogError } from '../../errors.js';
import type { IsolationLevel, PartitionLog } from '../partition/types.js';
import type { AbortedTransaction } from '../producer/txn-index.js';
import { batchSpan } from './batch-span.js';

/** A record read through {@link LogEngine.records}. Key, value and header values are views into the read buffer. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

export interface RecordStreamOptions {
  readonly topic: string;
  readonly partition: number;
  /** Looks the partition up again on every round, so a deleted topic ends the stream with an error. */
  readonly lookup: () => PartitionLog;
  readonly isClosed: () => boolean;
  readonly fromOffset?: number;
  readonly signal?: AbortSignal;
  /** Byte limit per read; default the partition's. */
  readonly maxBytes?: number;
  /** `read_committed`: stop at the last stable offset and skip aborted transactions' records. */
  readonly isolation?: IsolationLevel;
}

export async function* recordStream(
  options: RecordStreamOptions,
): AsyncGenerator<ConsumedRecord, void, undefined> {
  const { topic, partition, lookup, isClosed, signal } = options;
  const log = lookup();
  let offset = options.fromOffset ?? log.logStartOffset;
  // Kafka's fetch rule: an offset past the log end is out of range (the log end itself is a tail).
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > log.logEndOffset) {
    throw new LogError(
      'OFFSET_OUT_OF_RANGE',
      `Offset ${offset} is out of range for ${topic}-${partition} (log end offset ${log.logEndOffset})`,
    );
  }
  const committed = options.isolation === 'read_committed';
  const readOptions = {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(committed ? { isolation: 'read_committed' as const } : {}),
  };
  // Kafka's consumer-side filter: aborted transactions (by first offset) not yet reached, and
  // producers whose aborted transaction is being skipped until its ABORT marker.
  let pendingAborts: AbortedTransaction[] = [];
  const abortedProducers = new Set<number>();
  const stopped = (): boolean => signal?.aborted === true || isClosed();
  const out: ConsumedRecord[] = [];

  while (!stopped()) {
    if (lookup() !== log)
      throw new LogError('UNKNOWN_TOPIC_OR_PARTITION', `Partition ${topic}-${partition} was deleted`);
    if (offset >= (committed ? log.lastStableOffset : log.highWatermark)) {
      // The last stable offset only moves when the high watermark does: wait for the next move.
      await log.waitForData(committed ? Math.max(offset, log.highWatermark) : offset, signal);
      continue;
    }
    const { batches, abortedTransactions, highWatermark, lastStableOffset } = await log.read(
      offset,
      readOptions,
    );
    if (abortedTransactions !== null && abortedTransactions.length > 0) {
      pendingAborts = [...pendingAborts, ...abortedTransactions].sort(
        (a, b) => a.firstOffset - b.firstOffset,
      );
    }
    if (batches.length === 0) {
      // Compaction removed every record from here to the readable end: nothing to deliver
      // before it, so the stream continues there (Kafka consumers likewise move past gaps).
      offset = Math.max(offset, committed ? lastStableOffset : highWatermark);
      continue;
    }
    for (const span of batchSpan(batches)) {
      let skip = false;
      if (committed) {
        const h = readBatchHeader(span.batch);
        while (pendingAborts.length > 0 && pendingAborts[0]!.firstOffset < span.nextOffset)
          abortedProducers.add(pendingAborts.shift()!.producerId);
        if (isControlBatch(h.attributes)) {
          if (abortedProducers.has(h.producerId)) {
            forEachRecord(
              span.batch,
              (r) => {
                if (decodeControlRecord(r).type === 'ABORT') abortedProducers.delete(h.producerId);
              },
              { verifyCrc: false },
            );
          }
        } else skip = isTransactional(h.attributes) && abortedProducers.has(h.producerId);
      }
      if (!span.isControl && !skip && span.nextOffset > offset) {
        const from = offset;
        // The partition verified the CRC before serving; do not pay for it twice.
        forEachRecord(
          span.batch,
          (r) => {
            if (r.offset >= from) {
              out.push({
                topic,
                partition,
                offset: r.offset,
                timestamp: r.timestamp,
                key: r.key,
                value: r.value,
                headers: r.headers,
              });
            }
          },
          { verifyCrc: false },
        );
      }
      offset = Math.max(offset, span.nextOffset);
      for (let i = 0; i < out.length; i++) {
        yield out[i]!;
        if (stopped()) return;
      }
      out.length = 0;
    }
  }
}
