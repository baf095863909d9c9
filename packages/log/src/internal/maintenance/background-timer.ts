/**
 * Timers for background maintenance. With the system clock they are unref'd Node timers, so a
 * retention schedule or a sleeping cleaner never keeps the process alive on its own (the
 * system clock's own timers stay referenced on purpose: a pending group-commit fsync must
 * finish). Any other clock (a test's ManualClock) schedules through the clock itself; the log
 * manager cancels every timer on close either way.
 */
import { systemClock, type Clock, type TimerHandle } from '../clock/clock.js';

export function backgroundTimer(clock: Clock, fn: () => void, ms: number): TimerHandle {
  if (clock !== systemClock) return clock.setTimeout(fn, ms);
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
}
