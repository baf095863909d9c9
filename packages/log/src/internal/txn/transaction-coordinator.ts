/**
 * TransactionCoordinator: Kafka's transaction coordinator over the LogEngine. Transactional ids
 * map to a producer id and epoch; their state lives in the compacted `__transaction_state`;
 * EndTxn writes COMMIT/ABORT markers to every partition in the transaction; open transactions
 * past their timeout are aborted (fencing the producer); prepared transactions found on open are
 * completed. Transactional offset commits are fenced by producer epoch here and by group
 * generation and member id in the group coordinator (KIP-447). Results carry Kafka's error codes.
 */
import { definedOnly } from '../config/defined-only.js';
import type { LogEngine } from '../../engine.js';
import { systemClock, type Clock, type TimerHandle } from '../clock/clock.js';
import type { TopicConfigInput } from '../config/validate.js';
import type { OffsetCommitResult } from '../group/group-types.js';
import type { TxnOffsetCommitRequest } from '../group/txn-offsets.js';
import { addOffsetsToTxn, addPartitionsToTxn } from './add-partitions.js';
import { initProducerId } from './init-producer-id.js';
import { completePrepared, endTransaction } from './txn-completion.js';
import { parseTxnConfig, type TxnCoordinatorConfig, type TxnCoordinatorConfigInput } from './txn-config.js';
import { checkProducer, type TxnContext } from './txn-context.js';
import { TXN_ERR } from './txn-errors.js';
import { describe, listing, type TransactionListing } from './txn-describe.js';
import { TxnStateLog } from './txn-state-log.js';
import { TxnMetadata, tpKey } from './txn-state.js';
import type {
  AddOffsetsToTxnRequest,
  AddPartitionsToTxnRequest,
  AddPartitionsToTxnResult,
  EndTxnRequest,
  InitProducerIdRequest,
  InitProducerIdResult,
  TransactionDescription,
  TxnGroupHook,
  TxnResult,
} from './txn-types.js';

/** Options of {@link TransactionCoordinator.open}. */
export interface TransactionCoordinatorOptions {
  readonly engine: LogEngine;
  /** Drives transaction timeouts and id expiry; default the system clock. */
  readonly clock?: Clock;
  /** Overrides of the engine's `brokerConfig.transactions` (Kafka's defaults unless the engine was given others). */
  readonly config?: TxnCoordinatorConfigInput;
  /** Topic configs for creating `__transaction_state` (always compacted). */
  readonly stateTopicConfigs?: TopicConfigInput;
  /** The group coordinator, for AddOffsetsToTxn and TxnOffsetCommit (KIP-447); without it those answer COORDINATOR_NOT_AVAILABLE. */
  readonly groups?: TxnGroupHook;
  /** Failures nobody awaits (markers to retry, timed-out aborts). Default: a process warning. */
  readonly onBackgroundError?: (error: unknown) => void;
}

/**
 * The transaction coordinator.
 *
 * @example
 * ```ts
 * const txns = await TransactionCoordinator.open({ engine, groups });
 * const { producerId, producerEpoch } = await txns.initProducerId({ transactionalId: 'app-1', transactionTimeoutMs: 60_000 });
 * const p = { transactionalId: 'app-1', producerId, producerEpoch };
 * await txns.addPartitionsToTxn({ ...p, topics: [{ name: 'out', partitions: [0] }] });
 * // ... append transactional batches of (producerId, producerEpoch) to out-0 ...
 * await txns.endTxn({ ...p, committed: true });
 * ```
 */
export class TransactionCoordinator {
  private closed = false;
  private timer: TimerHandle | null = null;
  private lastExpiry: number;
  private readonly inFlight = new Set<Promise<unknown>>();

  private constructor(private readonly ctx: TxnContext) {
    this.lastExpiry = ctx.clock.now();
  }

