/**
 * The rebalance side of the group consumer (Kafka's ConsumerCoordinator): decides when to
 * rejoin, runs the rebalance listener and the commit-on-revoke around each join, applies eager
 * and cooperative assignments, and notices subscribed topics appearing or growing. Everything
 * here runs inside `poll()`; the membership protocol underneath runs in the background.
 */
import type { TopicPartition } from '../api/common.js';
import type { RebalanceListener } from '../api/consumer.js';
import { addedPartitions, revokedPartitions } from '../assignors/cooperative-rules.js';
import type { RebalanceProtocol } from '../assignors/types.js';
import { ClientError } from '../errors.js';
import { INTERNAL_TOPICS } from './context.js';
import { partitionCounts } from './leader-assignment.js';
import type { JoinedGeneration, Membership } from './membership.js';
import type { PartitionStates } from './partition-states.js';
import type { LogEngine, Clock } from '@rill/log';

/** Codes after which the consumer simply joins again (after a short backoff). */
const REJOINABLE = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'COORDINATOR_LOAD_IN_PROGRESS',
]);

/** How often topic metadata is checked for pattern matches and partition-count changes. */
const METADATA_CHECK_MS = 100;

export interface GroupDriverDeps {
  readonly engine: LogEngine;
  readonly clock: Clock;
  readonly membership: Membership;
  readonly states: PartitionStates;
  readonly protocol: RebalanceProtocol;
  readonly excludeInternal: boolean;
  readonly retryBackoffMs: number;
  /** Commit the positions of these partitions (auto commit before a revocation); never throws. */
  readonly commitBeforeRevoke: (partitions: readonly TopicPartition[]) => Promise<void>;
  readonly wake: () => void;
}

type Settled = { ok: true; value: JoinedGeneration } | { ok: false; error: unknown };

export class GroupDriver {
  private pending: Promise<void> | null = null;
  private settled: Settled | null = null;
  private topics: string[] = [];
  private leaderSnapshot: ReadonlyMap<string, number> | null = null;
  private nextMetadataCheck = 0;
  private retryAt = 0;

  constructor(
    private readonly deps: GroupDriverDeps,
    private subscription: readonly string[] | RegExp,
    private listener: RebalanceListener,
  ) {
    this.topics = this.resolveTopics();
  }

  /** A new subscription: the next rebalance applies it (a join in flight is kept). */
  update(subscription: readonly string[] | RegExp, listener: RebalanceListener): void {
    this.subscription = subscription;
    this.listener = listener;
    this.topics = this.resolveTopics();
    this.deps.membership.rejoinNeeded = true;
  }

  get joinInFlight(): boolean {
    return this.pending !== null;
  }

  /** One round of group work; called at the start of every poll loop iteration. */
  async step(): Promise<void> {
    const m = this.deps.membership;
    if (m.fatal !== null) throw m.fatal;
    if (m.lost && this.pending === null) {
      m.lost = false;
      await this.loseAll();
    }
    this.checkMetadata();
    const settled = this.settled;
    if (settled !== null) {
      this.settled = null;
      this.pending = null;
      await this.complete(settled);
    }
    if (m.rejoinNeeded && this.pending === null && this.deps.clock.now() >= this.retryAt) {
      await this.prepare();
      this.start();
    }
  }

  /** Revoke everything (running the listener); for unsubscribe and close. */
  async revokeAll(): Promise<void> {
    const owned = this.deps.states.list();
    if (owned.length === 0) return;
    await this.revoke(owned);
  }

  /** Wait for a join in flight to end (close leaves afterwards). */
  async settle(): Promise<void> {
    if (this.pending !== null) await this.pending;
  }

  private start(): void {
    const owned = this.deps.protocol === 'eager' ? [] : this.deps.states.list();
    this.pending = this.deps.membership.join(this.topics, owned).then(
      (value) => {
        this.settled = { ok: true, value };
        this.deps.wake();
      },
      (error: unknown) => {
        this.settled = { ok: false, error };
        this.deps.wake();
      },
    );
  }

  /** Before a join (Kafka's onJoinPrepare): commit, then revoke what must be revoked. */
  private async prepare(): Promise<void> {
    const owned = this.deps.states.list();
    if (this.deps.protocol === 'eager') {
      if (owned.length > 0) await this.revoke(owned);
      return;
    }
    // Cooperative: only partitions of topics no longer subscribed are given up before joining.
    const subscribed = new Set(this.topics);
    const gone = owned.filter((tp) => !subscribed.has(tp.topic));
    if (gone.length > 0) await this.revoke(gone);
  }

  private async complete(s: Settled): Promise<void> {
    const m = this.deps.membership;
    if (!s.ok) {
      m.rejoinNeeded = true;
      if (m.fatal !== null) throw m.fatal;
      const code = s.error instanceof ClientError ? s.error.code : '';
      if (REJOINABLE.has(code)) {
        this.retryAt = this.deps.clock.now() + this.deps.retryBackoffMs;
        return;
      }
      throw s.error;
    }
    const assigned = s.value.partitions;
    this.leaderSnapshot = s.value.leaderSnapshot;
    const { states } = this.deps;
    if (this.deps.protocol === 'eager') {
      states.set(assigned);
      await this.listener.onPartitionsAssigned?.(assigned);
      return;
    }
    const owned = states.list();
    const revoked = revokedPartitions(owned, assigned);
    const added = addedPartitions(owned, assigned);
    if (revoked.length > 0) {
      // KIP-429: give them up now; the follow-up rebalance hands them to their new owners.
      m.rejoinNeeded = true;
      await this.revoke(revoked);
    }
    states.add(added);
    await this.listener.onPartitionsAssigned?.(added);
  }

  private async revoke(partitions: readonly TopicPartition[]): Promise<void> {
    try {
      await this.deps.commitBeforeRevoke(partitions);
      await this.listener.onPartitionsRevoked?.(partitions);
    } finally {
      this.deps.states.remove(partitions);
    }
  }

  private async loseAll(): Promise<void> {
    const owned = this.deps.states.list();
    this.deps.states.clear();
    if (owned.length === 0) return;
    const lost = this.listener.onPartitionsLost ?? this.listener.onPartitionsRevoked;
    await lost?.call(this.listener, owned);
  }

  /** Pattern subscriptions pick up new topics; the leader notices partition counts changing. */
  private checkMetadata(): void {
    const now = this.deps.clock.now();
    if (now < this.nextMetadataCheck) return;
    this.nextMetadataCheck = now + METADATA_CHECK_MS;
    const m = this.deps.membership;
    const topics = this.resolveTopics();
    if (topics.join('\u0000') !== this.topics.join('\u0000')) {
      this.topics = topics;
      m.rejoinNeeded = true;
      return;
    }
    const snapshot = this.leaderSnapshot;
    if (snapshot === null || this.pending !== null) return;
    const current = partitionCounts(this.deps.engine, snapshot.keys());
    for (const [topic, count] of current) {
      if (snapshot.get(topic) !== count) {
        m.rejoinNeeded = true;
        return;
      }
    }
  }

  private resolveTopics(): string[] {
    const sub = this.subscription;
    if (!(sub instanceof RegExp)) return [...new Set(sub)].sort();
    return this.deps.engine
      .listTopics()
      .filter((t) => !(this.deps.excludeInternal && INTERNAL_TOPICS.has(t)) && matches(sub, t));
  }
}

function matches(pattern: RegExp, topic: string): boolean {
  // A global or sticky RegExp keeps state between test() calls; start from scratch each time.
  pattern.lastIndex = 0;
  return pattern.test(topic);
}
