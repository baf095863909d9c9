/**
 * Idempotent appends at the partition: retries are deduplicated with their original offsets,
 * sequence gaps are rejected, and producer state survives a clean reopen and a power cut.
 */
import { encodeRecordBatch } from '@rill/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../src/errors.js';
import { ManualClock } from '../src/internal/clock/manual-clock.js';
import { FaultyFileIO } from '../src/internal/io/faulty-file-io.js';
import type { Partition } from '../src/internal/partition/partition.js';
import { DIR, open, readAll } from '../src/internal/partition/test-helpers.js';
import { listSnapshots } from '../src/internal/producer/snapshot.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

function idempotentBatch(pid: number, epoch: number, seq: number, values: readonly string[]): Buffer {
  return encodeRecordBatch({
    records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: 1 })),
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: seq,
  });
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LogError) return e.code;
    throw e;
  }
  return 'NONE';
}

describe('idempotent appends', () => {
  it('acknowledges a retry with the original offsets and writes nothing', async () => {
    const p = await open(new FaultyFileIO());
    const a = await p.appendBatches(idempotentBatch(9, 0, 0, ['a', 'b']));
    const b = await p.appendBatches(idempotentBatch(9, 0, 2, ['c']));
    const retryA = await p.appendBatches(idempotentBatch(9, 0, 0, ['a', 'b']));
    expect(retryA).toMatchObject({ baseOffset: a.baseOffset, lastOffset: a.lastOffset, logAppendTime: -1 });
    expect((await p.appendBatches(idempotentBatch(9, 0, 2, ['c']))).baseOffset).toBe(b.baseOffset);
    expect(p.logEndOffset).toBe(3);
    expect(await code(p.appendBatches(idempotentBatch(9, 0, 5, ['x'])))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(await code(p.appendBatches(idempotentBatch(10, 0, 1, ['x'])))).toBe('UNKNOWN_PRODUCER_ID');
    expect((await readAll(p)).map((r) => r.value)).toEqual(['a', 'b', 'c']);
    await p.close();
  });

  it('a concurrent retry of an in-flight batch waits for it and answers its offsets', async () => {
    const clock = new ManualClock(0);
    const p = await open(new FaultyFileIO(), { 'rill.group.commit.ms': 5 }, clock);
    const first = p.appendBatches(idempotentBatch(1, 0, 0, ['a']));
    const retry = p.appendBatches(idempotentBatch(1, 0, 0, ['a']));
    let done = false;
    const both = Promise.all([first, retry]).then((r) => ((done = true), r));
    for (let i = 0; i < 100 && !done; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(5);
    }
    const [r1, r2] = await both;
    expect(r2.baseOffset).toBe(r1.baseOffset);
    expect(p.logEndOffset).toBe(1);
    await p.close();
  });

  it('producer state survives a clean reopen (snapshot) and a power cut (replay)', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 300 });
    for (let s = 0; s < 20; s++) await p.appendBatches(idempotentBatch(4, 1, s, [`v${s}`]));
    await p.close();
    const q = await open(io, { 'segment.bytes': 300 });
    expect(q.recovery.producers?.batchesReplayed).toBe(0);
    expect((await q.appendBatches(idempotentBatch(4, 1, 19, ['v19']))).baseOffset).toBe(19);
    expect(await code(q.appendBatches(idempotentBatch(4, 1, 21, ['x'])))).toBe(
      'OUT_OF_ORDER_SEQUENCE_NUMBER',
    );
    await q.appendBatches(idempotentBatch(4, 1, 20, ['v20']));
    await q.appendBatches(idempotentBatch(4, 1, 21, ['v21']));
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    const r = await open(after, { 'segment.bytes': 300 });
    expect(r.logEndOffset).toBe(22);
    expect(r.recovery.producers?.batchesReplayed).toBeGreaterThan(0);
    expect((await r.appendBatches(idempotentBatch(4, 1, 17, ['v17']))).baseOffset).toBe(17);
    expect((await r.appendBatches(idempotentBatch(4, 1, 22, ['v22']))).baseOffset).toBe(22);
    await r.close();
  });

  it('replayed producers are not expired by old record timestamps (CreateTime)', async () => {
    const io = new FaultyFileIO();
    const clock = new ManualClock(2_000_000_000_000);
    const p = await open(io, {}, clock);
    // Batch timestamps are 1 (1970): expiry must not read them as the producer's last activity.
    for (let s = 0; s < 3; s++) await p.appendBatches(idempotentBatch(6, 0, s, [`v${s}`]));
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 2 });
    const q = await open(after, {}, clock);
    expect(q.recovery.producers?.batchesReplayed).toBe(3);
    await q.appendBatches(idempotentBatch(7, 0, 0, ['other'])); // runs the expiry check
    expect((await q.appendBatches(idempotentBatch(6, 0, 3, ['v3']))).baseOffset).toBe(4);
    await q.close();
  });

  it('a snapshot past the log end after a crash is discarded', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 250, 'rill.group.commit.ms': 1_000_000 }, new ManualClock(0));
    // Unsynced appends: the roll writes a snapshot covering offsets that the crash then drops.
    const pending: Promise<unknown>[] = [];
    for (let s = 0; s < 6; s++)
      pending.push(p.appendBatches(idempotentBatch(2, 0, s, [`value-${s}`.repeat(8)])));
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 3 });
    // The dead partition never acknowledges them (its flush timer would need the clock).
    for (const x of pending) x.catch(() => undefined);
    const before = await listSnapshots(after, DIR);
    const q = await open(after, { 'segment.bytes': 250 });
    const end = q.logEndOffset;
    expect(end).toBeLessThan(6);
    expect(Math.max(...before)).toBeGreaterThan(end);
    expect((await listSnapshots(after, DIR)).every((o) => o <= end)).toBe(true);
    // The next sequence is exactly the log end: the state matches the log, not the lost snapshot.
    expect(await code(q.appendBatches(idempotentBatch(2, 0, end + 1, ['gap'])))).not.toBe('NONE');
    const next = await q.appendBatches(idempotentBatch(2, 0, end, ['next']));
    expect(next.baseOffset).toBe(end);
    await q.close();
  });

  it('replays the log for producer state only when producer batches follow the last clean close', async () => {
    const io = new FaultyFileIO();
    const p = await open(io);
    for (let i = 0; i < 5; i++) await p.appendRecords([{ key: null, value: Buffer.from(`plain${i}`) }]);
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    const q = await open(after);
    expect(q.recovery.producers).toMatchObject({ replayed: false, batchesReplayed: 0 });
    await q.appendBatches(idempotentBatch(1, 0, 0, ['x']));
    const { io: after2 } = after.crash({ mode: 'drop-unsynced', seed: 1 });
    const r = await open(after2);
    expect(r.recovery.producers).toMatchObject({ replayed: true });
    expect((await r.appendBatches(idempotentBatch(1, 0, 0, ['x']))).baseOffset).toBe(5);
    await r.close();
    const s = await open(after2);
    expect(s.recovery.producers).toMatchObject({ replayed: false });
    expect((await s.appendBatches(idempotentBatch(1, 0, 0, ['x']))).baseOffset).toBe(5);
    await s.close();
  });

  it('expires idle producers after producer.id.expiration.ms on the clock', async () => {
    const clock = new ManualClock(0);
    const io = new FaultyFileIO();
    const { openPartition } = await import('../src/internal/partition/partition.js');
    const { topicConfig } = await import('../src/internal/partition/test-helpers.js');
    const p = await openPartition({
      dir: '/x/t-0',
      topic: 't',
      partition: 0,
      config: topicConfig(),
      io,
      clock,
      cleanShutdown: false,
      producerState: { producerIdExpirationMs: 10_000, producerIdExpirationCheckIntervalMs: 1_000 },
    });
    await p.appendBatches(idempotentBatch(1, 0, 0, ['a']));
    clock.advance(9_000);
    await p.appendBatches(idempotentBatch(1, 0, 1, ['b']));
    clock.advance(10_001);
    await p.appendBatches(idempotentBatch(2, 0, 0, ['other']));
    expect(await code(p.appendBatches(idempotentBatch(1, 0, 2, ['c'])))).toBe('UNKNOWN_PRODUCER_ID');
    await p.close();
  });

  it('duplicated and reordered retries never create duplicate records', async () => {
    // A producer sends batches 0..n-1; the network duplicates and reorders deliveries. The log
    // must hold each batch once, in sequence order, and every delivery is either acknowledged
    // with the batch's one offset range or rejected as out of order (then retried later).
    const arb = fc.record({
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 }),
      deliveries: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
      reopenAt: fc.option(fc.nat({ max: 40 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ sizes, deliveries, reopenAt }) => {
        let io = new FaultyFileIO();
        let p: Partition = await open(io, { 'segment.bytes': 400 });
        const seqOf: number[] = [];
        let s = 0;
        for (const n of sizes) {
          seqOf.push(s);
          s += n;
        }
        const valuesOf = (i: number): string[] => Array.from({ length: sizes[i]! }, (_, k) => `b${i}-${k}`);
        const acked = new Map<number, number>();
        let nextToSend = 0;
        const deliver = async (i: number): Promise<void> => {
          try {
            const r = await p.appendBatches(idempotentBatch(3, 0, seqOf[i]!, valuesOf(i)));
            const prev = acked.get(i);
            if (prev !== undefined) expect(r.baseOffset).toBe(prev);
            acked.set(i, r.baseOffset);
          } catch (e) {
            expect(e).toBeInstanceOf(LogError);
            expect(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID']).toContain((e as LogError).code);
            // Only a batch beyond the next expected one, or one fallen out of the window, is refused.
            expect(i !== nextToSend).toBe(true);
          }
          while (acked.has(nextToSend)) nextToSend++;
        };
        for (let k = 0; k < deliveries.length; k++) {
          if (reopenAt === k) {
            await p.close();
            const crashed = io.crash({ mode: 'drop-unsynced', seed: k });
            io = crashed.io;
            p = await open(io, { 'segment.bytes': 400 });
          }
          // Deliveries pick among batches already sent at least once or the next new one.
          const i = deliveries[k]! % Math.min(sizes.length, nextToSend + 2);
          await deliver(i);
        }
        for (let i = nextToSend; i < sizes.length; i++) await deliver(i);
        const values = (await readAll(p)).map((r) => r.value);
        expect(values).toEqual(sizes.flatMap((_, i) => valuesOf(i)));
        await p.close();
      }),
      { numRuns: runs },
    );
  });
});