  /**
   * Create `__transaction_state` if needed, load every transactional id, complete prepared
   * transactions (writing their markers) and start the timeout task.
   * @throws LogError INVALID_CONFIG; CORRUPT_MESSAGE for an unreadable state record; engine errors.
   */
  static async open(options: TransactionCoordinatorOptions): Promise<TransactionCoordinator> {
    const config = parseTxnConfig({
      ...options.engine.brokerConfig.transactions,
      ...definedOnly(options.config),
    });
    const clock = options.clock ?? systemClock;
    const log = await TxnStateLog.open(options.engine, config['transaction.state.log.num.partitions'], {
      'segment.bytes': config['transaction.state.log.segment.bytes'],
      ...options.stateTopicConfigs,
      'cleanup.policy': 'compact',
    });
    const txns = new Map<string, TxnMetadata>();
    for (const [id, r] of await log.load()) txns.set(id, new TxnMetadata(id, r));
    const ctx: TxnContext = {
      engine: options.engine,
      clock,
      config,
      log,
      txns,
      groups: options.groups ?? null,
      coordinatorEpoch: 0,
      completing: new Set(),
      onBackgroundError: options.onBackgroundError ?? defaultBackgroundError,
    };
    const coordinator = new TransactionCoordinator(ctx);
    for (const meta of txns.values()) await completePrepared(ctx, meta);
    coordinator.arm();
    return coordinator;
  }

  get config(): TxnCoordinatorConfig {
    return this.ctx.config;
  }

  /** The `__transaction_state` partition of a transactional id (for FindCoordinator). */
  partitionFor(transactionalId: string): number {
    return this.ctx.log.partitionFor(transactionalId);
  }

  /** InitProducerId: a producer id (idempotent), or the transactional id's producer with its epoch bumped. */
  initProducerId(req: InitProducerIdRequest): Promise<InitProducerIdResult> {
    if (this.closed)
      return Promise.resolve({
        errorCode: TXN_ERR.COORDINATOR_NOT_AVAILABLE,
        producerId: -1,
        producerEpoch: -1,
      });
    return this.track(initProducerId(this.ctx, req));
  }

