import fc from 'fast-check';
import {
  decodeRecordBatch,
  encodeRecordBatch,
  readBatchHeader,
  type CompressionCodecName,
} from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { CleanerError } from './cleaner-error.js';
import {
  groupSegments,
  runCleanerPass,
  type CleanableSegment,
  type CleanedSegmentWriter,
  type CleanerPassOptions,
} from './cleaner-pass.js';
import { OffsetMap } from './offset-map.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

interface MemSegment {
  baseOffset: number;
  nextOffset: number;
  batches: Buffer[];
}

/** An in-memory segmented log: closed segments plus an active one the cleaner never sees. */
class MemLog {
  readonly closed: MemSegment[] = [];
  active: MemSegment = { baseOffset: 0, nextOffset: 0, batches: [] };
  aborted = 0;

  append(
    records: { key: string | null; value: string | null }[],
    opts: { producerId?: number; compression?: CompressionCodecName } = {},
  ): void {
    const baseOffset = this.active.nextOffset;
    const batch = encodeRecordBatch({
      baseOffset,
      records: records.map((r, i) => ({
        key: r.key === null ? null : Buffer.from(r.key),
        value: r.value === null ? null : Buffer.from(r.value),
        timestamp: 5000 + baseOffset + i,
      })),
      producerId: opts.producerId ?? -1,
      producerEpoch: opts.producerId === undefined ? -1 : 0,
      baseSequence: opts.producerId === undefined ? -1 : baseOffset,
      compression: opts.compression ?? 'none',
    });
    this.active.batches.push(batch);
    this.active.nextOffset = baseOffset + records.length;
  }

  roll(): void {
    this.closed.push(this.active);
    this.active = { baseOffset: this.active.nextOffset, nextOffset: this.active.nextOffset, batches: [] };
  }

  cleanable(): CleanableSegment[] {
    return this.closed.map((s) => ({
      baseOffset: s.baseOffset,
      nextOffset: s.nextOffset,
      sizeBytes: s.batches.reduce((a, x) => a + x.length, 0),
      largestTimestamp: 0,
      async *readBatches() {
        for (const batch of s.batches) yield batch;
      },
    }));
  }

  createWriter = async (group: readonly CleanableSegment[]): Promise<CleanedSegmentWriter> => {
    const batches: Buffer[] = [];
    return {
      append: async (batch) => void batches.push(batch),
      finish: async () => {
        const first = this.closed.findIndex((s) => s.baseOffset === group[0]!.baseOffset);
        const replaced = {
          baseOffset: group[0]!.baseOffset,
          nextOffset: group[group.length - 1]!.nextOffset,
          batches,
        };
        this.closed.splice(first, group.length, replaced);
      },
      abort: async () => void this.aborted++,
    };
  };

  /** Every record in offset order: [offset, key, value, timestamp]. */
  records(): [number, string | null, string | null, number][] {
    const out: [number, string | null, string | null, number][] = [];
    let lastOffset = -1;
    for (const s of [...this.closed, this.active]) {
      for (const batch of s.batches) {
        const h = readBatchHeader(batch);
        expect(h.baseOffset).toBeGreaterThan(lastOffset);
        lastOffset = h.baseOffset + h.lastOffsetDelta;
        for (const r of decodeRecordBatch(batch).records)
          out.push([r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null, r.timestamp]);
      }
    }
    return out;
  }
}

function passOptions(
  log: MemLog,
  map: OffsetMap,
  over: Partial<CleanerPassOptions> = {},
): CleanerPassOptions {
  return {
    segments: log.cleanable(),
    firstDirtyOffset: 0,
    map,
    now: 10_000,
    deleteRetentionMs: 1000,
    segmentBytes: 1 << 20,
    createWriter: log.createWriter,
    ...over,
  };
}

const kv = (key: string | null, value: string | null) => ({ key, value });

