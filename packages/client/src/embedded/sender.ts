/**
 * The producer's sender: appends ready batches to the engine, stamped with the producer id,
 * epoch and per-partition sequence numbers when the producer is idempotent or transactional.
 * A batch waits for its prerequisites (a producer id; under a transaction, the partition joining
 * it) behind a per-partition gate, so batches of one partition always reach the log in order.
 */
import type { AppendRecordsOptions, Clock, LogEngine, TimerHandle } from '@rill/log';
import { tpKey, tpName } from '../api/common.js';
import type { CompressionType } from '../api/producer-config.js';
import { ClientError, toClientError } from '../errors.js';
import type { ReadyBatch } from './accumulator.js';

export interface ProducerIdentity {
  readonly producerId: number;
  readonly producerEpoch: number;
}

export interface SenderOptions {
  readonly engine: LogEngine;
  readonly compression: CompressionType;
  /** Stamp batches with a producer id and sequences. */
  readonly idempotent: boolean;
  /** Gets a producer id (InitProducerId) when the sender has none. */
  readonly initIdentity: () => Promise<ProducerIdentity>;
  /** Transactional: true while batches belong to an open transaction. */
  readonly transactional: () => boolean;
  /** Work that must finish before the first batch of a partition is appended (AddPartitionsToTxn); undefined if none. */
  readonly beforeAppend: (topic: string, partition: number) => Promise<void> | undefined;
  /** A batch failed (after its waiters were rejected). */
  readonly onFailure: (error: ClientError) => void;
  readonly clock: Clock;
  /** `acks=0`: a batch's sends resolve (offset -1) when it is handed over; failures only reach onFailure. */
  readonly acks: -1 | 0 | 1;
  /** Bound of one append (Kafka's `request.timeout.ms`). */
  readonly requestTimeoutMs: number;
  /** Bound from a batch's creation to its outcome (Kafka's `delivery.timeout.ms`). */
  readonly deliveryTimeoutMs: number;
}

/** One batch's way to its outcome: settled once, by the append or by a timeout. */
interface BatchRun {
  timer: TimerHandle | null;
  /** The waiters have their outcome (acks=0 settles them up front). */
  settled: boolean;
  /** Timed out: not appended if it has not started; a late outcome of its append is dropped. */
  expired: boolean;
}

const INT32_MAX = 2147483647;

export class Sender {
  readonly inflight = new Set<Promise<void>>();
  private identity: ProducerIdentity | null = null;
  /** Bumped whenever the identity is replaced, so stale failures do not reset a fresh one. */
  private identityGeneration = 0;
  private identityPending: Promise<ProducerIdentity> | null = null;
  private readonly sequences = new Map<string, number>();
  private readonly gates = new Map<string, Promise<void>>();

  constructor(private readonly options: SenderOptions) {}

  /** The current producer id and epoch, if one was obtained. */
  get current(): ProducerIdentity | null {
    return this.identity;
  }

  /** Use this identity from now on (initTransactions); sequences restart. */
  setIdentity(identity: ProducerIdentity): void {
    this.identity = identity;
    this.identityGeneration++;
    this.sequences.clear();
  }

  /** Drop the identity: the next batch gets a new producer id (Kafka's reset after an unresolved sequence). */
  resetIdentity(): void {
    this.identity = null;
    this.identityGeneration++;
    this.sequences.clear();
  }

  send(batch: ReadyBatch): void {
    const run: BatchRun = { timer: null, settled: false, expired: false };
    if (this.options.acks === 0) {
      // Fire and forget, as Kafka's acks=0: no offset is known; failures surface on flush.
      for (const w of batch.waiters) w.resolve(-1, -1);
      run.settled = true;
    } else {
      const left = batch.createdMs + this.options.deliveryTimeoutMs - this.options.clock.now();
      run.timer = this.options.clock.setTimeout(() => this.expire(batch, run, 'delivery.timeout.ms'), left);
    }
    this.enqueue(batch, run, true);
  }

  private enqueue(batch: ReadyBatch, run: BatchRun, mayRetry: boolean): void {
    const key = tpKey(batch.topic, batch.partition);
    const gate = this.gates.get(key);
    const needs = this.prerequisites(batch.topic, batch.partition);
    if (gate === undefined && needs === undefined) {
      this.track(this.append(batch, run, mayRetry));
      return;
    }
    // Wrapped so that the gate opens once this batch is handed to the engine (which keeps a
    // partition's appends in call order), not when it is durable: appends stay pipelined.
    const started = Promise.all([gate, needs]).then(() => ({ done: this.append(batch, run, mayRetry) }));
    const opened = started.then(
      () => undefined,
      // The failure is the batch's, reported below; the gate only orders the partition's batches.
      () => undefined,
    );
    this.gates.set(key, opened);
    void opened.then(() => {
      if (this.gates.get(key) === opened) this.gates.delete(key);
    });
    this.track(
      started.then(
        (s) => s.done,
        (e: unknown) => this.fail(batch, run, toClientError(e, tpName(batch))),
      ),
    );
  }

