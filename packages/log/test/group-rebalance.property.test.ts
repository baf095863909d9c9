/**
 * Property: for arbitrary sequences of members joining, leaving, crashing (no more heartbeats),
 * stalling (heartbeats continue but the member never rejoins: a stuck poll loop), bouncing (a
 * static member restarting) and time passing, every time the group is Stable each of the
 * subscribed partitions is owned by exactly one member, the round-robin assignment is balanced
 * (max - min <= 1), and members hold what the coordinator says they hold. After a quiet period,
 * crashed members are gone and every live member is in the group.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERR } from '../src/internal/group/error-codes.js';
import type { GroupCoordinator } from '../src/internal/group/group-coordinator.js';
import type { JoinGroupResult, SyncGroupResult } from '../src/internal/group/group-types.js';
import {
  joinReq,
  openFixture,
  settle,
  track,
  type Fixture,
  type Tracked,
} from '../src/internal/group/test-helpers.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const PARTITIONS = 7;
const TICK = 100;
const SESSION = 1_000;
const REBALANCE = 3_000;

type Mode = 'alive' | 'crashed' | 'stalled' | 'left';

interface Client {
  readonly name: string;
  readonly instanceId: string | null;
  readonly requireKnownMemberId: boolean;
  mode: Mode;
  memberId: string;
  generation: number;
  join: Tracked<JoinGroupResult> | null;
  sync: Tracked<SyncGroupResult> | null;
  /** Partitions from the last successful SyncGroup, or null while not in a generation. */
  owned: number[] | null;
}

type Command =
  | { kind: 'start'; static: boolean; requireKnownMemberId: boolean }
  | { kind: 'leave' | 'crash' | 'stall' | 'resume' | 'bounce'; client: number }
  | { kind: 'wait'; ticks: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('start' as const),
      static: fc.boolean(),
      requireKnownMemberId: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 40 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'leave' as const,
        'crash' as const,
        'stall' as const,
        'resume' as const,
        'bounce' as const,
      ),
      client: fc.nat(),
    }),
  },
);

function roundRobin(memberIds: readonly string[]): Map<string, number[]> {
  const sorted = [...memberIds].sort();
  const out = new Map<string, number[]>(sorted.map((id) => [id, []]));
  for (let p = 0; p < PARTITIONS; p++) out.get(sorted[p % sorted.length]!)!.push(p);
  return out;
}

class Simulation {
  readonly clients: Client[] = [];
  /** Generations each member id was admitted to by a successful JoinGroup response. */
  private readonly joined = new Map<string, Set<number>>();
  private seq = 0;

  constructor(
    private readonly f: Fixture,
    private readonly groupId: string,
  ) {}

  groupIdForReport(): string {
    return this.groupId;
  }

  private get c(): GroupCoordinator {
    return this.f.coordinator;
  }

  start(isStatic: boolean, requireKnownMemberId: boolean): void {
    const name = `c${this.seq++}`;
    const client: Client = {
      name,
      instanceId: isStatic ? `i-${name}` : null,
      requireKnownMemberId,
      mode: 'alive',
      memberId: '',
      generation: -1,
      join: null,
      sync: null,
      owned: null,
    };
    this.clients.push(client);
    this.rejoin(client);
  }

  pick(i: number): Client | undefined {
    const live = this.clients.filter((c) => c.mode !== 'left' && c.mode !== 'crashed');
    return live.length === 0 ? undefined : live[i % live.length];
  }

  async leave(client: Client): Promise<void> {
    client.mode = 'left';
    if (client.memberId !== '') {
      await this.c.leaveGroup({
        groupId: this.groupId,
        members: [{ memberId: client.memberId, groupInstanceId: client.instanceId }],
      });
    }
  }

  /** A static member's process restarts: it forgets its member id and joins under its instance id. */
  bounce(client: Client): void {
    if (client.instanceId === null) return;
    client.mode = 'alive';
    client.memberId = '';
    client.owned = null;
    client.sync = null;
    this.rejoin(client);
  }

  private rejoin(client: Client, reset = false): void {
    if (reset) client.memberId = '';
    client.owned = null;
    client.sync = null;
    const promise = this.c.joinGroup(
      joinReq(this.groupId, {
        memberId: client.memberId,
        groupInstanceId: client.instanceId,
        clientId: client.name,
        sessionTimeoutMs: SESSION,
        rebalanceTimeoutMs: REBALANCE,
        requireKnownMemberId: client.requireKnownMemberId,
      }),
    );
    // Recorded even if the client (stalled, crashed) never reads the answer: the coordinator admitted it.
    void promise.then((r) => {
      if (r.errorCode !== ERR.NONE) return;
      let gens = this.joined.get(r.memberId);
      if (gens === undefined) this.joined.set(r.memberId, (gens = new Set()));
      gens.add(r.generationId);
    });
    client.join = track(promise);
  }

  /** One heartbeat interval of every client's poll loop. */
  async step(): Promise<void> {
    for (const client of this.clients) {
      if (client.mode === 'alive') await this.act(client);
      else if (client.mode === 'stalled' && client.memberId !== '' && client.join === null) {
        // The heartbeat thread runs on; the poll loop that would rejoin does not.
        await this.c.heartbeat({
          groupId: this.groupId,
          generationId: client.generation,
          memberId: client.memberId,
          groupInstanceId: client.instanceId,
        });
      }
    }
  }

