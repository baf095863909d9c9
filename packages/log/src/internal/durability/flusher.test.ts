import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { LONG_MAX, TOPIC_CONFIG_DEFAULTS } from '../config/topic-config.js';
import { type FlushPolicy, flushPolicyOf } from './flush-policy.js';
import { Flusher } from './flusher.js';

function harness(policy: FlushPolicy) {
  const clock = new ManualClock(0);
  const calls = { syncs: 0, durable: [] as number[], failed: [] as unknown[] };
  let release: (() => void) | null = null;
  let failNext = false;
  const f = new Flusher(
    clock,
    {
      sync: () => {
        calls.syncs++;
        if (failNext) return Promise.reject(new Error('EIO'));
        return new Promise<void>((r) => (release = r));
      },
      onDurable: (e) => calls.durable.push(e),
      onSyncFailed: (e) => calls.failed.push(e),
    },
    () => policy,
    0,
  );
  const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
  return { clock, calls, f, tick, finish: () => release?.(), failNext: () => (failNext = true) };
}

describe('flush policy', () => {
  it('is group commit unless flush.messages or flush.ms is set', () => {
    expect(flushPolicyOf(TOPIC_CONFIG_DEFAULTS)).toEqual({ kind: 'group-commit', windowMs: 2 });
    expect(flushPolicyOf({ ...TOPIC_CONFIG_DEFAULTS, 'flush.messages': 5 })).toEqual({
      kind: 'interval',
      messages: 5,
      ms: LONG_MAX,
    });
    expect(flushPolicyOf({ ...TOPIC_CONFIG_DEFAULTS, 'flush.ms': 10 })).toEqual({
      kind: 'interval',
      messages: LONG_MAX,
      ms: 10,
    });
  });
});

describe('Flusher', () => {
  it('group commit: one fsync per window covers every write before it; writes during an fsync go to the next', async () => {
    const h = harness({ kind: 'group-commit', windowMs: 5 });
    h.f.written(1, 1);
    h.f.written(2, 1);
    h.clock.advance(4);
    expect(h.calls.syncs).toBe(0);
    h.clock.advance(1);
    await h.tick();
    expect(h.calls.syncs).toBe(1);
    h.f.written(3, 1);
    h.finish();
    await h.tick();
    expect(h.calls.durable).toEqual([2]);
    h.clock.advance(5);
    await h.tick();
    h.finish();
    await h.tick();
    expect(h.calls.syncs).toBe(2);
    expect(h.calls.durable).toEqual([2, 3]);
  });

  it('interval: flush.messages triggers an fsync that the append awaits; flush.ms on the clock', async () => {
    const h = harness({ kind: 'interval', messages: 3, ms: 100 });
    expect(h.f.written(1, 2)).toBeNull();
    const p = h.f.written(2, 1);
    expect(p).not.toBeNull();
    await h.tick();
    h.finish();
    await p;
    expect(h.calls.durable).toEqual([2]);
    expect(h.f.written(3, 1)).toBeNull();
    h.clock.advance(100);
    await h.tick();
    h.finish();
    await h.tick();
    expect(h.calls.durable).toEqual([2, 3]);
  });

  it('never fsyncs with both limits at LONG_MAX', async () => {
    const h = harness({ kind: 'interval', messages: LONG_MAX, ms: LONG_MAX });
    for (let i = 1; i < 100; i++) expect(h.f.written(i, 1)).toBeNull();
    h.clock.advance(1e12);
    await h.tick();
    expect(h.calls.syncs).toBe(0);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('reports a failed fsync once and refuses to flush afterwards (no silent retry)', async () => {
    const h = harness({ kind: 'group-commit', windowMs: 0 });
    h.failNext();
    h.f.written(1, 1);
    await h.tick();
    await h.tick();
    expect(h.calls.failed.length).toBe(1);
    await expect(h.f.flush()).rejects.toThrow('EIO');
    expect(h.calls.syncs).toBe(1);
    expect(h.calls.durable).toEqual([]);
  });
});
