import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComplete, member, names, runs, scenarioArb, sizes, tp } from '../../test/helpers/members.js';
import type { TopicPartition } from '../api/common.js';
import { validateCooperativeAssignment } from './cooperative-rules.js';
import {
  cooperativeStickyAssign,
  cooperativeStickyAssignor,
  cooperativeStickyGeneration,
  stickyAssign,
} from './cooperative-sticky.js';
import type { Assignment, AssignmentInput, GroupMember } from './types.js';

const key = (p: TopicPartition): string => `${p.topic}-${p.partition}`;

/** The follow-up rebalance: every member now owns what it was assigned, one generation later. */
function nextRound(
  input: AssignmentInput,
  result: ReadonlyMap<string, Assignment>,
  generation: number,
): AssignmentInput {
  return {
    ...input,
    members: input.members.map((m) => ({
      ...m,
      ownedPartitions: result.get(m.memberId)!.partitions,
      generationId: generation,
    })),
  };
}

/** The most owned partitions a balanced assignment (sizes minQ or minQ+1) can keep, all subscriptions equal. */
function maxKeepable(input: AssignmentInput): number {
  const total = [...input.partitionsPerTopic.values()].reduce((a, b) => a + b, 0);
  const n = input.members.length;
  const minQ = Math.floor(total / n);
  const extra = total % n;
  const owned = input.members.map((m) => m.ownedPartitions.length);
  return (
    owned.reduce((a, o) => a + Math.min(o, minQ), 0) + Math.min(extra, owned.filter((o) => o > minQ).length)
  );
}

function kept(
  input: AssignmentInput,
  result: ReadonlyMap<string, { readonly partitions: readonly TopicPartition[] }>,
): number {
  let n = 0;
  for (const m of input.members) {
    const mine = new Set(result.get(m.memberId)!.partitions.map(key));
    n += m.ownedPartitions.filter((p) => mine.has(key(p))).length;
  }
  return n;
}

