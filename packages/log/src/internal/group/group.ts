/**
 * One consumer group's in-memory state (Kafka's GroupMetadata): members, static instance ids,
 * generation, selected protocol, leader, state, committed offsets, and the group's timers.
 * Pure bookkeeping; the rebalance logic that drives it lives in ./rebalance.ts.
 */
import type { TimerHandle } from '../clock/clock.js';
import { GroupOffsets } from './group-offsets.js';
import { canTransition } from './group-state.js';
import type { GroupProtocol, GroupStateName, JoinGroupMember } from './group-types.js';
import type { Member } from './member.js';
import { subscribedTopicsOf } from './subscribed-topics.js';

export class Group {
  state: GroupStateName = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  currentStateTimestamp: number;
  /** A member joined while the initial rebalance delay ran: wait one more delay (bounded). */
  newMemberAdded = false;
  readonly members = new Map<string, Member>();
  /** group.instance.id -> member id of the static member that holds it. */
  readonly staticMembers = new Map<string, string>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, awaiting the member's second JoinGroup. */
  readonly pendingMembers = new Map<string, TimerHandle>();
  /** Members sent a JoinGroup response that have not sent SyncGroup yet. */
  readonly pendingSyncMembers = new Set<string>();
  /** Topics the members subscribe to (consumer protocol), or null when unknown. */
  subscribedTopics: ReadonlySet<string> | null = null;
  joinTimer: TimerHandle | null = null;
  /** The join phase is the initial delayed join of an empty group: it ends on its timer only. */
  initialDelayActive = false;
  syncTimer: TimerHandle | null = null;
  readonly offsets = new GroupOffsets();

  constructor(
    readonly groupId: string,
    now: number,
  ) {
    this.currentStateTimestamp = now;
  }

  is(state: GroupStateName): boolean {
    return this.state === state;
  }

  transitionTo(state: GroupStateName, now: number): void {
    if (!canTransition(this.state, state)) {
      throw new Error(`Group ${this.groupId} cannot move from ${this.state} to ${state}`);
    }
    this.state = state;
    this.currentStateTimestamp = now;
  }

  get size(): number {
    return this.members.size;
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    this.members.set(member.memberId, member);
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
    this.leaderId ??= member.memberId;
  }

  remove(memberId: string): Member | undefined {
    const member = this.members.get(memberId);
    if (member === undefined) return undefined;
    member.cancelSessionTimer();
    this.members.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
    if (member.groupInstanceId !== null && this.staticMembers.get(member.groupInstanceId) === memberId) {
      this.staticMembers.delete(member.groupInstanceId);
    }
    if (this.leaderId === memberId) this.leaderId = this.members.keys().next().value ?? null;
    return member;
  }

  /** Give a static member's slot to `newMemberId` (KIP-345); the old id is fenced. */
  replaceStaticMember(instanceId: string, oldMemberId: string, newMemberId: string): Member {
    const member = this.members.get(oldMemberId)!;
    this.members.delete(oldMemberId);
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    this.staticMembers.set(instanceId, newMemberId);
    if (this.leaderId === oldMemberId) this.leaderId = newMemberId;
    if (this.pendingSyncMembers.delete(oldMemberId)) this.pendingSyncMembers.add(newMemberId);
    return member;
  }

  staticMemberId(instanceId: string | null | undefined): string | undefined {
    return instanceId == null ? undefined : this.staticMembers.get(instanceId);
  }

  /** The request carries an instance id whose slot belongs to another member id. */
  isStaticMemberFenced(memberId: string, instanceId: string | null | undefined): boolean {
    if (instanceId == null) return false;
    const current = this.staticMembers.get(instanceId);
    return current !== undefined && current !== memberId;
  }

  /** Every member has sent its JoinGroup for this rebalance, and no MEMBER_ID_REQUIRED joiner is outstanding. */
  allMembersJoined(): boolean {
    if (this.pendingMembers.size > 0) return false;
    for (const m of this.members.values()) if (!m.isAwaitingJoin) return false;
    return true;
  }

  /** The rebalance timeout: the longest any member asked for. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** Kafka's rule: an empty group takes any type with protocols; otherwise same type and a protocol every member supports. */
  supportsProtocols(protocolType: string, protocols: readonly GroupProtocol[]): boolean {
    if (this.members.size === 0) return protocolType.length > 0 && protocols.length > 0;
    if (protocolType !== this.protocolType) return false;
    const candidates = this.candidateProtocols();
    return protocols.some((p) => candidates.has(p.name));
  }

  /** Protocols supported by every member. */
  candidateProtocols(): Set<string> {
    let out: Set<string> | null = null;
    for (const m of this.members.values()) {
      const names = new Set<string>(m.protocols.map((p) => p.name));
      if (out === null) out = names;
      else for (const n of out) if (!names.has(n)) out.delete(n);
    }
    return out ?? new Set<string>();
  }

  /** Kafka's protocol selection: each member votes for its preferred candidate; most votes wins (ties: the leader's preference). */
  selectProtocol(): string {
    const candidates = this.candidateProtocols();
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const v = m.vote(candidates);
      if (v !== undefined) votes.set(v, (votes.get(v) ?? 0) + 1);
    }
    const leader = this.leaderId === null ? undefined : this.members.get(this.leaderId);
    const order = leader?.protocols.map((p) => p.name) ?? [...votes.keys()];
    let best: string | undefined;
    let bestVotes = -1;
    for (const name of order) {
      const n = votes.get(name) ?? 0;
      if (n > bestVotes && votes.has(name)) {
        best = name;
        bestVotes = n;
      }
    }
    if (best === undefined) throw new Error(`Group ${this.groupId} has no protocol supported by all members`);
    return best;
  }

  /** Members as the leader's JoinGroup response lists them. */
  joinMembers(): JoinGroupMember[] {
    const protocol = this.protocolName ?? '';
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadata(protocol),
    }));
  }

  /** Start the next generation after a join phase (Kafka's initNextGeneration). */
  initNextGeneration(now: number): void {
    this.generationId += 1;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.transitionTo('CompletingRebalance', now);
    } else {
      this.protocolName = null;
      this.transitionTo('Empty', now);
    }
    this.refreshSubscribedTopics();
    this.pendingSyncMembers.clear();
  }

  refreshSubscribedTopics(): void {
    this.subscribedTopics = this.computeSubscribedTopics();
  }

  private computeSubscribedTopics(): ReadonlySet<string> | null {
    if (this.protocolType !== 'consumer' || this.protocolName === null) return null;
    const out = new Set<string>();
    for (const m of this.members.values()) {
      const topics = subscribedTopicsOf(m.metadata(this.protocolName));
      if (topics === null) return null;
      for (const t of topics) out.add(t);
    }
    return out;
  }

  cancelTimers(): void {
    this.joinTimer?.cancel();
    this.joinTimer = null;
    this.initialDelayActive = false;
    this.syncTimer?.cancel();
    this.syncTimer = null;
    for (const t of this.pendingMembers.values()) t.cancel();
    this.pendingMembers.clear();
    for (const m of this.members.values()) m.cancelSessionTimer();
  }
}
