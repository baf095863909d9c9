/**
 * A group member as the coordinator tracks it: identity, timeouts, supported protocols, its
 * assignment, and the JoinGroup / SyncGroup responses it is waiting for.
 */
import type { TimerHandle } from '../clock/clock.js';
import type { GroupProtocol, JoinGroupResult, SyncGroupResult } from './group-types.js';

export class Member {
  assignment: Buffer = EMPTY;
  /** Set while the member's JoinGroup waits for the join phase to end. */
  joinWaiter: ((r: JoinGroupResult) => void) | null = null;
  /** Set while the member's SyncGroup waits for the leader's assignment. */
  syncWaiter: ((r: SyncGroupResult) => void) | null = null;
  /** A member not yet through its first join: held to the new-member join timeout, not the session. */
  isNew = false;
  sessionTimer: TimerHandle | null = null;

  constructor(
    public memberId: string,
    readonly groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public rebalanceTimeoutMs: number,
    public sessionTimeoutMs: number,
    public protocolType: string,
    public protocols: readonly GroupProtocol[],
  ) {}

  get isStatic(): boolean {
    return this.groupInstanceId !== null;
  }

  get isAwaitingJoin(): boolean {
    return this.joinWaiter !== null;
  }

  get isAwaitingSync(): boolean {
    return this.syncWaiter !== null;
  }

  /** The member's metadata for `protocol`. */
  metadata(protocol: string): Buffer {
    for (const p of this.protocols) if (p.name === protocol) return p.metadata;
    return EMPTY;
  }

  /** Same protocols, in the same order, with the same metadata bytes. */
  matches(protocols: readonly GroupProtocol[]): boolean {
    if (protocols.length !== this.protocols.length) return false;
    for (let i = 0; i < protocols.length; i++) {
      const a = protocols[i]!;
      const b = this.protocols[i]!;
      if (a.name !== b.name || !a.metadata.equals(b.metadata)) return false;
    }
    return true;
  }

  /** Kafka's vote: the member's most preferred protocol among `candidates`. */
  vote(candidates: ReadonlySet<string>): string | undefined {
    for (const p of this.protocols) if (candidates.has(p.name)) return p.name;
    return undefined;
  }

  /** Answer a waiting JoinGroup; a no-op when none waits. */
  completeJoin(result: JoinGroupResult): void {
    const waiter = this.joinWaiter;
    this.joinWaiter = null;
    waiter?.(result);
  }

  /** Answer a waiting SyncGroup; a no-op when none waits. */
  completeSync(result: SyncGroupResult): void {
    const waiter = this.syncWaiter;
    this.syncWaiter = null;
    waiter?.(result);
  }

  cancelSessionTimer(): void {
    this.sessionTimer?.cancel();
    this.sessionTimer = null;
  }
}

export const EMPTY: Buffer = Buffer.alloc(0);
