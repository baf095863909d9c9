/**
 * Wakes long-polling Fetch requests when a partition they read gets data. The broker calls
 * `notify` after each append it makes; a waiter resolves on the first notify of any of its
 * partitions, on its deadline, or when the broker closes. No polling.
 */

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export class DataWaiters {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Data was appended to `topic`-`partition`. */
  notify(topic: string, partition: number): void {
    const set = this.waiters.get(key(topic, partition));
    if (set === undefined) return;
    this.waiters.delete(key(topic, partition));
    for (const wake of set) wake();
  }

  /** Wakes every waiter (e.g. a transaction ended: last stable offsets moved). */
  notifyAll(): void {
    const all = [...this.waiters.values()];
    this.waiters.clear();
    for (const set of all) for (const wake of set) wake();
  }

  /** Resolves when any of `partitions` is notified, after `timeoutMs`, or when `signal` aborts. */
  wait(
    partitions: readonly { readonly topic: string; readonly partition: number }[],
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted || timeoutMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const keys = partitions.map((p) => key(p.topic, p.partition));
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        for (const k of keys) {
          const set = this.waiters.get(k);
          if (set === undefined) continue;
          set.delete(wake);
          if (set.size === 0) this.waiters.delete(k);
        }
        resolve();
      };
      for (const k of keys) {
        let set = this.waiters.get(k);
        if (set === undefined) this.waiters.set(k, (set = new Set()));
        set.add(wake);
      }
      const timer = setTimeout(wake, timeoutMs);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /** Waiters registered (for tests and leak checks). */
  get size(): number {
    let n = 0;
    for (const s of this.waiters.values()) n += s.size;
    return n;
  }
}
