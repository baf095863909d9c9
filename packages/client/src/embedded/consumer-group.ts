/**
 * The group side of one consumer: its membership, the rebalance driver of the current
 * subscription, the `max.poll.interval.ms` watchdog and auto commit.
 */
import type { TopicPartition, TopicPartitionOffset } from '../api/common.js';
import type { ResolvedConsumerConfig } from '../api/consumer-config.js';
import type { ConsumerGroupMetadata, RebalanceListener } from '../api/consumer.js';
import type { RebalanceProtocol } from '../assignors/types.js';
import { toClientError } from '../errors.js';
import { commitGroupOffsets } from './admin-groups.js';
import type { EmbeddedContext } from './context.js';
import { GroupDriver } from './group-driver.js';
import { Membership } from './membership.js';
import type { PartitionStates } from './partition-states.js';
import { PollWatchdog } from './poll-watchdog.js';
import type { Positions } from './positions.js';

export interface ConsumerGroupDeps {
  readonly groupId: string;
  readonly config: ResolvedConsumerConfig;
  readonly protocol: RebalanceProtocol;
  readonly ctx: EmbeddedContext;
  readonly states: PartitionStates;
  readonly positions: Positions;
  readonly inPoll: () => boolean;
  readonly wake: () => void;
}

/** Kafka's retry.backoff.ms default, between failed joins. */
const RETRY_BACKOFF_MS = 100;

export class ConsumerGroup {
  readonly membership: Membership;
  private driver: GroupDriver | null = null;
  private readonly watchdog: PollWatchdog;
  private nextAutoCommit = 0;

  constructor(private readonly deps: ConsumerGroupDeps) {
    const { config, ctx } = deps;
    this.membership = new Membership({
      groupId: deps.groupId,
      config,
      protocol: deps.protocol,
      clock: ctx.clock,
      engine: ctx.engine,
      coordinator: ctx.coordinator,
      wake: deps.wake,
    });
    this.watchdog = new PollWatchdog(ctx.clock, config['max.poll.interval.ms'], deps.inPoll, () =>
      this.onPollTimeout(),
    );
  }

  get subscribed(): boolean {
    return this.driver !== null;
  }

  subscribe(subscription: readonly string[] | RegExp, listener: RebalanceListener): void {
    if (this.driver !== null) this.driver.update(subscription, listener);
    else {
      this.membership.rejoinNeeded = true;
      this.driver = new GroupDriver(
        {
          engine: this.deps.ctx.engine,
          clock: this.deps.ctx.clock,
          membership: this.membership,
          states: this.deps.states,
          protocol: this.deps.protocol,
          excludeInternal: this.deps.config['exclude.internal.topics'],
          retryBackoffMs: RETRY_BACKOFF_MS,
          commitBeforeRevoke: (ps) =>
            this.deps.config['enable.auto.commit'] ? this.autoCommit(ps) : Promise.resolve(),
          wake: this.deps.wake,
        },
        subscription,
        listener,
      );
    }
    this.deps.wake();
  }

  /** Revoke everything (listener, commit under auto commit), leave, forget the subscription. */
  async unsubscribe(reason: string): Promise<void> {
    const driver = this.driver;
    if (driver === null) return;
    await driver.revokeAll();
    await this.membership.leave(reason);
    await driver.settle();
    this.driver = null;
  }

  polled(): void {
    if (this.driver !== null) this.watchdog.polled();
  }

  /** Group work of one poll round: rebalance steps, then auto commit when due. */
  async step(): Promise<void> {
    if (this.driver === null) return;
    await this.driver.step();
    if (!this.deps.config['enable.auto.commit']) return;
    const now = this.deps.ctx.clock.now();
    if (now < this.nextAutoCommit || !this.membership.inGeneration) return;
    this.nextAutoCommit = now + this.deps.config['auto.commit.interval.ms'];
    await this.autoCommit(this.deps.states.list());
  }

  /** OffsetCommit as this member (generation and member id when subscribed, else as a simple consumer). */
  async commit(offsets: readonly TopicPartitionOffset[]): Promise<void> {
    if (offsets.length === 0) return;
    const m = this.membership;
    const member = this.driver !== null;
    await commitGroupOffsets(await this.deps.ctx.coordinator(), this.deps.groupId, offsets, {
      generationId: member ? m.generationId : -1,
      memberId: member ? m.memberId : '',
      groupInstanceId: this.deps.config['group.instance.id'],
    });
  }

  metadata(): ConsumerGroupMetadata {
    return {
      groupId: this.deps.groupId,
      generationId: this.membership.generationId,
      memberId: this.membership.memberId,
      groupInstanceId: this.deps.config['group.instance.id'],
    };
  }

  enforceRebalance(): void {
    if (this.driver === null) return;
    this.membership.rejoinNeeded = true;
    this.deps.wake();
  }

  async close(): Promise<void> {
    this.watchdog.stop();
    try {
      await this.unsubscribe('the consumer is closing');
    } finally {
      this.membership.close();
    }
  }

  /**
   * Commit positions as auto commit does. A failure is not the poll caller's error (Kafka's
   * consumer logs it, and the next commit covers the same records): it becomes a process warning.
   */
  private async autoCommit(partitions: readonly TopicPartition[]): Promise<void> {
    // Partitions of a deleted topic have nothing left to commit.
    const topics = new Set(this.deps.ctx.engine.listTopics());
    const offsets = this.deps.positions.consumed(partitions).filter((o) => topics.has(o.topic));
    if (offsets.length === 0 || !this.membership.inGeneration) return;
    try {
      await this.commit(offsets);
    } catch (e) {
      process.emitWarning(toClientError(e), { code: 'RILL_AUTO_COMMIT' });
    }
  }

  /** Kafka: a consumer that stops polling leaves; its next poll reports its partitions lost and rejoins. */
  private onPollTimeout(): boolean {
    const m = this.membership;
    if (this.driver === null || !m.inGeneration) return false;
    m.lost = true;
    m.leave('consumer poll timeout has expired').then(
      () => undefined,
      (e: unknown) => process.emitWarning(toClientError(e), { code: 'RILL_CONSUMER_LEAVE' }),
    );
    return true;
  }
}
