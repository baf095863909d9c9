/**
 * Shared helpers for partition tests (not part of the package surface).
 */
import { forEachRecord, type RecordInput } from '@rill/protocol';
import type { Clock } from '../clock/clock.js';
import { ManualClock } from '../clock/manual-clock.js';
import { TOPIC_CONFIG_DEFAULTS, type TopicConfig } from '../config/topic-config.js';
import type { FileIO } from '../io/file-io.js';
import { openPartition, type Partition } from './partition.js';

export const DIR = '/data/t-0';

export function topicConfig(overrides: Partial<TopicConfig> = {}): Readonly<TopicConfig> {
  return { ...TOPIC_CONFIG_DEFAULTS, 'rill.group.commit.ms': 0, ...overrides };
}

export function open(
  io: FileIO,
  overrides: Partial<TopicConfig> = {},
  clock: Clock = new ManualClock(1_000_000),
): Promise<Partition> {
  return openPartition({
    dir: DIR,
    topic: 't',
    partition: 0,
    config: topicConfig(overrides),
    io,
    clock,
    cleanShutdown: false,
  });
}

export function rec(value: string, key: string | null = null, timestamp?: number): RecordInput {
  return {
    key: key === null ? null : Buffer.from(key),
    value: Buffer.from(value),
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

export interface SeenRecord {
  readonly offset: number;
  readonly timestamp: number;
  readonly value: string | null;
}

/** Decode every record of concatenated batches. */
export function recordsOf(batches: Buffer): SeenRecord[] {
  const out: SeenRecord[] = [];
  for (let p = 0; p < batches.length;) {
    const size = batches.readInt32BE(p + 8) + 12;
    forEachRecord(batches.subarray(p, p + size), (r) => {
      out.push({
        offset: r.offset,
        timestamp: r.timestamp,
        value: r.value === null ? null : r.value.toString(),
      });
    });
    p += size;
  }
  return out;
}

/** Read the whole visible log from `from`. */
export async function readAll(
  p: Partition,
  from = p.logStartOffset,
  maxBytes = 1 << 20,
): Promise<SeenRecord[]> {
  const out: SeenRecord[] = [];
  let offset = from;
  while (offset < p.highWatermark) {
    const { batches } = await p.read(offset, { maxBytes });
    if (batches.length === 0) break;
    const recs = recordsOf(batches).filter((r) => r.offset >= offset);
    out.push(...recs);
    offset = recs.length > 0 ? recs[recs.length - 1]!.offset + 1 : offset + 1;
  }
  return out;
}
