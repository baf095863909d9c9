/**
 * GroupCoordinator: Kafka's classic consumer-group coordinator and committed-offset store, as a
 * layer over the public LogEngine API. The broker's group APIs and the embedded client drive the
 * same object. Results carry Kafka's numeric error codes (`errorCode`), ready for the wire.
 */
import { definedOnly } from '../config/defined-only.js';
import type { LogEngine } from '../../engine.js';
import { systemClock, type Clock, type TimerHandle } from '../clock/clock.js';
import type { TopicConfigInput } from '../config/validate.js';
import type { CoordinatorContext } from './context.js';
import { ERR } from './error-codes.js';
import type {
  DeleteGroupResult,
  GroupDescription,
  GroupListing,
  LagOptions,
  ListGroupsFilter,
  PartitionLag,
  ResetOffsetsRequest,
  ResetOffsetsResult,
} from './group-admin-types.js';
import { deleteGroup, describeGroup, listGroups } from './group-admin.js';
import {
  parseGroupConfig,
  type GroupCoordinatorConfig,
  type GroupCoordinatorConfigInput,
} from './group-config.js';
import { loadGroups } from './group-loader.js';
import { GroupStore } from './group-store.js';
import type {
  HeartbeatRequest,
  HeartbeatResult,
  JoinGroupRequest,
  JoinGroupResult,
  LeaveGroupRequest,
  LeaveGroupResult,
  OffsetCommitRequest,
  OffsetCommitResult,
  OffsetFetchRequest,
  OffsetFetchResult,
  SyncGroupRequest,
  SyncGroupResult,
} from './group-types.js';
import { heartbeat } from './heartbeat.js';
import { joinGroup } from './join-group.js';
import { groupLag } from './lag.js';
import { leaveGroup } from './leave-group.js';
import { commitOffsets } from './offset-commit.js';
import { deleteOffsets, type OffsetDeleteRequest, type OffsetDeleteResult } from './offset-delete.js';
import { expireOffsets } from './offset-expiration.js';
import { fetchOffsets } from './offset-fetch.js';
import { resetOffsets } from './offset-reset.js';
import { OffsetsLog } from './offsets-log.js';
import { scheduleSession } from './rebalance.js';
import { syncGroup } from './sync-group.js';
import { joinError, syncError } from './results.js';
import {
  commitTransactionalOffsets,
  completeTransaction,
  validateTransactionalCommit,
  type OpenTransactions,
  type TxnGroupMetadata,
  type TxnOffsetCommitRequest,
} from './txn-offsets.js';

/** Options of {@link GroupCoordinator.open}. */
export interface GroupCoordinatorOptions {
  readonly engine: LogEngine;
  /** Drives session, rebalance, initial-delay and retention timers; default the system clock. */
  readonly clock?: Clock;
  /** Overrides of the engine's `brokerConfig.groups` (which holds Kafka's defaults unless the engine was given others). */
  readonly config?: GroupCoordinatorConfigInput;
  /** Topic configs for creating `__consumer_offsets` (always compacted). */
  readonly offsetsTopicConfigs?: TopicConfigInput;
  /** Failures of writes nobody awaits (an emptied group's metadata, expiry tombstones). Default: a process warning. */
  readonly onBackgroundError?: (error: unknown) => void;
}

/**
 * The group coordinator.
 *
 * @example
 * ```ts
 * const engine = await LogEngine.open({ dataDir: './data' });
 * const groups = await GroupCoordinator.open({ engine, config: { 'group.initial.rebalance.delay.ms': 0 } });
 * const join = await groups.joinGroup({ groupId: 'g', memberId: '', clientId: 'c', sessionTimeoutMs: 10_000,
 *   protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] });
 * await groups.syncGroup({ groupId: 'g', generationId: join.generationId, memberId: join.memberId,
 *   assignments: [{ memberId: join.memberId, assignment: Buffer.alloc(0) }] });
 * ```
 */
export class GroupCoordinator {
  private closed = false;
  private retentionTimer: TimerHandle | null = null;

