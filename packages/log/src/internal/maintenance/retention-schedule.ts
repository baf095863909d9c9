/**
 * Retention on a schedule (Kafka's LogManager `kafka-log-retention` task): every
 * `log.retention.check.interval.ms` of the engine clock, one retention run over every partition,
 * one partition at a time. Runs of the same partition never overlap (an explicit run waits for
 * the scheduled one). A failing partition is reported and the others still run.
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import type { Partition } from '../partition/partition.js';
import { backgroundTimer } from './background-timer.js';
import { applyRetention } from './retention-runner.js';
import type { BackgroundErrorContext, RetentionResult } from './types.js';

export interface RetentionScheduleOptions {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly partitions: () => Iterable<Partition>;
  /** Partitions being deleted are left alone. */
  readonly isPaused: (p: Partition) => boolean;
  readonly onError: (error: unknown, context: BackgroundErrorContext) => void;
}

export class RetentionSchedule {
  private readonly chains = new WeakMap<Partition, Promise<unknown>>();
  private timer: TimerHandle | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly o: RetentionScheduleOptions) {}

  start(): void {
    if (this.stopped) return;
    this.timer = backgroundTimer(
      this.o.clock,
      () => {
        this.timer = null;
        this.running = this.runAll().finally(() => {
          this.running = null;
          this.start();
        });
      },
      this.o.intervalMs,
    );
  }

  /** One retention run of `p`, after any running one; null when the partition is skipped (failed, paused). */
  retain(p: Partition): Promise<RetentionResult | null> {
    const run = this.idle(p).then(() =>
      this.o.isPaused(p) || p.failed !== null || this.stopped ? null : applyRetention(p, this.o.clock.now()),
    );
    this.chains.set(
      p,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Settles when no retention run of `p` is in progress. */
  idle(p: Partition): Promise<unknown> {
    return this.chains.get(p) ?? Promise.resolve();
  }

  /** Cancel the schedule and wait for a scheduled run in progress (it stops between partitions). */
  async close(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    await this.running;
  }

  private async runAll(): Promise<void> {
    for (const p of [...this.o.partitions()]) {
      if (this.stopped) return;
      try {
        await this.retain(p);
      } catch (e) {
        if (!this.stopped && !this.o.isPaused(p))
          this.o.onError(e, { task: 'retention', topic: p.topic, partition: p.partition });
      }
    }
  }
}
