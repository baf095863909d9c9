/**
 * Log compaction through the engine: latest record per key with offsets preserved, tombstones
 * dropped after delete.retention.ms (KIP-534 horizon), the active segment untouched,
 * compact,delete, a dedupe buffer too small for the keys, crashes during a replacement, the
 * background cleaner, and appends and reads running while a pass is paused mid-segment.
 */
import { describe, expect, it } from 'vitest';
import { CleanerError, FaultyFileIO, ManualClock, type LogEngine } from '../src/index.js';
import {
  DATA,
  expectCode,
  latestPerKey,
  openTestEngine,
  put,
  readHeaders,
  readRecords,
  until,
  type Seen,
} from './maintenance-helpers.js';

const T0 = 1_000_000;
const COMPACT = { 'cleanup.policy': 'compact', 'segment.bytes': 400 } as const;

/** 5 keys, each written `rounds` times, one record per batch; returns what was appended. */
async function churn(engine: LogEngine, topic: string, rounds: number, keys = 5): Promise<Seen[]> {
  const out: Seen[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < keys; k++) {
      const value = `v${r}-${k}`.padEnd(24, '.');
      const offset = await put(engine, topic, `k${k}`, value);
      out.push({ offset, key: `k${k}`, value, timestamp: T0 });
    }
  }
  return out;
}

/** What a complete compaction up to `end` leaves: the latest per key below it, everything above. */
function compacted(all: readonly Seen[], end: number, dropTombstones = false): Seen[] {
  const keep = latestPerKey(all, end);
  return all.filter((r) => r.offset >= end || (keep.has(r.offset) && !(dropTombstones && r.value === null)));
}

const view = (xs: readonly Seen[]) => xs.map((r) => [r.offset, r.key, r.value]);

