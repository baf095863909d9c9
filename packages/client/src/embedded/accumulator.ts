/**
 * The producer's record accumulator (Kafka's RecordAccumulator): records bound for one partition
 * collect into one batch until `batch.size` bytes or `linger.ms` pass, then the batch is appended
 * to the log in one call. Batches of one partition are handed to `send` in order.
 */
import type { Clock, TimerHandle } from '@rill/log';
import type { RecordInput } from '@rill/protocol';
import { tpKey } from '../api/common.js';

/** A record's settlement callbacks, by its index in its batch. */
export interface Waiter {
  resolve(offset: number, logAppendTime: number): void;
  reject(error: unknown): void;
}

/** A batch ready to append. */
export interface ReadyBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: RecordInput[];
  readonly waiters: Waiter[];
  /** Clock time the batch was opened: `delivery.timeout.ms` counts from here. */
  readonly createdMs: number;
}

interface OpenBatch extends ReadyBatch {
  bytes: number;
  timer: TimerHandle | null;
}

export interface AccumulatorOptions {
  readonly lingerMs: number;
  readonly batchSize: number;
  readonly clock: Clock;
  /** Append a batch; settles its waiters itself. Called in order per partition. */
  readonly send: (batch: ReadyBatch) => void;
}

export class RecordAccumulator {
  private readonly open = new Map<string, OpenBatch>();
  private microtaskQueued = false;

  constructor(private readonly options: AccumulatorOptions) {}

  /** Add a record of about `size` bytes; the batch goes out when full or lingered long enough. */
  add(topic: string, partition: number, record: RecordInput, size: number, waiter: Waiter): void {
    const key = tpKey(topic, partition);
    let batch = this.open.get(key);
    // A record that would overflow a non-empty batch starts the next one (Kafka's rule).
    if (batch !== undefined && batch.bytes + size > this.options.batchSize) {
      this.drainOne(key, batch);
      batch = undefined;
    }
    if (batch === undefined) {
      batch = {
        topic,
        partition,
        records: [],
        waiters: [],
        createdMs: this.options.clock.now(),
        bytes: 0,
        timer: null,
      };
      this.open.set(key, batch);
      this.arm(key, batch);
    }
    batch.records.push(record);
    batch.waiters.push(waiter);
    batch.bytes += size;
    if (batch.bytes >= this.options.batchSize) this.drainOne(key, batch);
  }

  /** Send every open batch now (flush, sendBatch, close). */
  drainAll(): void {
    for (const [key, batch] of [...this.open]) this.drainOne(key, batch);
  }

  /** Fail every open batch without sending it (abort, close without flush). */
  failAll(error: unknown): void {
    for (const [key, batch] of [...this.open]) {
      batch.timer?.cancel();
      this.open.delete(key);
      for (const w of batch.waiters) w.reject(error);
    }
  }

  get isEmpty(): boolean {
    return this.open.size === 0;
  }

  private arm(key: string, batch: OpenBatch): void {
    const { lingerMs } = this.options;
    if (lingerMs > 0) {
      batch.timer = this.options.clock.setTimeout(() => {
        batch.timer = null;
        if (this.open.get(key) === batch) this.drainOne(key, batch);
      }, lingerMs);
      return;
    }
    // linger.ms=0: send what the current synchronous run of sends collected.
    if (this.microtaskQueued) return;
    this.microtaskQueued = true;
    queueMicrotask(() => {
      this.microtaskQueued = false;
      this.drainAll();
    });
  }

  private drainOne(key: string, batch: OpenBatch): void {
    batch.timer?.cancel();
    batch.timer = null;
    this.open.delete(key);
    this.options.send(batch);
  }
}