  private constructor(
    private readonly ctx: CoordinatorContext,
    private readonly openTxns: OpenTransactions,
  ) {}

  /**
   * Create `__consumer_offsets` if needed (compacted, `offsets.topic.num.partitions`), replay it
   * to recover groups and offsets, and start the retention timer.
   * @throws LogError INVALID_CONFIG; CORRUPT_MESSAGE if a stored record cannot be parsed; engine errors.
   */
  static async open(options: GroupCoordinatorOptions): Promise<GroupCoordinator> {
    const config = parseGroupConfig({
      ...options.engine.brokerConfig.groups,
      ...definedOnly(options.config),
    });
    const clock = options.clock ?? systemClock;
    const log = await OffsetsLog.open(options.engine, config['offsets.topic.num.partitions'], {
      'segment.bytes': config['offsets.topic.segment.bytes'],
      ...options.offsetsTopicConfigs,
      'cleanup.policy': 'compact',
    });
    const loaded = await loadGroups(log, clock.now());
    const ctx: CoordinatorContext = {
      clock,
      config,
      groups: loaded.groups,
      store: new GroupStore(log, clock),
      engine: options.engine,
      onBackgroundError: options.onBackgroundError ?? defaultBackgroundError,
    };
    const coordinator = new GroupCoordinator(ctx, loaded.openTransactions);
    for (const group of ctx.groups.values())
      for (const m of group.members.values()) scheduleSession(ctx, group, m);
    coordinator.armRetention();
    return coordinator;
  }

  /** The coordinator's settings. */
  get config(): GroupCoordinatorConfig {
    return this.ctx.config;
  }

  /** The `__consumer_offsets` partition that holds `groupId` (for FindCoordinator). */
  partitionFor(groupId: string): number {
    return this.ctx.store.log.partitionFor(groupId);
  }

  /** JoinGroup: resolves when the join phase ends (or at once with an error). */
  joinGroup(req: JoinGroupRequest): Promise<JoinGroupResult> {
    if (this.closed) return Promise.resolve(joinError(req.memberId, ERR.COORDINATOR_NOT_AVAILABLE));
    return joinGroup(this.ctx, req);
  }

  /** SyncGroup: resolves with the member's assignment once the leader's is durable. */
  syncGroup(req: SyncGroupRequest): Promise<SyncGroupResult> {
    if (this.closed) return Promise.resolve(syncError(ERR.COORDINATOR_NOT_AVAILABLE));
    return syncGroup(this.ctx, req);
  }