  /** AddPartitionsToTxn. */
  addPartitionsToTxn(req: AddPartitionsToTxnRequest): Promise<AddPartitionsToTxnResult> {
    if (this.closed) {
      return Promise.resolve({
        topics: req.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p,
            errorCode: TXN_ERR.COORDINATOR_NOT_AVAILABLE,
          })),
        })),
      });
    }
    return this.track(addPartitionsToTxn(this.ctx, req));
  }

  /** AddOffsetsToTxn: the group's `__consumer_offsets` partition joins the transaction. */
  async addOffsetsToTxn(req: AddOffsetsToTxnRequest): Promise<TxnResult> {
    if (this.closed) return { errorCode: TXN_ERR.COORDINATOR_NOT_AVAILABLE };
    return { errorCode: await this.track(addOffsetsToTxn(this.ctx, req)) };
  }

  /**
   * TxnOffsetCommit: offsets committed inside the transaction, visible once it commits. Fenced by
   * the producer epoch (PRODUCER_FENCED) and, in the group coordinator, by generation and member id.
   */
  async txnOffsetCommit(req: TxnOffsetCommitRequest): Promise<OffsetCommitResult> {
    const groups = this.ctx.groups;
    const all = (errorCode: number): OffsetCommitResult => ({
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
      })),
    });
    if (this.closed || groups === null) return all(TXN_ERR.COORDINATOR_NOT_AVAILABLE);
    const meta = this.ctx.txns.get(req.transactionalId);
    const bad = checkProducer(meta, req);
    if (bad !== null || meta === undefined) return all(bad ?? TXN_ERR.INVALID_PRODUCER_ID_MAPPING);
    if (
      meta.state !== 'Ongoing' ||
      !meta.partitions.has(tpKey('__consumer_offsets', groups.partitionFor(req.groupId)))
    )
      return all(TXN_ERR.INVALID_TXN_STATE);
    return this.track(groups.commitTransactionalOffsets(req));
  }

  /** EndTxn: commit or abort; resolves once the markers are written (or the decision is durable and they will be retried). */
  async endTxn(req: EndTxnRequest): Promise<TxnResult> {
    if (this.closed) return { errorCode: TXN_ERR.COORDINATOR_NOT_AVAILABLE };
    const meta = this.ctx.txns.get(req.transactionalId);
    const bad = checkProducer(meta, req);
    if (bad !== null || meta === undefined) return { errorCode: bad ?? TXN_ERR.INVALID_PRODUCER_ID_MAPPING };
    const commit = req.committed;
    switch (meta.state) {
      case 'Ongoing':
        return { errorCode: await this.track(endTransaction(this.ctx, meta, commit)) };
      case 'CompleteCommit':
        return { errorCode: commit ? TXN_ERR.NONE : TXN_ERR.INVALID_TXN_STATE };
      case 'CompleteAbort':
        return { errorCode: commit ? TXN_ERR.INVALID_TXN_STATE : TXN_ERR.NONE };
      case 'PrepareCommit':
        return { errorCode: commit ? TXN_ERR.CONCURRENT_TRANSACTIONS : TXN_ERR.INVALID_TXN_STATE };
      case 'PrepareAbort':
        return { errorCode: commit ? TXN_ERR.INVALID_TXN_STATE : TXN_ERR.CONCURRENT_TRANSACTIONS };
      default:
        return { errorCode: TXN_ERR.INVALID_TXN_STATE };
    }
  }

  /** DescribeTransactions: null for an unknown transactional id. */
  describeTransaction(transactionalId: string): TransactionDescription | null {
    const m = this.ctx.txns.get(transactionalId);
    return m === undefined ? null : describe(m);
  }

  /** ListTransactions: every transactional id with its producer id and state. */
  listTransactions(): TransactionListing[] {
    return [...this.ctx.txns.values()].map(listing);
  }

  /**
   * Abort every open transaction past its timeout, bumping the epoch so the producer is fenced,
   * and retry the markers of prepared transactions. Runs every
   * `transaction.abort.timed.out.transaction.cleanup.interval.ms`. @returns transactions aborted.
   */
  async abortTimedOutTransactions(): Promise<number> {
    const now = this.ctx.clock.now();
    let aborted = 0;
    for (const meta of [...this.ctx.txns.values()]) {
      if (this.closed) break;
      if (meta.pending !== null) continue;
      if (meta.state === 'Ongoing' && meta.startTimestamp + meta.timeoutMs < now) {
        const code = await this.track(endTransaction(this.ctx, meta, false, true));
        if (code === TXN_ERR.NONE) aborted++;
        else
          this.ctx.onBackgroundError(new Error(`aborting timed-out ${meta.transactionalId}: error ${code}`));
      } else await this.track(completePrepared(this.ctx, meta));
    }
    return aborted;
  }

  /** Forget transactional ids idle for `transactional.id.expiration.ms` with no open transaction. @returns ids removed. */
  async expireTransactionalIds(): Promise<number> {
    const now = this.ctx.clock.now();
    const limit = this.ctx.config['transactional.id.expiration.ms'];
    let n = 0;
    for (const meta of [...this.ctx.txns.values()]) {
      const idle =
        meta.state === 'Empty' || meta.state === 'CompleteCommit' || meta.state === 'CompleteAbort';
      if (!idle || meta.pending !== null || now - meta.lastUpdateTimestamp < limit) continue;
      meta.pending = 'Dead';
      try {
        await this.track(this.ctx.log.write(meta.transactionalId, null, now));
        this.ctx.txns.delete(meta.transactionalId);
        n++;
      } finally {
        meta.pending = null;
      }
    }
    return n;
  }

  /** Resolves when no request or background task is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stop the timeout task and wait for work in flight. The engine stays open. */
  async close(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
    await this.idle();
  }

  private arm(): void {
    if (this.closed) return;
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = null;
      void this.track(this.periodic()).finally(() => this.arm());
    }, this.ctx.config['transaction.abort.timed.out.transaction.cleanup.interval.ms']);
  }

  private async periodic(): Promise<void> {
    try {
      await this.abortTimedOutTransactions();
      const now = this.ctx.clock.now();
      if (
        now - this.lastExpiry >=
        this.ctx.config['transaction.remove.expired.transaction.cleanup.interval.ms']
      ) {
        this.lastExpiry = now;
        await this.expireTransactionalIds();
      }
    } catch (e) {
      this.ctx.onBackgroundError(e);
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    const done = (): void => void this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }
}

function defaultBackgroundError(error: unknown): void {
  process.emitWarning(`transaction coordinator: ${error instanceof Error ? error.message : String(error)}`);
}
