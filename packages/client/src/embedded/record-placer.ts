/**
 * Where each record goes before it is batched: its bytes and size are prepared, its partition
 * chosen (explicit, custom partitioner, murmur2 of the key, or sticky), and it is added to the
 * accumulator. Records of one topic reach the accumulator in send order even when the topic's
 * partition count has to be looked up first.
 */
import type { RecordInput } from '@rill/protocol';
import type { Clock } from '@rill/log';
import { toBytes, toHeaders } from '../api/common.js';
import type { ProducerRecord, RecordMetadata } from '../api/producer.js';
import { ClientError, toClientError } from '../errors.js';
import type { RecordAccumulator } from './accumulator.js';
import type { ProducerPartitioner } from './partitioner.js';
import type { TopicMetadata } from './topic-metadata.js';

/** Bytes a record adds to a batch besides its key, value and headers (varint fields, roughly). */
const RECORD_OVERHEAD = 16;

interface Prepared {
  readonly input: RecordInput;
  readonly size: number;
}

export class RecordPlacer {
  /** Per topic, the last record waiting for metadata: later records of the topic queue behind it. */
  private readonly placing = new Map<string, Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly maxRequestSize: number,
    private readonly metadata: TopicMetadata,
    private readonly partitioner: ProducerPartitioner,
    private readonly accumulator: RecordAccumulator,
  ) {}

  /** True when no record is waiting for metadata. */
  get idle(): boolean {
    return this.placing.size === 0;
  }

  /** Resolves when every record placed so far is in the accumulator (or failed). */
  async placed(): Promise<void> {
    while (this.placing.size > 0) await Promise.all([...this.placing.values()]);
  }

  /** Place a record: synchronously when its topic's partition count is cached, else after a lookup. */
  place(record: ProducerRecord): Promise<RecordMetadata> {
    try {
      const prepared = this.prepare(record);
      const { topic } = record;
      const count = this.metadata.cachedCount(topic);
      const explicit = record.partition;
      const earlier = this.placing.get(topic);
      if (
        earlier === undefined &&
        count !== undefined &&
        (explicit === undefined || explicit === null || inRange(explicit, count))
      )
        return this.add(record, prepared, count);
      // Wrapped so that `placed` settles when the record is in the accumulator, not when acked.
      const placed = (earlier ?? Promise.resolve())
        .then(() => this.metadata.partitionCount(topic, count !== undefined))
        .then((fresh) => ({ ack: this.add(record, prepared, fresh) }));
      const settled = placed.then(
        () => undefined,
        // Only the order matters here; the failure reaches the caller through the returned promise.
        () => undefined,
      );
      this.placing.set(topic, settled);
      void settled.then(() => {
        if (this.placing.get(topic) === settled) this.placing.delete(topic);
      });
      return placed.then((p) => p.ack);
    } catch (e) {
      return Promise.reject(toClientError(e, record.topic));
    }
  }

  private prepare(record: ProducerRecord): Prepared {
    const key = toBytes(record.key);
    const value = toBytes(record.value);
    const headers = toHeaders(record.headers);
    const timestamp = record.timestamp ?? this.clock.now();
    if (!Number.isSafeInteger(timestamp) || timestamp < 0)
      throw new ClientError('INVALID_TIMESTAMP', `Invalid timestamp ${timestamp}`, {
        resource: record.topic,
      });
    let size = RECORD_OVERHEAD + (key?.length ?? 0) + (value?.length ?? 0);
    for (const h of headers) size += h.key.length + (h.value?.length ?? 0) + 2;
    if (size > this.maxRequestSize)
      throw new ClientError(
        'MESSAGE_TOO_LARGE',
        `The record is ${size} bytes, larger than max.request.size (${this.maxRequestSize})`,
        { resource: record.topic },
      );
    return { input: { key, value, headers, timestamp }, size };
  }

  private add(record: ProducerRecord, prepared: Prepared, count: number): Promise<RecordMetadata> {
    const { topic } = record;
    const explicit = record.partition;
    const partition =
      explicit === undefined || explicit === null
        ? this.partitioner.partition(record, prepared.input.key, count)
        : explicit;
    if (!inRange(partition, count))
      throw new ClientError(
        'UNKNOWN_TOPIC_OR_PARTITION',
        `Partition ${partition} is not in the range [0...${count - 1}] of topic '${topic}'`,
        { resource: `${topic}-${partition}` },
      );
    const timestamp = prepared.input.timestamp!;
    return new Promise<RecordMetadata>((resolve, reject) => {
      this.accumulator.add(topic, partition, prepared.input, prepared.size, {
        resolve: (offset, logAppendTime) =>
          resolve({ topic, partition, offset, timestamp: logAppendTime !== -1 ? logAppendTime : timestamp }),
        reject,
      });
    });
  }
}

function inRange(partition: number, count: number): boolean {
  return Number.isInteger(partition) && partition >= 0 && partition < count;
}
