/**
 * Decides when a partition fsyncs and tracks what is durable. Syncs are serialized on a
 * chain: a flush captures the written end when it starts, so every write that completed
 * before it is covered, and writes arriving during an fsync are picked up by the next one
 * (group commit). A failed fsync is reported once to the host, which fails the partition;
 * it is never retried.
 */
import type { Clock, TimerHandle } from '../clock/clock.js';
import { type FlushPolicy, MAX_TIMER_MS } from './flush-policy.js';

export interface FlusherHost {
  /** fsync everything written so far. */
  sync(): Promise<void>;
  /** Offsets below `end` are durable. */
  onDurable(end: number): void;
  /** An fsync failed: the partition must fail. */
  onSyncFailed(error: unknown): void;
}

export class Flusher {
  private writtenEnd: number;
  private durableEnd: number;
  private unflushedMessages = 0;
  private timer: TimerHandle | null = null;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private failure: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly host: FlusherHost,
    private readonly policy: () => FlushPolicy,
    end: number,
  ) {
    this.writtenEnd = end;
    this.durableEnd = end;
  }

  get durable(): number {
    return this.durableEnd;
  }

  /** Offsets below `end` were made durable by other means (a segment roll fsynced them). */
  markDurable(end: number): void {
    if (end > this.durableEnd) {
      this.durableEnd = end;
      this.host.onDurable(end);
    }
  }

  /**
   * A write ending at `end` reached the file. Returns a promise the append must await before
   * it is acknowledged when this write triggers a policy flush (`flush.messages`), else null.
   */
  written(end: number, messages: number): Promise<void> | null {
    this.writtenEnd = end;
    if (this.stopped) return null;
    const p = this.policy();
    if (p.kind === 'group-commit') {
      // A zero window means "fsync as soon as possible": writes arriving during an fsync
      // still share the next one, because syncs are chained and skip what is already durable.
      if (p.windowMs === 0) this.flush().then(undefined, () => undefined);
      else if (this.timer === null) this.arm(p.windowMs);
      return null;
    }
    this.unflushedMessages += messages;
    if (this.unflushedMessages >= p.messages) return this.flush();
    if (this.timer === null && p.ms < MAX_TIMER_MS) this.arm(p.ms);
    return null;
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      // A failure is delivered through host.onSyncFailed; nobody awaits a timer flush.
      this.flush().then(undefined, () => undefined);
    }, ms);
  }

  /** fsync now (coalescing with a sync in flight); resolves when everything written before the call is durable. */
  flush(): Promise<void> {
    const target = this.writtenEnd;
    const run = this.chain.then(async () => {
      if (this.failure !== null) throw this.failure;
      if (this.durableEnd >= target || this.stopped) return;
      const end = this.writtenEnd;
      this.unflushedMessages = 0;
      try {
        await this.host.sync();
      } catch (e) {
        this.failure = e;
        this.stop();
        this.host.onSyncFailed(e);
        throw e;
      }
      this.markDurable(end);
    });
    // Keep the chain alive after a failure; the failure itself reaches callers through `run`.
    this.chain = run.then(undefined, () => undefined);
    return run;
  }

  /** Cancel timers; no further flushes start. */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  /** Wait for syncs in flight to finish. */
  idle(): Promise<void> {
    return this.chain;
  }
}