  private async act(client: Client): Promise<void> {
    if (client.join !== null) {
      if (!client.join.done) return;
      const r = client.join.value!;
      client.join = null;
      if (r.errorCode === ERR.MEMBER_ID_REQUIRED) {
        client.memberId = r.memberId;
        return this.rejoin(client);
      }
      if (r.errorCode !== ERR.NONE) return this.rejoin(client, r.errorCode === ERR.UNKNOWN_MEMBER_ID);
      client.memberId = r.memberId;
      client.generation = r.generationId;
      const assignments =
        r.leader === r.memberId
          ? [...roundRobin(r.members.map((m) => m.memberId))].map(([memberId, ps]) => ({
              memberId,
              assignment: Buffer.from(JSON.stringify(ps)),
            }))
          : [];
      client.sync = track(
        this.c.syncGroup({
          groupId: this.groupId,
          generationId: r.generationId,
          memberId: r.memberId,
          groupInstanceId: client.instanceId,
          assignments,
        }),
      );
      return;
    }
    if (client.sync !== null && client.sync.done) {
      const s = client.sync.value!;
      client.sync = null;
      if (s.errorCode !== ERR.NONE) return this.rejoin(client, s.errorCode === ERR.UNKNOWN_MEMBER_ID);
      client.owned = JSON.parse(s.assignment.toString() || '[]') as number[];
    }
    const hb = await this.c.heartbeat({
      groupId: this.groupId,
      generationId: client.generation,
      memberId: client.memberId,
      groupInstanceId: client.instanceId,
    });
    if (hb.errorCode === ERR.FENCED_INSTANCE_ID) client.mode = 'left';
    else if (hb.errorCode !== ERR.NONE) this.rejoin(client, hb.errorCode === ERR.UNKNOWN_MEMBER_ID);
  }

  async tick(): Promise<void> {
    this.f.clock.advance(TICK);
    await settle(this.c);
    await this.step();
    await settle(this.c);
    await this.check();
  }

  /** The law, checked whenever the group is Stable. */
  async check(): Promise<void> {
    const [d] = await this.c.describeGroups([this.groupId]);
    if (d!.groupState !== 'Stable') return;
    const owners = new Map<number, string>();
    const counts: number[] = [];
    for (const m of d!.members) {
      const ps = JSON.parse(m.memberAssignment.toString() || '[]') as number[];
      counts.push(ps.length);
      for (const p of ps) {
        expect(owners.has(p), `partition ${p} owned twice`).toBe(false);
        owners.set(p, m.memberId);
      }
    }
    // Everyone in a Stable group was admitted to one common generation by its JoinGroup: a member
    // that did not rejoin (crashed, stalled past the rebalance timeout) is never carried over.
    const sets = d!.members.map((m) => this.joined.get(m.memberId) ?? new Set<number>());
    const common = [...sets[0]!].filter((g) => sets.every((s) => s.has(g)));
    expect(common.length, 'members of a Stable group share a generation').toBeGreaterThan(0);
    expect([...owners.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: PARTITIONS }, (_, i) => i));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // A live client that finished SyncGroup in the current membership holds exactly what the coordinator records.
    for (const client of this.clients) {
      if (client.mode !== 'alive' || client.owned === null || client.join !== null) continue;
      const m = d!.members.find((x) => x.memberId === client.memberId);
      if (m === undefined) continue;
      expect(client.owned).toEqual(JSON.parse(m.memberAssignment.toString() || '[]'));
    }
  }
}

let fixtures: Fixture[] = [];
beforeAll(async () => {
  fixtures = [await openFixture(), await openFixture({ 'group.initial.rebalance.delay.ms': 300 })];
});
afterAll(async () => {
  for (const f of fixtures) await f.dispose();
});

describe('group rebalance property', () => {
  let run = 0;
  it('every Stable generation owns each partition exactly once, balanced; live members converge', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        fc.array(command, { minLength: 1, maxLength: 20 }),
        async (which, commands) => {
          const f = fixtures[which]!;
          const sim = new Simulation(f, `prop-${run++}`);
          for (const cmd of commands) {
            if (cmd.kind === 'start') sim.start(cmd.static, cmd.requireKnownMemberId);
            else if (cmd.kind === 'wait') for (let i = 0; i < cmd.ticks; i++) await sim.tick();
            else {
              const client = sim.pick(cmd.client);
              if (client === undefined) continue;
              if (cmd.kind === 'leave') await sim.leave(client);
              else if (cmd.kind === 'crash') client.mode = 'crashed';
              else if (cmd.kind === 'stall') client.mode = 'stalled';
              else if (cmd.kind === 'resume') client.mode = client.mode === 'stalled' ? 'alive' : client.mode;
              else sim.bounce(client);
            }
            await sim.tick();
          }
          // Quiet period: long enough for session and rebalance timeouts to play out twice.
          for (const c of sim.clients) if (c.mode === 'stalled') c.mode = 'alive';
          for (let i = 0; i < (2 * (SESSION + 2 * REBALANCE)) / TICK; i++) await sim.tick();
          const [d] = await f.coordinator.describeGroups([sim.groupIdForReport()]);
          const live = sim.clients.filter((c) => c.mode === 'alive');
          const inGroup = new Set(d!.members.map((m) => m.memberId));
          if (live.length > 0) {
            expect(d!.groupState).toBe('Stable');
            expect(new Set(live.map((c) => c.memberId))).toEqual(inGroup);
          } else {
            expect(inGroup.size).toBe(0);
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
