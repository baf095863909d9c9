/**
 * A consumer's membership in its group, as Kafka's AbstractCoordinator runs it: JoinGroup (with
 * KIP-394's member-id round trip) and SyncGroup until a generation is reached, heartbeats on a
 * timer of their own (not tied to poll), and LeaveGroup. It never runs user code: it reports
 * what the consumer must do (rejoin, partitions lost, a fatal error) and wakes it.
 */
import type { Clock, GroupCoordinator, TimerHandle } from '@rill/log';
import { KafkaErrorCodes } from '@rill/protocol';
import type { TopicPartition } from '../api/common.js';
import type { ResolvedConsumerConfig } from '../api/consumer-config.js';
import {
  CONSUMER_PROTOCOL_TYPE,
  decodeAssignment,
  encodeSubscription,
} from '../assignors/consumer-protocol.js';
import type { RebalanceProtocol } from '../assignors/types.js';
import { ClientError } from '../errors.js';
import { errorForCode } from './kafka-errors.js';
import { computeAssignment } from './leader-assignment.js';
import type { LogEngine } from '@rill/log';

const E = {
  NONE: 0,
  MEMBER_ID_REQUIRED: KafkaErrorCodes.MEMBER_ID_REQUIRED.code,
  UNKNOWN_MEMBER_ID: KafkaErrorCodes.UNKNOWN_MEMBER_ID.code,
  ILLEGAL_GENERATION: KafkaErrorCodes.ILLEGAL_GENERATION.code,
  REBALANCE_IN_PROGRESS: KafkaErrorCodes.REBALANCE_IN_PROGRESS.code,
  COORDINATOR_NOT_AVAILABLE: KafkaErrorCodes.COORDINATOR_NOT_AVAILABLE.code,
  NOT_COORDINATOR: KafkaErrorCodes.NOT_COORDINATOR.code,
  FENCED_INSTANCE_ID: KafkaErrorCodes.FENCED_INSTANCE_ID.code,
} as const;

/** A completed JoinGroup + SyncGroup. */
export interface JoinedGeneration {
  readonly generationId: number;
  readonly memberId: string;
  readonly partitions: readonly TopicPartition[];
  /** Partition counts the leader assigned over; null if this member is not the leader. */
  readonly leaderSnapshot: ReadonlyMap<string, number> | null;
}

export interface MembershipDeps {
  readonly groupId: string;
  readonly config: ResolvedConsumerConfig;
  readonly protocol: RebalanceProtocol;
  readonly clock: Clock;
  readonly engine: LogEngine;
  readonly coordinator: () => Promise<GroupCoordinator>;
  /** Something changed that the next poll must act on. */
  readonly wake: () => void;
}

export class Membership {
  memberId = '';
  generationId = -1;
  /** The group asked for a rejoin (heartbeat, failed join) or the consumer did. */
  rejoinNeeded = true;
  /** The generation was lost without a clean revocation: owned partitions are lost. */
  lost = false;
  /** An error that ends membership (fenced static member); thrown by the next poll. */
  fatal: ClientError | null = null;
  private joining = false;
  /** Bumped by leave(): a join loop started before it stops instead of rejoining. */
  private session = 0;
  private heartbeatTimer: TimerHandle | null = null;
  private closed = false;

  constructor(private readonly deps: MembershipDeps) {}

  get inGeneration(): boolean {
    return this.generationId >= 0 && this.memberId !== '' && !this.joining;
  }

  /**
   * Join and sync until a generation is reached. `topics` and `owned` go into the subscription;
   * `ownedGeneration` is the generation the owned partitions came from.
   * @throws ClientError for errors a rejoin cannot fix; CLOSED if the consumer closed meanwhile.
   */
  async join(topics: readonly string[], owned: readonly TopicPartition[]): Promise<JoinedGeneration> {
    const { config, groupId } = this.deps;
    const session = this.session;
    const coordinator = await this.deps.coordinator();
    this.joining = true;
    try {
      for (;;) {
        if (this.closed) throw new ClientError('CLOSED', 'The consumer is closed');
        if (session !== this.session) throw new ClientError('ILLEGAL_STATE', 'The consumer left the group');
        const ownedGeneration = this.generationId;
        const protocols = config['partition.assignment.strategy'].map((a) => ({
          name: a.name,
          metadata: encodeSubscription({
            topics,
            userData: a.subscriptionUserData(topics, {
              generationId: ownedGeneration,
              ownedPartitions: owned,
            }),
            ownedPartitions: owned,
            generationId: ownedGeneration,
            rackId: config['client.rack'],
          }),
        }));
        const join = await coordinator.joinGroup({
          groupId,
          memberId: this.memberId,
          groupInstanceId: config['group.instance.id'],
          clientId: config['client.id'] || 'rill-consumer',
          clientHost: 'embedded',
          sessionTimeoutMs: config['session.timeout.ms'],
          rebalanceTimeoutMs: config['max.poll.interval.ms'],
          protocolType: CONSUMER_PROTOCOL_TYPE,
          protocols,
          requireKnownMemberId: true,
          reason: null,
        });
        if (join.errorCode === E.MEMBER_ID_REQUIRED) {
          this.memberId = join.memberId;
          continue;
        }
        if (this.retryJoin(join.errorCode, owned)) continue;
        if (join.errorCode !== E.NONE) throw this.failJoin(join.errorCode, 'JoinGroup');
        this.memberId = join.memberId;
        this.generationId = join.generationId;
        const protocolName = join.protocolName ?? '';
        let leaderSnapshot: ReadonlyMap<string, number> | null = null;
        let assignments: { memberId: string; assignment: Buffer }[] = [];
        if (join.leader === join.memberId && !join.skipAssignment) {
          const computed = computeAssignment(
            this.deps.engine,
            config['partition.assignment.strategy'],
            this.deps.protocol,
            protocolName,
            join.members,
          );
          assignments = computed.assignments;
          leaderSnapshot = computed.snapshot;
        }
        this.armHeartbeat();
        const sync = await coordinator.syncGroup({
          groupId,
          generationId: join.generationId,
          memberId: join.memberId,
          groupInstanceId: config['group.instance.id'],
          protocolType: CONSUMER_PROTOCOL_TYPE,
          protocolName,
          assignments,
        });
        if (this.retryJoin(sync.errorCode, owned)) continue;
        if (sync.errorCode !== E.NONE) throw this.failJoin(sync.errorCode, 'SyncGroup');
        const { partitions } = decodeAssignment(sync.assignment);
        this.rejoinNeeded = false;
        return { generationId: join.generationId, memberId: join.memberId, partitions, leaderSnapshot };
      }
    } finally {
      this.joining = false;
    }
  }

