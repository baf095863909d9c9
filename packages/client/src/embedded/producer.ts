/**
 * The embedded producer: partitions records, batches them per partition in the accumulator and
 * appends each batch to the engine in one call.
 */
import type { TopicPartitionOffset } from '../api/common.js';
import type { ConsumerGroupMetadata } from '../api/consumer.js';
import {
  resolveProducerConfig,
  type ProducerConfig,
  type ResolvedProducerConfig,
} from '../api/producer-config.js';
import type { Producer, ProducerRecord, RecordMetadata, Transaction } from '../api/producer.js';
import { ClientError, toClientError } from '../errors.js';
import { RecordAccumulator, type ReadyBatch } from './accumulator.js';
import { closedError, type EmbeddedContext } from './context.js';
import { ProducerPartitioner } from './partitioner.js';
import { RecordPlacer } from './record-placer.js';
import { Sender } from './sender.js';
import { TopicMetadata } from './topic-metadata.js';
import { TransactionManager } from './transactions.js';

export class EmbeddedProducer implements Producer {
  private readonly config: ResolvedProducerConfig;
  private readonly partitioner: ProducerPartitioner;
  private readonly accumulator: RecordAccumulator;
  private readonly metadata: TopicMetadata;
  private readonly sender: Sender;
  private readonly txn: TransactionManager | null;
  private readonly placer: RecordPlacer;
  /** First send failure not yet reported by flush/commit/close. */
  private unreported: unknown = undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly ctx: EmbeddedContext,
    config: ProducerConfig | undefined,
    private readonly onClose: (p: EmbeddedProducer) => void,
  ) {
    this.config = resolveProducerConfig(config);
    this.partitioner = new ProducerPartitioner(
      this.config['partitioner.class'],
      this.config['partitioner.ignore.keys'],
    );
    this.metadata = new TopicMetadata(ctx.engine, ctx.clock);
    const transactionalId = this.config['transactional.id'];
    this.sender = new Sender({
      engine: ctx.engine,
      compression: this.config['compression.type'],
      idempotent: this.config['enable.idempotence'],
      // A transactional producer's id comes from initTransactions, never from a send.
      initIdentity: () =>
        transactionalId === null
          ? ctx.engine.initProducerId()
          : Promise.reject(new ClientError('ILLEGAL_STATE', 'initTransactions has not completed')),
      transactional: () => transactionalId !== null,
      beforeAppend: (topic, partition) => this.txn?.beforeAppend(topic, partition),
      onFailure: (e) => this.onSendFailure(e, true),
      clock: ctx.clock,
      acks: this.config.acks,
      requestTimeoutMs: this.config['request.timeout.ms'],
      deliveryTimeoutMs: this.config['delivery.timeout.ms'],
    });
    this.txn =
      transactionalId === null
        ? null
        : new TransactionManager({
            transactionalId,
            timeoutMs: this.config['transaction.timeout.ms'],
            maxBlockMs: this.config['max.block.ms'],
            clock: ctx.clock,
            port: ctx.transactions,
            setIdentity: (id) => this.sender.setIdentity(id),
            identity: () => this.sender.current,
            flush: () => this.drainAndWait(),
            placed: () => this.placer.placed(),
            dropPending: (e) => this.accumulator.failAll(e),
          });
    this.accumulator = new RecordAccumulator({
      lingerMs: this.config['linger.ms'],
      batchSize: this.config['batch.size'],
      clock: ctx.clock,
      send: (b) => this.sendBatchToLog(b),
    });
    this.placer = new RecordPlacer(
      ctx.clock,
      this.config['max.request.size'],
      this.metadata,
      this.partitioner,
      this.accumulator,
    );
  }

  /** Check the producer may send now, then place the record. */
  private enqueue(record: ProducerRecord): Promise<RecordMetadata> {
    try {
      this.check();
      this.txn?.checkSend();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.placer.place(record);
  }

  send(record: ProducerRecord): Promise<RecordMetadata> {
    const p = this.enqueue(record);
    markHandled(p, (e) => this.onSendFailure(e, false));
    return p;
  }

  sendBatch(records: readonly ProducerRecord[]): Promise<RecordMetadata[]> {
    const all = Promise.all(records.map((r) => this.enqueue(r)));
    markHandled(all, (e) => this.onSendFailure(e, false));
    // The caller batched already: no reason to linger once every record is placed.
    if (this.placer.idle) this.accumulator.drainAll();
    else void this.placer.placed().then(() => this.accumulator.drainAll());
    return all;
  }

  async partitionCount(topic: string): Promise<number> {
    this.check();
    return this.metadata.partitionCount(topic, true);
  }

  async flush(): Promise<void> {
    this.check();
    await this.drainAndWait();
    this.reportUnreported();
  }

  async initTransactions(): Promise<void> {
    this.check();
    await this.requireTxn().init();
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const txn = this.requireTxn();
    await this.beginTransaction();
    const tx: Transaction = {
      send: (r) => this.send(r),
      sendBatch: (rs) => this.sendBatch(rs),
      sendOffsets: (o, g) => this.sendOffsetsToTransaction(o, g),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      await this.abortAfter(e);
      throw e;
    }
    try {
      await this.commitTransaction();
    } catch (e) {
      if (txn.isOpen) await this.abortAfter(e);
      throw e;
    }
    return result;
  }

  async beginTransaction(): Promise<void> {
    this.check();
    await this.requireTxn().begin();
  }

  async sendOffsetsToTransaction(
    offsets: readonly TopicPartitionOffset[],
    groupMetadata: ConsumerGroupMetadata,
  ): Promise<void> {
    this.check();
    await this.requireTxn().sendOffsets(offsets, groupMetadata);
  }

  async commitTransaction(): Promise<void> {
    this.check();
    await this.requireTxn().commit();
    // Everything the transaction sent is settled and reported by the commit.
    this.unreported = undefined;
  }

  async abortTransaction(): Promise<void> {
    this.check();
    await this.requireTxn().abort();
    // Failures of an aborted transaction's sends belong to it, not to a later flush.
    this.unreported = undefined;
  }

  close(options?: { readonly timeoutMs?: number }): Promise<void> {
    this.closing ??= this.doClose(options?.timeoutMs);
    return this.closing;
  }

  private async doClose(timeoutMs: number | undefined): Promise<void> {
    this.closed = true;
    // Failures of earlier sends were reported by their own promises; close reports only what
    // its own flush finds.
    this.unreported = undefined;
    try {
      if (timeoutMs === 0) this.accumulator.failAll(closedError('producer'));
      await this.drainAndWait();
      // An open transaction is aborted; a fenced producer's was aborted by the coordinator, and
      // the failures of its last sends are the fencing, which is not an error of close.
      if (this.txn?.isFenced === true) this.unreported = undefined;
      else if (this.txn !== null && this.txn.isOpen) {
        try {
          await this.txn.abort();
        } catch (e) {
          // Fenced meanwhile: the coordinator aborted the transaction, which is what close wants.
          if (!this.txn.isFenced) throw e;
        }
        this.unreported = undefined;
      }
    } finally {
      this.onClose(this);
    }
    this.reportUnreported();
  }

  private sendBatchToLog(batch: ReadyBatch): void {
    this.sender.send(batch);
    const count = this.metadata.cachedCount(batch.topic);
    if (count !== undefined) this.partitioner.onBatchSent(batch.topic, batch.partition, count);
  }

  private async drainAndWait(): Promise<void> {
    // Records still being placed (awaiting topic metadata) land in the accumulator first.
    await this.placer.placed();
    this.accumulator.drainAll();
    while (this.sender.inflight.size > 0) {
      await Promise.all([...this.sender.inflight]);
      this.accumulator.drainAll();
    }
  }

  /** Record a failed send for the next flush/commit; inside a transaction it also poisons the transaction. */
  private onSendFailure(e: unknown, appendFailed: boolean): void {
    if (this.unreported === undefined) this.unreported = e;
    this.txn?.onSendFailure(toClientError(e), appendFailed);
  }

  private reportUnreported(): void {
    const e = this.unreported;
    if (e === undefined) return;
    this.unreported = undefined;
    throw e;
  }

  private check(): void {
    if (this.closed) throw closedError('producer');
    this.ctx.checkOpen();
  }

  private requireTxn(): TransactionManager {
    if (this.txn === null) throw new ClientError('ILLEGAL_STATE', 'The producer has no transactional.id');
    return this.txn;
  }

  /** Abort after `cause` failed the transaction; an abort that fails too wins, with `cause` attached. */
  private async abortAfter(cause: unknown): Promise<void> {
    try {
      await this.requireTxn().abort();
      this.unreported = undefined;
    } catch (e) {
      throw new ClientError(
        e instanceof ClientError ? e.code : 'UNKNOWN_SERVER_ERROR',
        `Aborting the transaction failed: ${e instanceof Error ? e.message : String(e)}`,
        { cause },
      );
    }
  }
}

/**
 * The send contract: a failure rejects the returned promise and is reported again by the next
 * flush/commit, so callers that do not await each send never see an unhandled rejection. `note`
 * records the failure for that report.
 */
function markHandled(p: Promise<unknown>, note: (e: unknown) => void): void {
  p.then(undefined, note);
}
