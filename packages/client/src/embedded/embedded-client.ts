/**
 * The embedded implementation of the client interface: producers, consumers and admins that call
 * one in-process {@link LogEngine}, one {@link GroupCoordinator} and one
 * {@link TransactionCoordinator}, with no networking.
 */
import {
  GroupCoordinator,
  systemClock,
  TransactionCoordinator,
  type Clock,
  type GroupCoordinatorConfigInput,
  type LogEngine,
  type TxnCoordinatorConfigInput,
} from '@rill/log';
import type { AdminConfig } from '../api/admin-config.js';
import type { Admin } from '../api/admin.js';
import type { Client } from '../api/client.js';
import type { ConsumerConfig } from '../api/consumer-config.js';
import type { Consumer } from '../api/consumer.js';
import type { ProducerConfig } from '../api/producer-config.js';
import type { Producer } from '../api/producer.js';
import { EmbeddedAdmin } from './admin.js';
import { EmbeddedConsumer } from './consumer.js';
import { closedError, Lazy, type EmbeddedContext } from './context.js';
import { EmbeddedProducer } from './producer.js';

/** Options of {@link createEmbeddedClient}. */
export interface EmbeddedClientOptions {
  /** The log every producer, consumer and admin of this client reads and writes. Not closed by the client. */
  readonly engine: LogEngine;
  /**
   * The group coordinator over `engine`. Pass the one the broker uses so embedded and remote
   * members share groups; when absent the client opens its own on first use (with
   * `coordinatorConfig`) and closes it in `close()`.
   */
  readonly coordinator?: GroupCoordinator;
  /** Settings of a coordinator the client opens itself (e.g. `group.initial.rebalance.delay.ms`). */
  readonly coordinatorConfig?: GroupCoordinatorConfigInput;
  /**
   * The transaction coordinator over `engine`, whose group hook must be `coordinator`. When
   * absent the client opens its own on first transactional use (with `transactionConfig`, over
   * the client's group coordinator) and closes it in `close()`.
   */
  readonly transactionCoordinator?: TransactionCoordinator;
  /** Settings of a transaction coordinator the client opens itself (Kafka's `transaction.*` broker names). */
  readonly transactionConfig?: TxnCoordinatorConfigInput;
  /** Time for linger, heartbeats, poll and commit timers; default the system clock. Use the engine's. */
  readonly clock?: Clock;
}

/** The embedded {@link Client}: one engine and its coordinators, shared by everything it makes. */
export interface EmbeddedClient extends Client {
  /** The group coordinator (opened on first call if the client owns it). */
  coordinator(): Promise<GroupCoordinator>;
  /** The transaction coordinator (opened on first call if the client owns it). */
  transactionCoordinator(): Promise<TransactionCoordinator>;
}

/**
 * Make an embedded client over an open engine. Everything it makes shares the engine and the
 * coordinators: producers are idempotent by default (producer ids from the engine) and
 * transactional with `transactional.id`; consumers join groups through the group coordinator and
 * the group leader computes assignments with the configured assignors, as in Kafka. Timers
 * (linger, heartbeats, `max.poll.interval.ms`, auto commit, poll timeouts) run on `clock`.
 * `close()` closes what the client made (consumers leave their groups) and the coordinators it
 * opened; the engine stays open.
 *
 * @example
 * ```ts
 * const engine = await LogEngine.open({ dataDir: './data' });
 * const client = createEmbeddedClient({ engine, coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0 } });
 * await client.producer().send({ topic: 'orders', key: 'user-1', value: 'hello' });
 * const consumer = client.consumer({ 'group.id': 'billing', 'auto.offset.reset': 'earliest' });
 * await consumer.subscribe(['orders']);
 * const batch = await consumer.poll(1000);
 * const producer = client.producer({ 'transactional.id': 'billing-0' });
 * await producer.transaction(async (tx) => {
 *   await tx.send({ topic: 'invoices', key: 'user-1', value: String(batch.count) });
 *   await tx.sendOffsets([{ topic: 'orders', partition: 0, offset: 1 }], consumer.groupMetadata());
 * });
 * await client.close();
 * await engine.close();
 * ```
 */
export function createEmbeddedClient(options: EmbeddedClientOptions): EmbeddedClient {
  return new EmbeddedClientImpl(options);
}

interface Closable {
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
}

class EmbeddedClientImpl implements EmbeddedClient {
  private closed = false;
  private readonly open = new Set<Closable>();
  private readonly lazy: Lazy<GroupCoordinator>;
  private readonly lazyTxn: Lazy<TransactionCoordinator>;
  private readonly ctx: EmbeddedContext;

  constructor(options: EmbeddedClientOptions) {
    const clock = options.clock ?? systemClock;
    this.lazy = new Lazy<GroupCoordinator>({
      given: options.coordinator,
      open: () =>
        GroupCoordinator.open({
          engine: options.engine,
          clock,
          ...(options.coordinatorConfig === undefined ? {} : { config: options.coordinatorConfig }),
        }),
    });
    this.lazyTxn = new Lazy<TransactionCoordinator>({
      given: options.transactionCoordinator,
      open: async () =>
        TransactionCoordinator.open({
          engine: options.engine,
          clock,
          groups: await this.lazy.get(),
          ...(options.transactionConfig === undefined ? {} : { config: options.transactionConfig }),
        }),
    });
    this.ctx = {
      engine: options.engine,
      clock,
      coordinator: () => (this.closed ? Promise.reject(closedError('client')) : this.lazy.get()),
      transactions: () => this.transactionCoordinator(),
      checkOpen: () => {
        if (this.closed) throw closedError('client');
      },
    };
  }

  coordinator(): Promise<GroupCoordinator> {
    return this.ctx.coordinator();
  }

  transactionCoordinator(): Promise<TransactionCoordinator> {
    return this.closed ? Promise.reject(closedError('client')) : this.lazyTxn.get();
  }

  producer(config?: ProducerConfig): Producer {
    this.ctx.checkOpen();
    return this.track(new EmbeddedProducer(this.ctx, config, (p) => this.open.delete(p)));
  }

  consumer(config?: ConsumerConfig): Consumer {
    this.ctx.checkOpen();
    return this.track(new EmbeddedConsumer(this.ctx, config, (c) => this.open.delete(c)));
  }

  admin(config?: AdminConfig): Admin {
    this.ctx.checkOpen();
    return this.track(new EmbeddedAdmin(this.ctx, config, (a) => this.open.delete(a)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Children close while the coordinator is still reachable: consumers leave their groups.
    const children = [...this.open];
    const settled = await Promise.allSettled(children.map((c) => c.close()));
    this.closed = true;
    this.open.clear();
    const ownedTxn = await this.lazyTxn.owned();
    if (ownedTxn !== undefined) await ownedTxn.close();
    const owned = await this.lazy.owned();
    if (owned !== undefined) await owned.close();
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
  }

  private track<T extends Closable>(child: T): T {
    this.open.add(child);
    return child;
  }
}
