/**
 * `max.poll.interval.ms` (Kafka's poll timer checked by the heartbeat thread): a member whose
 * application stops calling poll leaves the group, so the others rebalance without it. Time
 * spent inside poll counts as polling.
 */
import type { Clock, TimerHandle } from '@rill/log';

export class PollWatchdog {
  private lastPollAt = 0;
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly limitMs: number,
    private readonly inPoll: () => boolean,
    /** The limit passed without a poll; return false if there was nothing to leave (the watch goes on). */
    private readonly onExpired: () => boolean,
  ) {}

  polled(): void {
    this.lastPollAt = this.clock.now();
    if (this.timer === null && !this.stopped) this.arm(this.limitMs);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      const idle = this.clock.now() - this.lastPollAt;
      if (this.inPoll() || idle < this.limitMs)
        return this.arm(this.inPoll() ? this.limitMs : this.limitMs - idle);
      // After expiry the next poll re-arms the watch.
      if (!this.onExpired()) this.arm(this.limitMs);
    }, ms);
  }
}