describe('compaction', () => {
  it('keeps the latest record per key with offsets preserved and never touches the active segment', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('c', { configs: COMPACT });
    const all = await churn(engine, 'c', 12);
    const r = await engine.compact('c', 0);
    expect(r.passes).toBe(1);
    expect(r.recordsRemoved).toBeGreaterThan(0);
    const end = r.firstUncleanableOffset;
    expect(end).toBeGreaterThan(0);
    expect(end).toBeLessThan(60); // the active segment holds the tail
    expect(r.nextDirtyOffset).toBe(end);
    const seen = await readRecords(engine, 'c');
    expect(view(seen)).toEqual(view(compacted(all, end)));
    // Offsets are preserved, so reading from an offset that was compacted away starts at the next record.
    const gone = all.find((x) => !seen.some((s) => s.offset === x.offset))!;
    const from = await readRecords(engine, 'c', 0, gone.offset);
    expect(from[0]!.offset).toBeGreaterThan(gone.offset);
    // A second run finds nothing new to clean.
    expect(await engine.compact('c', 0)).toMatchObject({ passes: 0, recordsRemoved: 0 });
    // ... and its checkpoint survives a reopen.
    await engine.close();
    const again = await openTestEngine((engine as unknown as { io: FaultyFileIO }).io, clock);
    expect(await again.compact('c', 0)).toMatchObject({ passes: 0, firstDirtyOffset: end });
    expect(view(await readRecords(again, 'c'))).toEqual(view(compacted(all, end)));
    await again.close();
  });

  it('drops a tombstone only after delete.retention.ms, in a pass due at its horizon', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('c', { configs: { ...COMPACT, 'delete.retention.ms': 5000 } });
    const all = await churn(engine, 'c', 4);
    all.push({ offset: await put(engine, 'c', 'k1', null), key: 'k1', value: null, timestamp: T0 });
    all.push(...(await churn(engine, 'c', 6, 0)));
    for (let i = 0; i < 12; i++) {
      const value = `w${i}`.padEnd(24, '.');
      all.push({ offset: await put(engine, 'c', `z${i}`, value), key: `z${i}`, value, timestamp: T0 });
    }
    const first = await engine.compact('c', 0);
    expect(first.tombstonesRemoved).toBe(0);
    expect(first.deleteHorizonMs).toBe(T0 + 5000);
    const end = first.firstUncleanableOffset;
    const tombstone = all.find((x) => x.value === null)!;
    expect(tombstone.offset).toBeLessThan(end);
    expect(view(await readRecords(engine, 'c'))).toEqual(view(compacted(all, end)));

    clock.advance(4999);
    expect(await engine.compact('c', 0)).toMatchObject({ passes: 0 });
    clock.advance(1);
    const second = await engine.compact('c', 0);
    expect(second).toMatchObject({ passes: 1, tombstonesRemoved: 1, deleteHorizonMs: -1 });
    expect(view(await readRecords(engine, 'c'))).toEqual(view(compacted(all, end, true)));
    await engine.close();
  });

  it('runs in the background on the dirtiest log, and for an expired tombstone horizon', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock, {
      'log.cleaner.enable': true,
      'log.cleaner.backoff.ms': 1000,
    });
    await engine.createTopic('quiet', { configs: { ...COMPACT, 'min.compaction.lag.ms': 1e9 } });
    await engine.createTopic('dirty', { configs: { ...COMPACT, 'delete.retention.ms': 100 } });
    const all = await churn(engine, 'dirty', 10);
    all.push({ offset: await put(engine, 'dirty', 'k0', null), key: 'k0', value: null, timestamp: T0 });
    all.push(...(await churn(engine, 'dirty', 4, 0)));
    for (let i = 0; i < 10; i++) {
      const value = `w${i}`.padEnd(24, '.');
      all.push({ offset: await put(engine, 'dirty', `z${i}`, value), key: `z${i}`, value, timestamp: T0 });
    }
    const quiet = await churn(engine, 'quiet', 10);
    const before = (await readRecords(engine, 'dirty')).length;
    clock.advance(1000); // the cleaner wakes up
    await until(async () => (await readRecords(engine, 'dirty')).length < before);
    const afterFirst = await readRecords(engine, 'dirty');
    expect(afterFirst.some((r) => r.value === null)).toBe(true);
    // Within min.compaction.lag.ms, the quiet topic is left alone.
    expect((await readRecords(engine, 'quiet')).length).toBe(quiet.length);
    clock.advance(1000); // past the tombstone's horizon: a pass removes it although nothing is dirty
    await until(async () => !(await readRecords(engine, 'dirty')).some((r) => r.value === null));
    const cleaned = await readRecords(engine, 'dirty');
    for (const r of cleaned) expect(all.find((x) => x.offset === r.offset)).toEqual(r);
    await engine.close();
    expect(clock.pendingTimers).toBe(0);
  });

  it('compact,delete both compacts and applies retention', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('cd', {
      configs: { ...COMPACT, 'cleanup.policy': 'compact,delete', 'retention.ms': 1000 },
    });
    const old = await churn(engine, 'cd', 6);
    clock.advance(2000);
    const fresh: Seen[] = [];
    for (let r = 0; r < 6; r++) {
      for (let k = 0; k < 5; k++) {
        const value = `n${r}-${k}`.padEnd(24, '.');
        fresh.push({ offset: await put(engine, 'cd', `k${k}`, value), key: `k${k}`, value, timestamp: 0 });
      }
    }
    const c = await engine.compact('cd', 0);
    expect(c.recordsRemoved).toBeGreaterThan(0);
    const [r] = await engine.runRetention('cd');
    expect(r!.segmentsDeleted).toBeGreaterThan(0);
    const lso = engine.offsets('cd', 0).logStartOffset;
    expect(lso).toBeGreaterThan(0);
    const seen = await readRecords(engine, 'cd');
    const expected = compacted([...old, ...fresh], c.firstUncleanableOffset).filter((x) => x.offset >= lso);
    expect(view(seen)).toEqual(view(expected));
    expect(seen.every((x) => x.value!.startsWith('n'))).toBe(true);
    await engine.close();
  });

  it('takes several passes when the dedupe buffer is too small for the keys, with the same result', async () => {
    const clock = new ManualClock(T0);
    const io = new FaultyFileIO();
    const engine = await openTestEngine(io, clock);
    await engine.createTopic('small', { configs: COMPACT });
    await engine.createTopic('big', { configs: COMPACT });
    const a = await churn(engine, 'small', 8, 12);
    await churn(engine, 'big', 8, 12);
    // 240 bytes = 10 slots of 24 bytes, 9 keys at the default load factor: fewer than the 12 keys.
    const small = await engine.compact('small', 0, { dedupeBufferBytes: 240 });
    const big = await engine.compact('big', 0);
    expect(small.passes).toBeGreaterThan(1);
    expect(big.passes).toBe(1);
    expect(small.firstUncleanableOffset).toBe(big.firstUncleanableOffset);
    const expected = view(compacted(a, big.firstUncleanableOffset));
    expect(view(await readRecords(engine, 'small'))).toEqual(expected);
    expect(view(await readRecords(engine, 'big'))).toEqual(expected);
    await expect(engine.compact('small', 0, { dedupeBufferBytes: 10 })).rejects.toMatchObject({
      code: 'CLEANER_DEDUPE_BUFFER_INVALID',
    });
    await engine.close();
  });

  it('empties older producer batches but keeps the header of a producer’s last batch', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('p', { configs: COMPACT });
    const opts = (seq: number) => ({ producerId: 7, producerEpoch: 0, baseSequence: seq });
    const b1 = await engine.appendToPartition(
      'p',
      0,
      [{ key: Buffer.from('a'), value: Buffer.from('1') }],
      opts(0),
    );
    const b2 = await engine.appendToPartition(
      'p',
      0,
      [{ key: Buffer.from('b'), value: Buffer.from('1') }],
      opts(1),
    );
    await churn(engine, 'p', 6, 2); // keys k0, k1
    await put(engine, 'p', 'a', '2');
    await put(engine, 'p', 'b', '2');
    await churn(engine, 'p', 6, 2);
    await engine.compact('p', 0);
    const headers = await readHeaders(engine, 'p');
    expect(headers.find((h) => h.base === b1.baseOffset)).toBeUndefined();
    expect(headers.find((h) => h.base === b2.baseOffset)).toMatchObject({ count: 0, producerId: 7 });
    await engine.close();
  });

  it('keeps every acknowledged record readable when power fails at any step of a pass', async () => {
    let sawOld = false;
    let sawNew = false;
    for (let cut = 1; cut < 400; cut += 7) {
      const clock = new ManualClock(T0);
      const io = new FaultyFileIO();
      const engine = await openTestEngine(io, clock);
      await engine.createTopic('c', { configs: COMPACT });
      const all = await churn(engine, 'c', 8);
      io.crashAfterOps(cut, { mode: cut % 2 === 0 ? 'tear-last-write' : 'drop-unsynced', seed: cut });
      let end = -1;
      try {
        end = (await engine.compact('c', 0)).firstUncleanableOffset;
      } catch (e) {
        // The power cut interrupts the pass: exactly what this loop explores.
        expect(String(e)).toMatch(/power lost|after power loss/);
      }
      const crash = io.lastCrash ?? io.crash({ mode: 'drop-unsynced', seed: cut });
      const reopened = await openTestEngine(crash.io, new ManualClock(T0 + 1));
      const seen = await readRecords(reopened, 'c');
      // Every record served is the one appended at its offset; the latest per key is always there.
      for (const r of seen) expect(all[r.offset]).toEqual(r);
      const offsets = new Set(seen.map((r) => r.offset));
      for (const o of latestPerKey(all, all.length)) expect(offsets.has(o)).toBe(true);
      if (seen.length === all.length) sawOld = true;
      else sawNew = true;
      if (end >= 0) expect(view(seen)).toEqual(view(compacted(all, end)));
      // The log still compacts and accepts appends.
      await reopened.compact('c', 0);
      await put(reopened, 'c', 'k0', 'later');
      const names = await crash.io.readdir(`${DATA}/c-0`);
      expect(names.filter((n) => /cleaned|swap|deleted|replace/.test(n))).toEqual([]);
      await reopened.close();
    }
    expect(sawOld && sawNew).toBe(true);
  });

  it('lets appends and reads complete while a pass is paused mid-segment, and close aborts it', async () => {
    const clock = new ManualClock(T0);
    const io = new FaultyFileIO();
    let release: (() => void) | null = null;
    let paused = 0;
    const engine = await openTestEngine(
      io,
      clock,
      {},
      {
        cleanerThrottle: (progress) => {
          if (progress.phase !== 'clean' || paused > 0 || progress.topic !== 'c') return;
          paused++;
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        },
      },
    );
    await engine.createTopic('c', { configs: COMPACT });
    const all = await churn(engine, 'c', 8);
    const compaction = engine.compact('c', 0);
    await until(() => release !== null);
    // Paused after the first batch of the first segment was cleaned: the log stays fully usable.
    for (let i = 0; i < 20; i++) {
      const value = `p${i}`.padEnd(24, '.');
      all.push({
        offset: await put(engine, 'c', `k${i % 5}`, value),
        key: `k${i % 5}`,
        value,
        timestamp: T0,
      });
    }
    expect(view(await readRecords(engine, 'c'))).toEqual(view(all));
    // DeleteRecords past the segments being replaced: the log start moves at once, the
    // segments under replacement are deleted once it ends.
    expect(await engine.deleteRecords('c', 0, 12)).toBe(12);
    await expectCode(engine.read('c', 0, 11), 'OFFSET_OUT_OF_RANGE');
    expect(view(await readRecords(engine, 'c'))).toEqual(view(all.filter((x) => x.offset >= 12)));
    release!();
    const r = await compaction;
    expect(r.recordsRemoved).toBeGreaterThan(0);
    expect(view(await readRecords(engine, 'c'))).toEqual(
      view(compacted(all, r.firstUncleanableOffset).filter((x) => x.offset >= 12)),
    );
    expect(engine.offsets('c', 0).logStartOffset).toBe(12);

    // Pause again, then close: the pass is aborted, close completes, nothing is left behind.
    paused = 0;
    release = null;
    await churn(engine, 'c', 8);
    const second = engine.compact('c', 0);
    await until(() => release !== null);
    const before = await readRecords(engine, 'c');
    await engine.close();
    await expect(second).rejects.toBeInstanceOf(CleanerError);
    await expect(second).rejects.toMatchObject({ code: 'CLEANER_ABORTED' });
    const names = await io.readdir(`${DATA}/c-0`);
    expect(names.filter((n) => /cleaned|swap|deleted|replace/.test(n))).toEqual([]);
    const again = await openTestEngine(io, clock);
    expect(view(await readRecords(again, 'c'))).toEqual(view(before));
    await again.close();
  });

  it('lets a record stream move past a compacted gap that reaches the high watermark', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('g', {
      configs: { ...COMPACT, 'delete.retention.ms': 0, 'rill.group.commit.ms': 10 },
    });
    const acked = async (key: string, value: string | null): Promise<number> => {
      const timers = clock.pendingTimers;
      const pending = put(engine, 'g', key, value);
      await until(() => clock.pendingTimers > timers);
      clock.advance(10);
      return pending;
    };
    for (let i = 0; i < 6; i++) await acked(`k${i}`, `v${i}`.padEnd(24, '.'));
    const tombstone = await acked('k5', null);
    // This append rolls the segment and waits for its fsync: the high watermark stays at its base.
    const tail = put(engine, 'g', 'k9', 'x'.repeat(300));
    await until(() => engine.offsets('g', 0).logEndOffset === tombstone + 2);
    expect(engine.offsets('g', 0).highWatermark).toBe(tombstone + 1);
    const r = await engine.compact('g', 0);
    expect(r.tombstonesRemoved).toBe(1);
    expect((await engine.read('g', 0, tombstone)).batches.length).toBe(0);
    const ac = new AbortController();
    const got: number[] = [];
    const consumer = (async () => {
      for await (const rec of engine.records('g', 0, { fromOffset: tombstone, signal: ac.signal })) {
        got.push(rec.offset);
        ac.abort();
      }
    })();
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    clock.advance(10);
    expect(await tail).toBe(tombstone + 1);
    await consumer;
    expect(got).toEqual([tombstone + 1]);
    await engine.close();
  });

  it('reports a corrupt segment once, skips that partition in the background and keeps cleaning others', async () => {
    const clock = new ManualClock(T0);
    const io = new FaultyFileIO();
    const errors: { error: unknown; topic: string }[] = [];
    const engine = await openTestEngine(
      io,
      clock,
      { 'log.cleaner.enable': true, 'log.cleaner.backoff.ms': 1000 },
      { onBackgroundError: (error, context) => errors.push({ error, topic: context.topic }) },
    );
    await engine.createTopic('bad', { configs: COMPACT });
    await engine.createTopic('good', { configs: COMPACT });
    await churn(engine, 'bad', 8);
    const good = await churn(engine, 'good', 8);
    // Flip a byte inside the first record of the first segment of 'bad' (past its batch header).
    io.corrupt(`${DATA}/bad-0/${'0'.padStart(20, '0')}.log`, 70, Buffer.from([0xff]));
    clock.advance(1000);
    await until(() => errors.length > 0);
    expect(errors[0]!.topic).toBe('bad');
    expect(errors[0]!.error).toMatchObject({ code: 'CORRUPT_MESSAGE' });
    await until(async () => (await readRecords(engine, 'good')).length < good.length);
    clock.advance(1000);
    clock.advance(1000);
    for (let i = 0; i < 50; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors.length).toBe(1);
    // An explicit run surfaces the error to its caller.
    await expect(engine.compact('bad', 0)).rejects.toMatchObject({ code: 'CORRUPT_MESSAGE' });
    await engine.close();
  });

  it('rejects compaction of a topic that does not compact, and pauses cleaning for topic deletion', async () => {
    const clock = new ManualClock(T0);
    let release: (() => void) | null = null;
    const engine = await openTestEngine(
      new FaultyFileIO(),
      clock,
      {},
      {
        cleanerThrottle: () =>
          release === null
            ? new Promise<void>((resolve) => {
                release = resolve;
              })
            : undefined,
      },
    );
    await engine.createTopic('d', { configs: { 'segment.bytes': 400 } });
    await expect(engine.compact('d', 0)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await engine.createTopic('c', { configs: COMPACT });
    await churn(engine, 'c', 8);
    const pass = engine.compact('c', 0);
    await until(() => release !== null);
    await engine.deleteTopic('c');
    await expect(pass).rejects.toMatchObject({ code: 'CLEANER_ABORTED' });
    expect(engine.listTopics()).toEqual(['d']);
    await engine.close();
  });
});
