/**
 * Helpers for the engine-level retention and compaction tests (not collected as a test file).
 */
import { forEachRecord, iterateBatches, readBatchHeader } from '@rill/protocol';
import { expect } from 'vitest';
import {
  FaultyFileIO,
  LogEngine,
  LogError,
  ManualClock,
  type BrokerConfigInput,
  type LogEngineOptions,
} from '../src/index.js';

export const DATA = '/data';

export interface Seen {
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: number;
}

/**
 * An engine over FaultyFileIO and a ManualClock; fsyncs happen at once (no group-commit timer)
 * and the background cleaner is off unless a test turns it on.
 */
export function openTestEngine(
  io: FaultyFileIO,
  clock: ManualClock,
  broker: BrokerConfigInput = {},
  extra: Partial<LogEngineOptions> = {},
): Promise<LogEngine> {
  return LogEngine.open({
    dataDir: DATA,
    io,
    clock,
    // A 1 MiB offset map (~39K keys) is "big" for these logs and keeps each engine's footprint small.
    brokerConfig: {
      'rill.group.commit.ms': 0,
      'log.cleaner.enable': false,
      'log.cleaner.dedupe.buffer.size': 1 << 20,
      ...broker,
    },
    ...extra,
  });
}

/** Every record from `from` (default the log start) to the high watermark, via engine.read. */
export async function readRecords(
  engine: LogEngine,
  topic: string,
  partition = 0,
  from?: number,
): Promise<Seen[]> {
  const out: Seen[] = [];
  let offset = from ?? engine.offsets(topic, partition).logStartOffset;
  for (;;) {
    const { batches, highWatermark } = await engine.read(topic, partition, offset, { maxBytes: 1 });
    if (offset >= highWatermark || batches.length === 0) return out;
    let next = offset;
    for (const batch of iterateBatches(batches)) {
      const h = readBatchHeader(batch);
      next = Math.max(next, h.baseOffset + h.lastOffsetDelta + 1);
      forEachRecord(batch, (r) => {
        if (r.offset < offset) return;
        out.push({
          offset: r.offset,
          key: r.key === null ? null : r.key.toString(),
          value: r.value === null ? null : r.value.toString(),
          timestamp: r.timestamp,
        });
      });
    }
    offset = next;
  }
}

/** The raw batch headers from the log start (base offset, last offset, record count, producer id). */
export async function readHeaders(
  engine: LogEngine,
  topic: string,
): Promise<{ base: number; last: number; count: number; producerId: number }[]> {
  const out: { base: number; last: number; count: number; producerId: number }[] = [];
  let offset = engine.offsets(topic, 0).logStartOffset;
  for (;;) {
    const { batches, highWatermark } = await engine.read(topic, 0, offset, { maxBytes: 1 });
    if (offset >= highWatermark || batches.length === 0) return out;
    for (const batch of iterateBatches(batches)) {
      const h = readBatchHeader(batch);
      out.push({
        base: h.baseOffset,
        last: h.baseOffset + h.lastOffsetDelta,
        count: h.recordsCount,
        producerId: h.producerId,
      });
      offset = h.baseOffset + h.lastOffsetDelta + 1;
    }
  }
}

export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    expect((e as { code?: unknown }).code).toBe(code);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

/** Let pending promise callbacks and I/O run until `cond` holds, at most `turns` macrotask turns. */
export async function until(cond: () => boolean | Promise<boolean>, turns = 5000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (await cond()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}

/** Append one record per call (one batch each), keyed. */
export async function put(
  engine: LogEngine,
  topic: string,
  key: string,
  value: string | null,
  timestamp?: number,
): Promise<number> {
  const r = await engine.appendToPartition(topic, 0, [
    {
      key: Buffer.from(key),
      value: value === null ? null : Buffer.from(value),
      ...(timestamp === undefined ? {} : { timestamp }),
    },
  ]);
  return r.baseOffset;
}

/** Latest record per key among `records` below `end` (what a complete compaction keeps there). */
export function latestPerKey(records: readonly Seen[], end: number): Set<number> {
  const latest = new Map<string, number>();
  for (const r of records) if (r.offset < end && r.key !== null) latest.set(r.key, r.offset);
  return new Set(latest.values());
}

export { LogError };
