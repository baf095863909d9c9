/**
 * The engine's async iterator over a partition: decodes records from an offset, then waits for
 * new ones through the partition's waitForData (a promise resolved on append, never polling).
 */
import { forEachRecord, type RecordHeader } from '@rill/protocol';
import { LogError } from '../../errors.js';
import type { PartitionLog } from '../partition/types.js';
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
  const readOptions = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  const stopped = (): boolean => signal?.aborted === true || isClosed();
  const out: ConsumedRecord[] = [];

  while (!stopped()) {
    if (lookup() !== log)
      throw new LogError('UNKNOWN_TOPIC_OR_PARTITION', `Partition ${topic}-${partition} was deleted`);
    if (offset >= log.highWatermark) {
      await log.waitForData(offset, signal);
      continue;
    }
    const { batches } = await log.read(offset, readOptions);
    if (batches.length === 0) {
      throw new LogError(
        'KAFKA_STORAGE_ERROR',
        `Read of ${topic}-${partition} at ${offset} below the high watermark returned no data`,
      );
    }
    for (const span of batchSpan(batches)) {
      if (!span.isControl && span.nextOffset > offset) {
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
