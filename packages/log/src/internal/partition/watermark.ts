/**
 * The high watermark and who waits on it: appends waiting to be acknowledged (durable under
 * the flush policy) and readers waiting for data (`waitForData`, no polling).
 */
interface AckWaiter {
  readonly lastOffset: number;
  resolve(): void;
  reject(e: unknown): void;
}

interface DataWaiter {
  readonly offset: number;
  resolve(): void;
}

export class Watermark {
  private hw: number;
  private readonly acks: AckWaiter[] = [];
  private readonly readers = new Set<DataWaiter>();

  constructor(initial: number) {
    this.hw = initial;
  }

  get value(): number {
    return this.hw;
  }

  /** Move the watermark forward (never back), waking acks and readers it now covers. */
  advance(end: number): void {
    if (end <= this.hw) return;
    this.hw = end;
    // Acks are kept in offset order.
    while (this.acks.length > 0 && this.acks[0]!.lastOffset < end) this.acks.shift()!.resolve();
    for (const w of this.readers) {
      if (w.offset < end) {
        this.readers.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves once the watermark passes `lastOffset`; rejects if {@link rejectAcks} runs first. */
  waitAck(lastOffset: number): Promise<void> {
    if (this.hw > lastOffset) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: AckWaiter = { lastOffset, resolve, reject };
      const acks = this.acks;
      // Appends queue in offset order; a deduplicated retry may wait on an earlier offset.
      let i = acks.length;
      while (i > 0 && acks[i - 1]!.lastOffset > lastOffset) i--;
      if (i === acks.length) acks.push(w);
      else acks.splice(i, 0, w);
    });
  }

  rejectAcks(error: unknown): void {
    for (const a of this.acks.splice(0)) a.reject(error);
  }

  /** Resolves when the watermark passes `offset`, the signal aborts, or {@link releaseReaders} runs. */
  waitForData(offset: number, signal?: AbortSignal): Promise<void> {
    if (this.hw > offset || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.readers.delete(w);
        resolve();
      };
      const w: DataWaiter = {
        offset,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.readers.add(w);
    });
  }

  releaseReaders(): void {
    const all = [...this.readers];
    this.readers.clear();
    for (const w of all) w.resolve();
  }
}