  /** Leave the group now (close, unsubscribe, poll timeout); the generation is gone either way. */
  async leave(reason: string): Promise<void> {
    this.stopHeartbeat();
    this.session++;
    const { memberId } = this;
    const instanceId = this.deps.config['group.instance.id'];
    this.resetGeneration();
    this.rejoinNeeded = true;
    // A static member keeps its place until its session times out (KIP-345): it does not leave.
    if (memberId === '' || instanceId !== null) return;
    const coordinator = await this.deps.coordinator();
    const res = await coordinator.leaveGroup({
      groupId: this.deps.groupId,
      members: [{ memberId, groupInstanceId: null, reason }],
    });
    // UNKNOWN_MEMBER_ID: the coordinator already removed us, which is what leaving wants.
    const code = res.errorCode !== E.NONE ? res.errorCode : (res.members[0]?.errorCode ?? E.NONE);
    if (code !== E.NONE && code !== E.UNKNOWN_MEMBER_ID && code !== E.COORDINATOR_NOT_AVAILABLE)
      throw errorForCode(code, `LeaveGroup of ${this.deps.groupId} failed`, this.deps.groupId);
  }

  close(): void {
    this.closed = true;
    this.stopHeartbeat();
  }

  stopHeartbeat(): void {
    this.heartbeatTimer?.cancel();
    this.heartbeatTimer = null;
  }

  /** Forget the generation (member id too unless static membership keeps it meaningful). */
  resetGeneration(): void {
    this.generationId = -1;
    this.memberId = '';
  }

  private armHeartbeat(): void {
    if (this.heartbeatTimer !== null || this.closed) return;
    const session = this.session;
    this.heartbeatTimer = this.deps.clock.setTimeout(() => {
      this.heartbeatTimer = null;
      void this.beat().then(
        () => {
          if (session === this.session) this.armHeartbeat();
        },
        (e: unknown) => {
          this.fatal = e instanceof ClientError ? e : errorForCode(-1, String(e));
          this.deps.wake();
        },
      );
    }, this.deps.config['heartbeat.interval.ms']);
  }

  private async beat(): Promise<void> {
    if (this.memberId === '' || this.generationId < 0) return;
    const { generationId, memberId } = this;
    const coordinator = await this.deps.coordinator();
    const { errorCode } = await coordinator.heartbeat({
      groupId: this.deps.groupId,
      generationId,
      memberId,
      groupInstanceId: this.deps.config['group.instance.id'],
    });
    // A rejoin started meanwhile: this answer is about a generation that is already over.
    if (this.joining || generationId !== this.generationId || memberId !== this.memberId) return;
    switch (errorCode) {
      case E.NONE:
      case E.COORDINATOR_NOT_AVAILABLE:
      case E.NOT_COORDINATOR:
        return;
      case E.REBALANCE_IN_PROGRESS:
        this.rejoinNeeded = true;
        break;
      case E.ILLEGAL_GENERATION:
        this.generationId = -1;
        this.lost = true;
        this.rejoinNeeded = true;
        break;
      case E.UNKNOWN_MEMBER_ID:
        this.resetGeneration();
        this.lost = true;
        this.rejoinNeeded = true;
        break;
      default:
        this.fatal = errorForCode(errorCode, `Heartbeat to ${this.deps.groupId} failed`, this.deps.groupId);
        this.stopHeartbeat();
        this.deps.wake();
        return;
    }
    this.deps.wake();
  }

  /**
   * Errors a fresh JoinGroup fixes; updates the member state as Kafka's client does. A lost
   * generation while owning partitions is thrown instead: the consumer must report those
   * partitions lost (in poll) before it rejoins.
   */
  private retryJoin(code: number, owned: readonly TopicPartition[]): boolean {
    switch (code) {
      case E.REBALANCE_IN_PROGRESS:
        return true;
      case E.ILLEGAL_GENERATION:
      case E.UNKNOWN_MEMBER_ID:
        if (code === E.UNKNOWN_MEMBER_ID) this.resetGeneration();
        else this.generationId = -1;
        if (owned.length === 0) return true;
        this.lost = true;
        this.rejoinNeeded = true;
        throw errorForCode(code, `Rejoining ${this.deps.groupId} failed`, this.deps.groupId);
      default:
        return false;
    }
  }

  private failJoin(code: number, what: string): ClientError {
    const err = errorForCode(code, `${what} of ${this.deps.groupId} failed`, this.deps.groupId);
    if (code === E.FENCED_INSTANCE_ID) this.fatal = err;
    return err;
  }
}