describe('runCleanerPass', () => {
  it('keeps the latest record per key with original offsets, and never touches the active segment', async () => {
    const log = new MemLog();
    log.append([kv('a', '1'), kv('b', '1')]);
    log.append([kv('a', '2')]);
    log.roll();
    log.append([kv('b', '2'), kv('c', '1')]);
    log.roll();
    log.append([kv('a', '3')]); // active
    const map = new OffsetMap({ bufferBytes: 24 * 101, seed: 1 });
    const result = await runCleanerPass(passOptions(log, map));
    expect(log.records().map(([o, k, v]) => [o, k, v])).toEqual([
      [2, 'a', '2'],
      [3, 'b', '2'],
      [4, 'c', '1'],
      [5, 'a', '3'],
    ]);
    expect(result).toMatchObject({
      nextDirtyOffset: 5,
      complete: true,
      recordsRemoved: 2,
      recordsKept: 3,
      segmentsCleaned: 2,
      groups: 1,
      distinctKeys: 3,
    });
    expect(result.bytesWritten).toBeLessThan(result.bytesRead);
    expect(log.closed).toHaveLength(1);
  });

  it('groups small segments up to segment.bytes', () => {
    const seg = (baseOffset: number, sizeBytes: number): CleanableSegment => ({
      baseOffset,
      nextOffset: baseOffset + 10,
      sizeBytes,
      largestTimestamp: 0,
      readBatches: async function* () {},
    });
    const groups = groupSegments([seg(0, 40), seg(10, 50), seg(20, 20), seg(30, 100), seg(40, 1)], 100);
    expect(groups.map((g) => g.map((s) => s.baseOffset))).toEqual([[0, 10], [20], [30], [40]]);
  });

  it('stops where the dedupe buffer fills and resumes in the next pass', async () => {
    const log = new MemLog();
    for (let i = 0; i < 6; i++) log.append([kv(`k${i}`, 'old')]);
    for (let i = 0; i < 6; i++) log.append([kv(`k${i}`, 'new')]);
    log.roll();
    const map = new OffsetMap({ bufferBytes: 24 * 5, seed: 1 }); // 4 keys
    const first = await runCleanerPass(passOptions(log, map));
    expect(first.complete).toBe(false);
    expect(first.nextDirtyOffset).toBe(4);
    const second = await runCleanerPass(passOptions(log, map, { firstDirtyOffset: first.nextDirtyOffset }));
    expect(second.nextDirtyOffset).toBe(8);
    const third = await runCleanerPass(passOptions(log, map, { firstDirtyOffset: second.nextDirtyOffset }));
    expect(third.complete).toBe(true);
    expect(log.records().map(([o, , v]) => [o, v])).toEqual([6, 7, 8, 9, 10, 11].map((o) => [o, 'new']));
  });

  it('streams batch by batch: each batch is written before the next is read, and stops at firstUncleanableOffset', async () => {
    const log = new MemLog();
    for (let i = 0; i < 4; i++) log.append([kv(`k${i}`, 'v')]);
    log.roll();
    for (let i = 0; i < 3; i++) log.append([kv(`k${i}`, 'w')]);
    log.roll();
    const events: string[] = [];
    const segments = log.cleanable().map((s) => ({
      ...s,
      async *readBatches() {
        for await (const b of s.readBatches()) {
          events.push(`read ${readBatchHeader(b).baseOffset}`);
          yield b;
        }
      },
    }));
    const map = new OffsetMap({ bufferBytes: 24 * 101, seed: 1 });
    const result = await runCleanerPass(
      passOptions(log, map, {
        segments: segments.slice(0, 1),
        firstUncleanableOffset: 4,
        createWriter: async (group) => {
          const inner = await log.createWriter(group);
          return {
            ...inner,
            append: async (b) => (events.push(`write ${readBatchHeader(b).baseOffset}`), inner.append(b)),
          };
        },
      }),
    );
    expect(result).toMatchObject({ nextDirtyOffset: 4, complete: true, recordsRemoved: 0 });
    expect(events).toEqual([
      'read 0',
      'read 1',
      'read 2',
      'read 3',
      ...[0, 1, 2, 3].flatMap((o) => [`read ${o}`, `write ${o}`]),
    ]);
  });

  it('fails with a typed error when one batch has more keys than the buffer holds', async () => {
    const log = new MemLog();
    log.append(Array.from({ length: 10 }, (_, i) => kv(`k${i}`, 'v')));
    log.roll();
    const map = new OffsetMap({ bufferBytes: 24 * 5, seed: 1 });
    await expect(runCleanerPass(passOptions(log, map))).rejects.toMatchObject({
      code: 'CLEANER_DEDUPE_BUFFER_TOO_SMALL',
    });
  });

  it('pauses on the throttle hook mid-segment while other work proceeds, then completes', async () => {
    const log = new MemLog();
    for (let i = 0; i < 20; i++) log.append([kv(`k${i % 3}`, `${i}`)]);
    log.roll();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let paused = false;
    const map = new OffsetMap({ bufferBytes: 24 * 101, seed: 1 });
    const pass = runCleanerPass(
      passOptions(log, map, {
        throttle: (p) => {
          if (p.phase === 'clean' && p.offset === 5 && !paused) {
            paused = true;
            return gate;
          }
          return undefined;
        },
      }),
    );
    for (let i = 0; i < 1000 && !paused; i++) await new Promise((r) => setImmediate(r));
    expect(paused).toBe(true);
    // While paused mid-segment: appends to the active segment and reads succeed.
    log.append([kv('k0', 'during')]);
    expect(log.records().at(-1)?.[2]).toBe('during');
    let settled = false;
    void pass.then(() => (settled = true));
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    release();
    const result = await pass;
    expect(result.complete).toBe(true);
    expect(log.records().map(([o, k]) => [o, k])).toEqual([
      [17, 'k2'],
      [18, 'k0'],
      [19, 'k1'],
      [20, 'k0'],
    ]);
  });

  it('aborts through its signal, discarding the unfinished segment', async () => {
    const log = new MemLog();
    for (let i = 0; i < 10; i++) log.append([kv('k', `${i}`)]);
    log.roll();
    const before = log.records();
    const controller = new AbortController();
    const map = new OffsetMap({ bufferBytes: 24 * 101, seed: 1 });
    const pass = runCleanerPass(
      passOptions(log, map, {
        signal: controller.signal,
        throttle: (p) => void (p.phase === 'clean' && controller.abort()),
      }),
    );
    await expect(pass).rejects.toBeInstanceOf(CleanerError);
    await expect(pass).rejects.toMatchObject({ code: 'CLEANER_ABORTED', retriable: true });
    expect(log.aborted).toBe(1);
    expect(log.records()).toEqual(before);
  });
});

