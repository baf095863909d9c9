/**
 * Retention through the engine: by time and by size, deleting whole segments and advancing the
 * log start offset, on demand (runRetention) and on the log.retention.check.interval.ms schedule.
 */
import { describe, expect, it } from 'vitest';
import { FaultyFileIO, ManualClock } from '../src/index.js';
import { expectCode, openTestEngine, put, readRecords, until } from './maintenance-helpers.js';

const T0 = 1_000_000;

describe('retention', () => {
  it('by time deletes expired segments, advances the log start offset and rolls when all expired', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('t', { configs: { 'retention.ms': 1000, 'segment.bytes': 300 } });
    for (let i = 0; i < 20; i++) await put(engine, 't', `k${i}`, 'old'.padEnd(30, '.'), T0 + i);
    clock.advance(600);
    for (let i = 20; i < 40; i++) await put(engine, 't', `k${i}`, 'new'.padEnd(30, '.'), T0 + 600 + i);

    expect(await engine.runRetention('t')).toMatchObject([{ segmentsDeleted: 0, logStartOffset: 0 }]);
    clock.advance(1000); // cutoff T0 + 600: every "old" record has expired, no "new" one
    const [r] = await engine.runRetention('t');
    expect(r!.segmentsDeleted).toBeGreaterThan(0);
    expect(r!.reasons.every((x) => x === 'retention.ms')).toBe(true);
    const lso = engine.offsets('t', 0).logStartOffset;
    expect(lso).toBe(r!.logStartOffset);
    expect(lso).toBeGreaterThan(0);
    expect(lso).toBeLessThanOrEqual(20);
    const seen = await readRecords(engine, 't');
    expect(seen.map((x) => x.offset)).toEqual([...Array(40 - lso).keys()].map((i) => i + lso));
    await expectCode(engine.read('t', 0, lso - 1), 'OFFSET_OUT_OF_RANGE');

    clock.advance(10_000); // everything expired, the active segment too: Kafka rolls it and deletes it
    const [all] = await engine.runRetention();
    expect(all).toMatchObject({ rolled: true, logStartOffset: 40 });
    expect(engine.offsets('t', 0)).toMatchObject({ logStartOffset: 40, highWatermark: 40, logEndOffset: 40 });
    expect(await readRecords(engine, 't')).toEqual([]);
    await expectCode(engine.read('t', 0, 39), 'OFFSET_OUT_OF_RANGE');
    expect(await put(engine, 't', 'k', 'after')).toBe(40);
    expect((await readRecords(engine, 't')).map((x) => x.value)).toEqual(['after']);
    await engine.close();
  });

  it('by size keeps at least retention.bytes and deletes from the oldest segment', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('s', { configs: { 'retention.bytes': 1000, 'segment.bytes': 300 } });
    for (let i = 0; i < 60; i++) await put(engine, 's', `k${i}`, `v${i}`.padEnd(30, '.'));
    const batchBytes = (await engine.read('s', 0, 0, { maxBytes: 1 })).batches.length;
    const [r] = await engine.runRetention('s');
    expect(r!.segmentsDeleted).toBeGreaterThan(0);
    expect(r!.reasons.every((x) => x === 'retention.bytes')).toBe(true);
    const { logStartOffset } = engine.offsets('s', 0);
    const kept = 60 - logStartOffset;
    // Every batch here has the same size: what is left is at least retention.bytes, and less
    // than retention.bytes plus one segment (else the oldest kept segment would have gone too).
    expect(kept * batchBytes).toBeGreaterThanOrEqual(1000);
    expect(kept * batchBytes).toBeLessThan(1000 + 300 + batchBytes);
    expect((await readRecords(engine, 's')).map((x) => x.value)).toEqual(
      [...Array(kept).keys()].map((i) => `v${i + logStartOffset}`.padEnd(30, '.')),
    );
    expect(await engine.runRetention('s')).toMatchObject([{ segmentsDeleted: 0, logStartOffset }]);
    await engine.close();
  });

  it('leaves compact-only topics alone and applies DeleteRecords segment deletion to every policy', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock);
    await engine.createTopic('c', {
      configs: { 'cleanup.policy': 'compact', 'retention.ms': 1, 'segment.bytes': 300 },
    });
    for (let i = 0; i < 20; i++) await put(engine, 'c', `k${i}`, 'x'.repeat(30), T0);
    clock.advance(100_000);
    expect(await engine.runRetention('c')).toMatchObject([{ segmentsDeleted: 0, logStartOffset: 0 }]);
    expect(await engine.deleteRecords('c', 0, 15)).toBe(15);
    expect((await readRecords(engine, 'c')).map((x) => x.offset)).toEqual([15, 16, 17, 18, 19]);
    await expectCode(engine.read('c', 0, 14), 'OFFSET_OUT_OF_RANGE');
    await engine.close();
  });

  it('runs on the log.retention.check.interval.ms schedule and stops on close', async () => {
    const clock = new ManualClock(T0);
    const engine = await openTestEngine(new FaultyFileIO(), clock, {
      'log.retention.check.interval.ms': 5000,
    });
    await engine.createTopic('t', { configs: { 'retention.ms': 1000, 'segment.bytes': 300 } });
    for (let i = 0; i < 20; i++) await put(engine, 't', `k${i}`, 'x'.repeat(30), T0);
    clock.advance(4000); // expired, but no check is due yet
    for (let i = 0; i < 50; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(engine.offsets('t', 0).logStartOffset).toBe(0);
    clock.advance(1000);
    await until(() => engine.offsets('t', 0).logStartOffset === 20);
    await engine.close();
    expect(clock.pendingTimers).toBe(0);
  });
});