describe('cooperative-sticky assignor', () => {
  it('is named as in Kafka, prefers cooperative and puts the generation in userData', () => {
    expect(cooperativeStickyAssignor.name).toBe('cooperative-sticky');
    expect(cooperativeStickyAssignor.supportedProtocols).toEqual(['cooperative', 'eager']);
    const data = cooperativeStickyAssignor.subscriptionUserData(['t'], {
      generationId: 9,
      ownedPartitions: [],
    });
    expect(data?.toString('hex')).toBe('00000009');
    expect(cooperativeStickyGeneration(member('a', ['t'], { userData: data }))).toBe(9);
    expect(cooperativeStickyGeneration(member('a', ['t'], { userData: data, generationId: 11 }))).toBe(11);
  });

  it('holds a moving partition back until its owner has revoked it, then assigns it', () => {
    const parts = new Map([['t', 3]]);
    const first = cooperativeStickyAssign({
      members: [
        member('a', ['t'], { owned: [tp('t', 0), tp('t', 1), tp('t', 2)], generationId: 1 }),
        member('b', ['t']),
      ],
      partitionsPerTopic: parts,
    });
    // b would get t-2 (balance), but a still owns it: a keeps two, b gets nothing yet.
    expect(names(first.get('a')?.partitions)).toBe('t-0 t-1');
    expect(names(first.get('b')?.partitions)).toBe('');
    const second = cooperativeStickyAssign({
      members: [
        member('a', ['t'], { owned: [tp('t', 0), tp('t', 1)], generationId: 2 }),
        member('b', ['t'], { generationId: 2 }),
      ],
      partitionsPerTopic: parts,
    });
    expect(names(second.get('a')?.partitions)).toBe('t-0 t-1');
    expect(names(second.get('b')?.partitions)).toBe('t-2');
  });

  it('ignores claims from an older generation', () => {
    const r = stickyAssign({
      members: [
        member('a', ['t'], { owned: [tp('t', 0)], generationId: 3 }),
        member('b', ['t'], { owned: [tp('t', 1)], generationId: 4 }),
      ],
      partitionsPerTopic: new Map([['t', 2]]),
    });
    expect(names(r.get('b'))).toBe('t-1');
    // a's claim on t-0 is stale but nobody current claims t-0, so balance gives it to a anyway.
    expect(names(r.get('a'))).toBe('t-0');
    const r2 = stickyAssign({
      members: [
        member('a', ['t'], { owned: [tp('t', 0), tp('t', 1)], generationId: 3 }),
        member('b', ['t'], { owned: [tp('t', 0), tp('t', 1)], generationId: 4 }),
        member('c', ['t']),
      ],
      partitionsPerTopic: new Map([['t', 3]]),
    });
    expect(names(r2.get('b'))).toBe('t-0');
  });

  it('keeps no claim to a partition two current members both claim', () => {
    const input = {
      members: [
        member('a', ['t'], { owned: [tp('t', 0)], generationId: 2 }),
        member('b', ['t'], { owned: [tp('t', 0)], generationId: 2 }),
      ],
      partitionsPerTopic: new Map([['t', 2]]),
    };
    const r = cooperativeStickyAssign(input);
    // Whoever the sticky step picks for t-0, the other still thinks it owns it: held back.
    expect([...r.values()].flatMap((a) => a.partitions.map(key))).not.toContain('t-0');
    expect(() => validateCooperativeAssignment(input.members, r)).not.toThrow();
  });

  describe('laws', () => {
    for (const uniform of [true, false]) {
      const label = uniform ? 'uniform subscriptions' : 'mixed subscriptions';

      it(`without the cooperative adjustment assigns every subscribed partition exactly once (${label})`, () => {
        fc.assert(
          fc.property(scenarioArb({ uniform }), ({ input }) => {
            const lists = stickyAssign(input);
            const asAssignments = new Map(
              [...lists].map(([id, partitions]) => [id, { partitions, userData: null }]),
            );
            expect(checkComplete(input, asAssignments)).toBeNull();
          }),
          { numRuns: runs },
        );
      });

      it(`never adds a partition its previous owner still owns (${label})`, () => {
        fc.assert(
          fc.property(scenarioArb({ uniform }), ({ input }) => {
            const r = cooperativeStickyAssign(input);
            const owners = new Map<string, string[]>();
            for (const m of input.members)
              for (const p of m.ownedPartitions)
                owners.set(key(p), [...(owners.get(key(p)) ?? []), m.memberId]);
            for (const m of input.members) {
              const had = new Set(m.ownedPartitions.map(key));
              for (const p of r.get(m.memberId)!.partitions) {
                if (had.has(key(p))) continue;
                expect(owners.get(key(p)) ?? [], `${key(p)} added to ${m.memberId}`).toEqual([]);
              }
            }
            expect(() => validateCooperativeAssignment(input.members, r)).not.toThrow();
          }),
          { numRuns: runs },
        );
      });
    }

    it('is balanced (max - min <= 1) and keeps as many owned partitions as balance allows (uniform)', () => {
      fc.assert(
        fc.property(scenarioArb({ uniform: true }), ({ input }) => {
          const lists = stickyAssign(input);
          const s = [...lists.values()].map((l) => l.length);
          expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
          expect(kept(input, new Map([...lists].map(([id, partitions]) => [id, { partitions }])))).toBe(
            maxKeepable(input),
          );
        }),
        { numRuns: runs },
      );
    });

    it('completes in the follow-up rebalance, balanced, with nothing revoked twice (uniform)', () => {
      fc.assert(
        fc.property(scenarioArb({ uniform: true }), ({ input }) => {
          const first = cooperativeStickyAssign(input);
          const follow = nextRound(input, first, 6);
          const second = cooperativeStickyAssign(follow);
          expect(checkComplete(follow, second)).toBeNull();
          const s = sizes(second);
          expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
          for (const m of follow.members) {
            const mine = new Set(second.get(m.memberId)!.partitions.map(key));
            for (const p of m.ownedPartitions)
              expect(mine.has(key(p)), `${key(p)} revoked from ${m.memberId} again`).toBe(true);
          }
        }),
        { numRuns: runs },
      );
    });

    it('converges to a complete, locally balanced assignment within a few rebalances (mixed)', () => {
      fc.assert(
        fc.property(scenarioArb({ uniform: false }), ({ input }) => {
          let current: AssignmentInput = input;
          let result = cooperativeStickyAssign(current);
          for (let round = 0; round < 4 && checkComplete(current, result) !== null; round++) {
            current = nextRound(current, result, 6 + round);
            result = cooperativeStickyAssign(current);
          }
          expect(checkComplete(current, result)).toBeNull();
          // Kafka's isBalanced: no member could take a partition from one with 2+ more.
          const count = new Map([...result].map(([id, a]) => [id, a.partitions.length]));
          for (const from of current.members) {
            for (const p of result.get(from.memberId)!.partitions) {
              for (const to of current.members) {
                if (to.topics.includes(p.topic))
                  expect(count.get(to.memberId)!).toBeGreaterThanOrEqual(count.get(from.memberId)! - 1);
              }
            }
          }
        }),
        { numRuns: runs },
      );
    });

    it('does not depend on the order members are listed in', () => {
      fc.assert(
        fc.property(scenarioArb({ uniform: false }), ({ input }) => {
          const reversed: AssignmentInput = {
            ...input,
            members: [...input.members].reverse() as GroupMember[],
          };
          expect(cooperativeStickyAssign(reversed)).toEqual(cooperativeStickyAssign(input));
        }),
        { numRuns: runs },
      );
    });
  });
});