describe('runCleanerPass model', () => {
  type Rec = { key: string | null; value: string | null };
  const recArb: fc.Arbitrary<Rec> = fc.oneof(
    {
      weight: 14,
      arbitrary: fc.record({
        key: fc.integer({ min: 0, max: 9 }).map((k) => `k${k}`),
        value: fc.string({ maxLength: 3 }),
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        key: fc.integer({ min: 0, max: 9 }).map((k) => `k${k}`),
        value: fc.constant(null),
      }),
    },
    { weight: 1, arbitrary: fc.record({ key: fc.constant(null), value: fc.string({ maxLength: 3 }) }) },
  );
  const batchArb = fc.record({
    records: fc.array(recArb, { minLength: 1, maxLength: 4 }),
    producer: fc.boolean(),
    compression: fc.constantFrom<CompressionCodecName>('none', 'none', 'gzip'),
    rollAfter: fc.boolean(),
  });

  it('passes until done leave exactly the latest record per key, offsets and order preserved', async () => {
    let multiPassRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(batchArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(5, 7, 11),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 400 }),
        async (batches, slots, retention, segmentBytes) => {
          const log = new MemLog();
          for (const b of batches) {
            log.append(b.records, { compression: b.compression, ...(b.producer ? { producerId: 9 } : {}) });
            if (b.rollAfter) log.roll();
          }
          const original = log.records();
          const activeBase = log.active.baseOffset;
          const map = new OffsetMap({ bufferBytes: 24 * slots, seed: 7 });
          const bufferBytes = map.bufferBytes;

          const expected = (withTombstones: boolean) => {
            const latest = new Map<string, number>();
            for (const [o, k] of original) if (k !== null && o < activeBase) latest.set(k, o);
            return original.filter(
              ([o, k, v]) =>
                o >= activeBase || k === null || (latest.get(k) === o && (withTombstones || v !== null)),
            );
          };

          // Passes at one instant: the dirty range is covered piece by piece.
          let firstDirtyOffset = 0;
          let passes = 0;
          for (;;) {
            const result = await runCleanerPass(
              passOptions(log, map, {
                firstDirtyOffset,
                now: 10_000,
                deleteRetentionMs: retention,
                segmentBytes,
              }),
            );
            passes++;
            expect(result.nextDirtyOffset).toBeGreaterThanOrEqual(firstDirtyOffset);
            if (result.complete) break;
            expect(result.nextDirtyOffset).toBeGreaterThan(firstDirtyOffset);
            firstDirtyOffset = result.nextDirtyOffset;
            expect(passes).toBeLessThan(200);
          }
          if (passes > 1) multiPassRuns++;
          expect(log.records()).toEqual(expected(true));

          // Once the delete horizon has passed, a pass removes the tombstones too.
          const last = log.closed.at(-1);
          await runCleanerPass(
            passOptions(log, map, {
              firstDirtyOffset: last?.nextOffset ?? 0,
              now: 10_000 + retention,
              deleteRetentionMs: retention,
              segmentBytes,
            }),
          );
          expect(log.records()).toEqual(expected(false));
          expect(map.bufferBytes).toBe(bufferBytes);
        },
      ),
      { numRuns: runs },
    );
    expect(multiPassRuns).toBeGreaterThan(0);
  });
});
