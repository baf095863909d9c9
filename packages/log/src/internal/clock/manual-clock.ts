/**
 * A Clock that only moves when told to: tests advance it and due timers fire in time order.
 */
import type { Clock, TimerHandle } from './clock.js';

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * A manually driven clock.
 *
 * @example
 * ```ts
 * const clock = new ManualClock(0);
 * clock.setTimeout(() => console.log('fired'), 10);
 * clock.advance(10); // prints "fired"
 * ```
 */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(startMs = 0) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t: Timer = { due: this.time + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return { cancel: () => void (t.cancelled = true) };
  }

  /** Number of timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Move time forward by `ms`, firing every timer that becomes due, earliest first. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** Move time to `target` (never backwards), firing due timers in order. */
  advanceTo(target: number): void {
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) {
        if (t.cancelled || t.due > target) continue;
        if (next === undefined || t.due < next.due || (t.due === next.due && t.seq < next.seq)) next = t;
      }
      if (next === undefined) break;
      this.time = Math.max(this.time, next.due);
      next.cancelled = true;
      this.timers = this.timers.filter((t) => !t.cancelled);
      next.fn();
    }
    this.time = Math.max(this.time, target);
  }
}
