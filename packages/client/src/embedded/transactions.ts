/**
 * The transactional producer's state machine (Kafka's TransactionManager): InitProducerId with
 * epoch bumps that fence older instances, partitions and offsets joining the open transaction,
 * commit after a flush, abort, and the rules for errors: a failed send or offset commit makes
 * the transaction abortable; fencing makes the producer unusable.
 */
import type { Clock } from '@rill/log';
import { KafkaErrorCodes } from '@rill/protocol';
import { tpKey, type TopicPartitionOffset } from '../api/common.js';
import type { ConsumerGroupMetadata } from '../api/consumer.js';
import { ClientError } from '../errors.js';
import { errorForCode } from './kafka-errors.js';
import { groupByTopicOffsets } from './offsets.js';
import type { ProducerIdentity } from './sender.js';
import type { TransactionCoordinatorPort, TxnProducerRef } from './transaction-port.js';

type State = 'uninitialized' | 'ready' | 'inTransaction' | 'abortable' | 'fenced';

/** Answers after which the same request is tried again (the coordinator is finishing the previous transaction). */
const RETRY = new Set<number>([
  KafkaErrorCodes.CONCURRENT_TRANSACTIONS.code,
  KafkaErrorCodes.COORDINATOR_LOAD_IN_PROGRESS.code,
  KafkaErrorCodes.COORDINATOR_NOT_AVAILABLE.code,
  KafkaErrorCodes.NOT_COORDINATOR.code,
]);
const FENCING = new Set<string>([
  'PRODUCER_FENCED',
  'INVALID_PRODUCER_EPOCH',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);
const RETRY_BACKOFF_MS = 20;

export interface TransactionDeps {
  readonly transactionalId: string;
  readonly timeoutMs: number;
  readonly maxBlockMs: number;
  readonly clock: Clock;
  readonly port: () => Promise<TransactionCoordinatorPort>;
  readonly setIdentity: (identity: ProducerIdentity) => void;
  readonly identity: () => ProducerIdentity | null;
  /** Send every pending record and wait for all appends. */
  readonly flush: () => Promise<void>;
  /** Resolves when every record sent so far is in the accumulator. */
  readonly placed: () => Promise<void>;
  /** Fail records not yet appended (abort). */
  readonly dropPending: (error: ClientError) => void;
}

export class TransactionManager {
  private state: State = 'uninitialized';
  private initializing: Promise<void> | null = null;
  /** Partitions in the open transaction, or joining it. */
  private readonly partitions = new Map<string, Promise<void>>();
  private readonly groups = new Set<string>();
  /** The first failure inside the open transaction: commit reports it. */
  private failure: ClientError | null = null;
  /** Some partition or group joined the open transaction at the coordinator. */
  private joined = false;
  /** A send failed since the last epoch: re-initialise after the abort. */
  private bumpEpoch = false;

  constructor(private readonly deps: TransactionDeps) {}

  /** Sends are allowed only inside a transaction. @throws ClientError ILLEGAL_STATE, the fencing error. */
  checkSend(): void {
    if (this.state === 'fenced' || this.state === 'abortable') throw this.failure!;
    if (this.state !== 'inTransaction')
      throw new ClientError(
        'ILLEGAL_STATE',
        'A transactional producer sends only inside a transaction (beginTransaction)',
      );
  }

  get isOpen(): boolean {
    return this.state === 'inTransaction' || this.state === 'abortable';
  }

  private get canCommit(): boolean {
    return this.state === 'inTransaction';
  }

  get isFenced(): boolean {
    return this.state === 'fenced';
  }

  init(): Promise<void> {
    if (this.state === 'fenced') return Promise.reject(this.failure!);
    if (this.state !== 'uninitialized') return Promise.resolve();
    this.initializing ??= this.doInit().finally(() => {
      this.initializing = null;
    });
    return this.initializing;
  }

  async begin(): Promise<void> {
    await this.init();
    if (this.state === 'fenced') throw this.failure!;
    if (this.state !== 'ready') throw new ClientError('ILLEGAL_STATE', 'A transaction is already open');
    this.partitions.clear();
    this.groups.clear();
    this.joined = false;
    this.failure = null;
    this.state = 'inTransaction';
  }

  /** Before the first batch to a partition in this transaction: AddPartitionsToTxn (shared by concurrent batches). */
  beforeAppend(topic: string, partition: number): Promise<void> | undefined {
    const key = tpKey(topic, partition);
    if (this.partitions.has(key)) {
      const p = this.partitions.get(key)!;
      return p === DONE ? undefined : p;
    }
    const adding = this.call(async (port, ref) => {
      const res = await port.addPartitionsToTxn({
        ...ref,
        topics: [{ name: topic, partitions: [partition] }],
      });
      return res.topics[0]?.partitions[0]?.errorCode ?? 0;
    }, `AddPartitionsToTxn for ${topic}-${partition}`).then(() => {
      this.partitions.set(key, DONE);
      this.joined = true;
    });
    this.partitions.set(key, adding);
    return adding;
  }

  /**
   * A send of the transaction failed: it can only be aborted now. `appendFailed`: a batch was
   * refused by the log, leaving a gap in its partition's sequence, so after the abort the producer
   * re-initialises, bumping its epoch so sequences start afresh (KIP-360).
   */
  onSendFailure(error: ClientError, appendFailed: boolean): void {
    if (FENCING.has(error.code)) return this.fence(error);
    // Records dropped by our own abort say nothing about the next transaction.
    if (error.code === 'TRANSACTION_ABORTABLE') return;
    if (appendFailed) this.bumpEpoch = true;
    if (this.state === 'inTransaction') {
      this.failure ??= error;
      this.state = 'abortable';
    }
  }

  async sendOffsets(offsets: readonly TopicPartitionOffset[], group: ConsumerGroupMetadata): Promise<void> {
    this.checkSend();
    try {
      if (!this.groups.has(group.groupId)) {
        await this.call(
          async (port, ref) => (await port.addOffsetsToTxn({ ...ref, groupId: group.groupId })).errorCode,
          `AddOffsetsToTxn for ${group.groupId}`,
        );
        this.groups.add(group.groupId);
        this.joined = true;
      }
      const port = await this.deps.port();
      const ref = this.ref();
      const res = await port.txnOffsetCommit({
        ...ref,
        groupId: group.groupId,
        generationId: group.generationId,
        memberId: group.memberId,
        groupInstanceId: group.groupInstanceId,
        topics: groupByTopicOffsets(offsets),
      });
      for (const t of res.topics)
        for (const p of t.partitions)
          if (p.errorCode !== 0)
            throw errorForCode(
              p.errorCode,
              `TxnOffsetCommit of ${group.groupId} failed for ${t.name}-${p.partitionIndex}`,
              group.groupId,
            );
    } catch (e) {
      if (e instanceof ClientError) this.onSendFailure(e, false);
      throw e;
    }
  }

  async commit(): Promise<void> {
    if (this.state === 'fenced') throw this.failure!;
    if (!this.isOpen) throw new ClientError('ILLEGAL_STATE', 'No transaction is open');
    await this.deps.flush();
    // The flush may have failed sends (abortable) or found the producer fenced.
    if (this.isFenced || !this.canCommit) throw this.failure!;
    await this.end(true);
  }

  async abort(): Promise<void> {
    if (this.state === 'fenced') throw this.failure!;
    if (!this.isOpen) throw new ClientError('ILLEGAL_STATE', 'No transaction is open');
    // Records not yet appended never will be: they fail as aborted (Kafka's TransactionAbortedException).
    await this.deps.placed();
    this.deps.dropPending(new ClientError('TRANSACTION_ABORTABLE', 'The transaction was aborted'));
    await this.deps.flush();
    if (this.isFenced) throw this.failure!;
    await this.end(false);
    if (this.bumpEpoch) {
      this.bumpEpoch = false;
      this.state = 'uninitialized';
      await this.init();
    }
  }

  private async end(committed: boolean): Promise<void> {
    // A transaction that never wrote anything is not known to the coordinator: nothing to end.
    if (this.joined) {
      await this.call(
        async (port, ref) => (await port.endTxn({ ...ref, committed })).errorCode,
        committed ? 'Committing the transaction' : 'Aborting the transaction',
      );
    }
    this.state = 'ready';
    this.failure = null;
  }

  private async doInit(): Promise<void> {
    const port = await this.deps.port();
    const current = this.deps.identity();
    const res = await this.retrying(
      () =>
        port.initProducerId({
          transactionalId: this.deps.transactionalId,
          transactionTimeoutMs: this.deps.timeoutMs,
          ...(current === null
            ? {}
            : { producerId: current.producerId, producerEpoch: current.producerEpoch }),
        }),
      'InitProducerId',
    );
    this.deps.setIdentity({ producerId: res.producerId, producerEpoch: res.producerEpoch });
    this.state = 'ready';
  }

  /** Run a coordinator call for the current producer, retrying CONCURRENT_TRANSACTIONS and friends; errors become ClientErrors. */
  private async call(
    fn: (port: TransactionCoordinatorPort, ref: TxnProducerRef) => Promise<number>,
    what: string,
  ): Promise<void> {
    const port = await this.deps.port();
    await this.retrying(async () => ({ errorCode: await fn(port, this.ref()) }), what);
  }

  private async retrying<T extends { errorCode: number }>(fn: () => Promise<T>, what: string): Promise<T> {
    const deadline = this.deps.clock.now() + this.deps.maxBlockMs;
    for (;;) {
      const res = await fn();
      if (res.errorCode === 0) return res;
      if (RETRY.has(res.errorCode) && this.deps.clock.now() < deadline) {
        await new Promise<void>((r) => this.deps.clock.setTimeout(r, RETRY_BACKOFF_MS));
        continue;
      }
      const err = errorForCode(
        res.errorCode,
        `${what} (transactional.id ${this.deps.transactionalId}) failed`,
        this.deps.transactionalId,
      );
      if (FENCING.has(err.code)) this.fence(err);
      throw err;
    }
  }

  private fence(error: ClientError): void {
    this.state = 'fenced';
    this.failure = error;
  }

  private ref(): TxnProducerRef {
    const id = this.deps.identity();
    if (id === null) throw new ClientError('ILLEGAL_STATE', 'initTransactions has not completed');
    return {
      transactionalId: this.deps.transactionalId,
      producerId: id.producerId,
      producerEpoch: id.producerEpoch,
    };
  }
}

const DONE: Promise<void> = Promise.resolve();
