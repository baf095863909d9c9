import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.js';

describe('ManualClock', () => {
  it('fires due timers in time order (ties in creation order) and skips cancelled ones', () => {
    const c = new ManualClock(100);
    const fired: string[] = [];
    c.setTimeout(() => fired.push('b20'), 20);
    c.setTimeout(() => fired.push('a10'), 10);
    c.setTimeout(() => fired.push('c10'), 10);
    const cancelled = c.setTimeout(() => fired.push('x'), 5);
    cancelled.cancel();
    c.advance(9);
    expect(fired).toEqual([]);
    expect(c.now()).toBe(109);
    c.advance(11);
    expect(fired).toEqual(['a10', 'c10', 'b20']);
    expect(c.pendingTimers).toBe(0);
  });

  it('runs timers scheduled by timers when they fall due within the advance', () => {
    const c = new ManualClock(0);
    const at: number[] = [];
    c.setTimeout(() => {
      at.push(c.now());
      c.setTimeout(() => at.push(c.now()), 5);
    }, 5);
    c.advanceTo(12);
    expect(at).toEqual([5, 10]);
    expect(c.now()).toBe(12);
  });
});