  async heartbeat(req: HeartbeatRequest): Promise<HeartbeatResult> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE };
    return heartbeat(this.ctx, req);
  }

  async leaveGroup(req: LeaveGroupRequest): Promise<LeaveGroupResult> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, members: [] };
    return leaveGroup(this.ctx, req);
  }

  /** OffsetCommit: per-partition error codes; resolves once the offsets are durable. */
  async commitOffsets(req: OffsetCommitRequest): Promise<OffsetCommitResult> {
    if (this.closed) return allPartitions(req, ERR.COORDINATOR_NOT_AVAILABLE);
    return commitOffsets(this.ctx, req);
  }

  async fetchOffsets(req: OffsetFetchRequest): Promise<OffsetFetchResult> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, topics: [] };
    return fetchOffsets(this.ctx, req);
  }

  async describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]> {
    if (this.closed) {
      return groupIds.map((groupId) => ({
        groupId,
        errorCode: ERR.COORDINATOR_NOT_AVAILABLE,
        groupState: 'Dead',
        protocolType: '',
        protocolData: '',
        members: [],
      }));
    }
    return groupIds.map((id) => describeGroup(this.ctx, id));
  }

  async listGroups(filter?: ListGroupsFilter): Promise<{ errorCode: number; groups: GroupListing[] }> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, groups: [] };
    return { errorCode: ERR.NONE, groups: listGroups(this.ctx, filter) };
  }

  /** DeleteGroups: only empty groups (NON_EMPTY_GROUP otherwise); offsets go too. */
  async deleteGroups(groupIds: readonly string[]): Promise<DeleteGroupResult[]> {
    if (this.closed)
      return groupIds.map((groupId) => ({ groupId, errorCode: ERR.COORDINATOR_NOT_AVAILABLE }));
    const out: DeleteGroupResult[] = [];
    for (const id of groupIds) out.push(await deleteGroup(this.ctx, id));
    return out;
  }

  /** OffsetDelete (KIP-496): drop committed offsets of partitions the group does not consume. */
  async deleteOffsets(req: OffsetDeleteRequest): Promise<OffsetDeleteResult> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, topics: [] };
    return deleteOffsets(this.ctx, req);
  }

  /** Move an empty group's offsets (earliest, latest, by timestamp, explicit). */
  async resetOffsets(req: ResetOffsetsRequest): Promise<ResetOffsetsResult> {
    if (this.closed) return { errorCode: ERR.COORDINATOR_NOT_AVAILABLE, partitions: [] };
    return resetOffsets(this.ctx, req);
  }

  /** Lag per committed partition. @throws LogError INVALID_REQUEST for read_committed without `lastStableOffset`. */
  async lag(groupId: string, opts?: LagOptions): Promise<PartitionLag[]> {
    return groupLag(this.ctx, groupId, opts);
  }

  /** KIP-447: may this producer commit offsets for the group now? @returns a Kafka error code (NONE if so). */
  validateTransactionalCommit(metadata: TxnGroupMetadata): number {
    if (this.closed) return ERR.COORDINATOR_NOT_AVAILABLE;
    return validateTransactionalCommit(this.ctx, metadata);
  }

  /** TxnOffsetCommit: offsets written in the producer's transaction, pending until {@link completeTransaction}. */
  async commitTransactionalOffsets(req: TxnOffsetCommitRequest): Promise<OffsetCommitResult> {
    if (this.closed) return allPartitions(req, ERR.COORDINATOR_NOT_AVAILABLE);
    return commitTransactionalOffsets(this.ctx, this.openTxns, req);
  }

  /** The producer's COMMIT/ABORT marker is durable in `__consumer_offsets`: apply or drop its offsets. */
  completeTransaction(producerId: number, commit: boolean): void {
    completeTransaction(this.ctx, this.openTxns, producerId, commit);
  }

  /** Run offset retention now (it also runs every `offsets.retention.check.interval.ms`). @returns offsets expired. */
  expireOffsets(): Promise<number> {
    return expireOffsets(this.ctx);
  }

  /** Resolves when no write to `__consumer_offsets` is in flight. */
  idle(): Promise<void> {
    return this.ctx.store.idle();
  }

  /**
   * Stop timers, answer waiting JoinGroup/SyncGroup requests with NOT_COORDINATOR (as Kafka does
   * when a coordinator unloads a group) and wait for writes in flight. The engine stays open.
   */
  async close(): Promise<void> {
    if (this.closed) return this.idle();
    this.closed = true;
    this.retentionTimer?.cancel();
    for (const group of this.ctx.groups.values()) {
      group.cancelTimers();
      for (const m of group.members.values()) {
        m.completeJoin(joinError(m.memberId, ERR.NOT_COORDINATOR));
        m.completeSync(syncError(ERR.NOT_COORDINATOR));
      }
    }
    await this.idle();
  }

  private armRetention(): void {
    this.retentionTimer = this.ctx.clock.setTimeout(() => {
      if (this.closed) return;
      expireOffsets(this.ctx).then(undefined, this.ctx.onBackgroundError);
      this.armRetention();
    }, this.ctx.config['offsets.retention.check.interval.ms']);
  }
}

function allPartitions(
  req: { topics: OffsetCommitRequest['topics'] },
  errorCode: number,
): OffsetCommitResult {
  return {
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
    })),
  };
}

function defaultBackgroundError(error: unknown): void {
  process.emitWarning(error instanceof Error ? error : new Error(String(error)), {
    code: 'RILL_GROUP_COORDINATOR',
  });
}
