/**
 * Waiting inside poll without polling: resolves when any fetchable partition gets a record at or
 * after its position (through the engine's record iterator, which waits on appends), when the
 * consumer is woken (group event, close), or when the time is up on the consumer's clock.
 */
import { isLogError, type Clock, type LogEngine } from '@rill/log';
import type { IsolationLevel } from '../api/common.js';
import type { PartitionState } from './partition-states.js';

export class DataWaiter {
  private wakeCurrent: (() => void) | null = null;
  private wokenEarly = false;

  constructor(
    private readonly engine: LogEngine,
    private readonly clock: Clock,
    private readonly isolation: IsolationLevel,
  ) {}

  /** Wake a pending wait (or make the next one return at once). */
  wake(): void {
    if (this.wakeCurrent !== null) this.wakeCurrent();
    else this.wokenEarly = true;
  }

  /**
   * Wait for a record at or after each partition's position, or with `pastEnd` after the end
   * offset its last fetch saw (data is there already, but too little for fetch.min.bytes).
   */
  wait(partitions: readonly PartitionState[], ms: number, pastEnd = false): Promise<void> {
    if (this.wokenEarly || ms <= 0) {
      this.wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const ac = new AbortController();
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        timer.cancel();
        ac.abort();
        this.wakeCurrent = null;
        resolve();
      };
      const timer = this.clock.setTimeout(finish, ms);
      this.wakeCurrent = finish;
      for (const s of partitions) {
        if (s.position === null) continue;
        try {
          const records = this.engine.records(s.topic, s.partition, {
            fromOffset: pastEnd ? Math.max(s.position, s.endOffset ?? s.position) : s.position,
            signal: ac.signal,
            isolation: this.isolation,
          });
          const it = records[Symbol.asyncIterator]();
          // Any outcome ends the wait: a record arrived, or the read failed (out of range, topic
          // deleted) and the fetch that follows reports it.
          it.next().then(finish, finish);
        } catch (e) {
          // A partition of a deleted topic never gets data; waiting on the others (and the
          // timer) avoids spinning on it. Other failures end the wait so the fetch reports them.
          if (!isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION')) finish();
        }
      }
    });
  }
}
