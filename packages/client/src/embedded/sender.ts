/**
 * The producer's sender: appends ready batches to the engine, stamped with the producer id,
 * epoch and per-partition sequence numbers when the producer is idempotent or transactional.
 * A batch waits for its prerequisites (a producer id; under a transaction, the partition joining
 * it) behind a per-partition gate, so batches of one partition always reach the log in order.
 */
import type { AppendRecordsOptions, LogEngine } from '@rill/log';
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
    this.enqueue(batch, true);
  }

  private enqueue(batch: ReadyBatch, mayRetry: boolean): void {
    const key = tpKey(batch.topic, batch.partition);
    const gate = this.gates.get(key);
    const needs = this.prerequisites(batch.topic, batch.partition);
    if (gate === undefined && needs === undefined) {
      this.track(this.append(batch, mayRetry));
      return;
    }
    // Wrapped so that the gate opens once this batch is handed to the engine (which keeps a
    // partition's appends in call order), not when it is durable: appends stay pipelined.
    const started = Promise.all([gate, needs]).then(() => ({ done: this.append(batch, mayRetry) }));
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
        (e: unknown) => this.fail(batch, toClientError(e, tpName(batch))),
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

  private append(batch: ReadyBatch, mayRetry: boolean): Promise<void> {
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
    return this.options.engine.appendToPartition(topic, partition, records, options).then(
      (res) => {
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
          if (sequenceError && mayRetry) {
            this.enqueue(batch, false);
            return;
          }
        }
        this.fail(batch, err);
      },
    );
  }

  private fail(batch: ReadyBatch, err: ClientError): void {
    for (const w of batch.waiters) w.reject(err);
    this.options.onFailure(err);
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.then(() => this.inflight.delete(p));
  }
}
