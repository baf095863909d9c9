/**
 * Wakes long-polling Fetch requests when a partition they read gets data. Waits on the log
 * engine itself (`LogEngine.waitForData`), so every append wakes them: Produce, transaction
 * markers (EndTxn or a transaction timeout), the group coordinator's offset commits, and
 * producers embedded in the same process. No polling.
 */
import { setMaxListeners } from 'node:events';
import type { IsolationLevel, LogEngine } from '@rill/log';

/** A partition a Fetch watches, and the offset it waits to see exceeded. */
export interface WatchedPartition {
  readonly topic: string;
  readonly partition: number;
  /** Wake once the partition's high watermark (last stable offset under read_committed) passes this. */
  readonly offset: number;
}

export class DataWaiters {
  private pending = 0;

  /**
   * Resolves when any of `partitions` has data past its offset (under `isolation`), after
   * `timeoutMs`, when `signal` aborts, or when the engine closes or a partition is deleted.
   */
  wait(
    engine: LogEngine,
    partitions: readonly WatchedPartition[],
    isolation: IsolationLevel,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted || timeoutMs <= 0 || partitions.length === 0) return Promise.resolve();
    // One signal ends every partition's wait as soon as the first of them (or the timer) fires.
    const done = new AbortController();
    // A Fetch may watch hundreds of partitions: each adds a listener, which is not a leak.
    setMaxListeners(0, done.signal);
    const stop = (): void => done.abort();
    const timer = setTimeout(stop, timeoutMs);
    signal.addEventListener('abort', stop, { once: true });
    this.pending++;
    const waits = partitions.map((p) =>
      engine.waitForData(p.topic, p.partition, p.offset, { signal: done.signal, isolation }),
    );
    const ended = new Promise<void>((resolve) => done.signal.addEventListener('abort', () => resolve()));
    // A rejected wait (the topic was deleted meanwhile) wakes the Fetch too: its next round
    // reports the error for that partition.
    return Promise.race([...waits.map((w) => w.catch(() => undefined)), ended]).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      done.abort();
      this.pending--;
    });
  }

  /** Fetches waiting now (for tests and leak checks). */
  get size(): number {
    return this.pending;
  }
}