  private prerequisites(topic: string, partition: number): Promise<void> | undefined {
    const before = this.options.beforeAppend(topic, partition);
    if (!this.options.idempotent || this.identity !== null) return before;
    this.identityPending ??= this.options.initIdentity().then(
      (id) => {
        this.identityPending = null;
        this.setIdentity(id);
        return id;
      },
      (e: unknown) => {
        this.identityPending = null;
        throw e;
      },
    );
    const identity = this.identityPending.then(() => undefined);
    return before === undefined ? identity : Promise.all([identity, before]).then(() => undefined);
  }

  private append(batch: ReadyBatch, run: BatchRun, mayRetry: boolean): Promise<void> {
    // Expired while it waited (Kafka expires batches in the accumulator too): never sent, so it
    // takes no sequence number.
    if (run.expired) return Promise.resolve();
    const { topic, partition, records, waiters } = batch;
    const id = this.identity;
    const generation = this.identityGeneration;
    const transactional = this.options.transactional();
    let options: AppendRecordsOptions =
      this.options.compression === 'none' ? {} : { compression: this.options.compression };
    if (this.options.idempotent && id !== null) {
      const key = tpKey(topic, partition);
      const baseSequence = this.sequences.get(key) ?? 0;
      const next = baseSequence + records.length;
      this.sequences.set(key, next > INT32_MAX ? next - INT32_MAX - 1 : next);
      options = {
        ...options,
        producerId: id.producerId,
        producerEpoch: id.producerEpoch,
        baseSequence,
        isTransactional: transactional,
      };
    }
    if (!run.settled) {
      run.timer?.cancel();
      const left = Math.min(
        this.options.requestTimeoutMs,
        batch.createdMs + this.options.deliveryTimeoutMs - this.options.clock.now(),
      );
      run.timer = this.options.clock.setTimeout(() => this.expire(batch, run, 'request.timeout.ms'), left);
    }
    // Tracked (so flush, commit and abort wait for it) until the engine answers, even after a
    // timeout: a transaction marker must never overtake one of its batches.
    return this.options.engine.appendToPartition(topic, partition, records, options).then(
      (res) => {
        run.timer?.cancel();
        if (run.settled) return;
        run.settled = true;
        for (let i = 0; i < waiters.length; i++) waiters[i]!.resolve(res.baseOffset + i, res.logAppendTime);
      },
      (e: unknown) => {
        const err = toClientError(e, tpName(batch));
        if (id !== null && !transactional) {
          // Whatever failed left a gap in this partition's sequence: continue under a new id.
          if (generation === this.identityGeneration) this.resetIdentity();
          // Rejected only for its sequence (an earlier batch failed, or the log expired the
          // producer id): nothing of it was written, so it is sent again once, under the new id.
          const sequenceError =
            err.code === 'OUT_OF_ORDER_SEQUENCE_NUMBER' || err.code === 'UNKNOWN_PRODUCER_ID';
          if (sequenceError && mayRetry && !run.expired) {
            this.enqueue(batch, run, false);
            return;
          }
        }
        this.fail(batch, run, err);
      },
    );
  }

  private fail(batch: ReadyBatch, run: BatchRun, err: ClientError): void {
    run.timer?.cancel();
    // Settled already (acks=0, or failed as TIMEOUT): the failure still reaches the producer, for
    // flush and for the transaction (a fencing must not go unnoticed).
    if (!run.settled) for (const w of batch.waiters) w.reject(err);
    run.settled = true;
    this.options.onFailure(err);
  }

  /** Fail the batch's sends with TIMEOUT; an append in flight may still write its records (as in Kafka). */
  private expire(batch: ReadyBatch, run: BatchRun, setting: string): void {
    run.timer = null;
    if (run.settled) return;
    run.settled = true;
    run.expired = true;
    const err = new ClientError(
      'TIMEOUT',
      `Expiring ${batch.records.length} record(s) for ${tpName(batch)}: ${setting} passed`,
      { resource: tpName(batch) },
    );
    for (const w of batch.waiters) w.reject(err);
    this.options.onFailure(err);
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.then(() => this.inflight.delete(p));
  }
}
