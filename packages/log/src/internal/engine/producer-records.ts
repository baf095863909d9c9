/**
 * Turns producer-style records (string or Buffer keys and values, header maps, optional
 * partition) into per-partition RecordInput lists, placing each record as Kafka's producer does.
 */
import type { RecordHeader, RecordInput } from '@rill/protocol';
import { LogError } from '../../errors.js';
import { defaultPartition } from '../partitioner/default-partitioner.js';
import type { StickyPartitioner } from '../partitioner/sticky-partitioner.js';

/** A record to append to a topic; the engine chooses its partition unless `partition` is set. */
export interface ProducerRecord {
  /** Hashed with murmur2 to choose the partition (as Kafka's producers do); a string is UTF-8. */
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, string | Buffer>>;
  /** Create time in ms since the epoch; defaults to the engine clock's now. */
  readonly timestamp?: number;
  /** Explicit partition; skips the partitioner. */
  readonly partition?: number;
}

/** Where a record was stored. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** The record's create time, or the broker's append time if the topic uses LogAppendTime. */
  readonly timestamp: number;
}

/** Records bound for one partition, with their positions in the caller's array. */
export interface PartitionGroup {
  readonly partition: number;
  readonly inputs: RecordInput[];
  readonly indexes: number[];
}

export interface GroupResult {
  readonly groups: Map<number, PartitionGroup>;
  /** The partition keyless records went to, or -1 if there were none. */
  readonly stickyPartition: number;
}

const EMPTY_HEADERS: readonly RecordHeader[] = [];

export function groupByPartition(
  topic: string,
  records: readonly ProducerRecord[],
  numPartitions: number,
  sticky: StickyPartitioner,
  now: number,
): GroupResult {
  const groups = new Map<number, PartitionGroup>();
  let stickyPartition = -1;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const key = toBytes(r.key);
    let p: number;
    if (r.partition !== undefined && r.partition !== null) {
      p = r.partition;
      if (!Number.isInteger(p) || p < 0 || p >= numPartitions) {
        throw new LogError(
          'UNKNOWN_TOPIC_OR_PARTITION',
          `Invalid partition given with record: ${p} is not in the range [0...${numPartitions - 1}] of topic '${topic}'`,
        );
      }
    } else if (key !== null) {
      p = defaultPartition(key, numPartitions);
    } else {
      if (stickyPartition < 0) stickyPartition = sticky.partition(topic, numPartitions);
      p = stickyPartition;
    }
    const timestamp = r.timestamp ?? now;
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw new LogError(
        'INVALID_TIMESTAMP',
        `Invalid timestamp: ${timestamp}. Timestamp should always be a non-negative integer.`,
      );
    }
    let group = groups.get(p);
    if (group === undefined) groups.set(p, (group = { partition: p, inputs: [], indexes: [] }));
    group.inputs.push({ key, value: toBytes(r.value), headers: toHeaders(r.headers), timestamp });
    group.indexes.push(i);
  }
  return { groups, stickyPartition };
}

function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

function toHeaders(h: Readonly<Record<string, string | Buffer>> | undefined): readonly RecordHeader[] {
  if (h === undefined) return EMPTY_HEADERS;
  const out: RecordHeader[] = [];
  for (const key in h) {
    const v = h[key];
    out.push({ key, value: v === undefined || v === null ? null : toBytes(v) });
  }
  return out;
}
