import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComplete, member, names, runs, scenarioArb } from '../../test/helpers/members.js';
import { compareMembers } from './internal/members.js';
import { rangeAssign, rangeAssignor } from './range.js';

describe('range assignor', () => {
  it('is named as in Kafka and eager only', () => {
    expect(rangeAssignor.name).toBe('range');
    expect(rangeAssignor.supportedProtocols).toEqual(['eager']);
  });

  it('gives the first members one extra partition (Kafka RangeAssignorTest: two consumers, three partitions)', () => {
    const r = rangeAssign({
      members: [member('consumer2', ['t']), member('consumer1', ['t'])],
      partitionsPerTopic: new Map([['t', 3]]),
    });
    expect(names(r.get('consumer1')?.partitions)).toBe('t-0 t-1');
    expect(names(r.get('consumer2')?.partitions)).toBe('t-2');
  });

  it('ranges each topic over its own subscribers (Kafka RangeAssignorTest: mixed topics)', () => {
    const r = rangeAssign({
      members: [
        member('consumer1', ['topic1']),
        member('consumer2', ['topic1', 'topic2']),
        member('consumer3', ['topic1']),
      ],
      partitionsPerTopic: new Map([
        ['topic1', 3],
        ['topic2', 2],
      ]),
    });
    expect(names(r.get('consumer1')?.partitions)).toBe('topic1-0');
    expect(names(r.get('consumer2')?.partitions)).toBe('topic1-1 topic2-0 topic2-1');
    expect(names(r.get('consumer3')?.partitions)).toBe('topic1-2');
  });

  it('orders static members first, by group.instance.id', () => {
    const r = rangeAssign({
      members: [
        member('a', ['t']),
        member('z', ['t'], { groupInstanceId: 'i2' }),
        member('y', ['t'], { groupInstanceId: 'i1' }),
      ],
      partitionsPerTopic: new Map([['t', 4]]),
    });
    expect(names(r.get('y')?.partitions)).toBe('t-0 t-1');
    expect(names(r.get('z')?.partitions)).toBe('t-2');
    expect(names(r.get('a')?.partitions)).toBe('t-3');
  });

  it('skips topics that do not exist and gives members with nothing an empty entry', () => {
    const r = rangeAssign({
      members: [member('a', ['missing']), member('b', ['t'])],
      partitionsPerTopic: new Map([['t', 1]]),
    });
    expect(names(r.get('a')?.partitions)).toBe('');
    expect(names(r.get('b')?.partitions)).toBe('t-0');
  });

  it('rejects duplicate member ids', () => {
    expect(() =>
      rangeAssign({
        members: [member('a', ['t']), member('a', ['t'])],
        partitionsPerTopic: new Map([['t', 1]]),
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ASSIGNMENT' }));
  });

  it("matches Kafka's range: per topic, sorted subscribers get consecutive ranges, larger ranges first", () => {
    fc.assert(
      fc.property(scenarioArb({ uniform: false, owned: false }), ({ input }) => {
        const r = rangeAssign(input);
        expect(checkComplete(input, r)).toBeNull();
        for (const [topic, count] of input.partitionsPerTopic) {
          const subs = input.members.filter((m) => m.topics.includes(topic)).sort(compareMembers);
          let next = 0;
          subs.forEach((m, i) => {
            const mine = r
              .get(m.memberId)!
              .partitions.filter((p) => p.topic === topic)
              .map((p) => p.partition);
            const expected = Math.floor(count / subs.length) + (i < count % subs.length ? 1 : 0);
            expect(mine).toEqual(Array.from({ length: expected }, (_, k) => next + k));
            next += expected;
          });
        }
      }),
      { numRuns: runs },
    );
  });

  it('does not depend on the order members are listed in', () => {
    fc.assert(
      fc.property(scenarioArb({ uniform: false, owned: false }), ({ input }) => {
        const reversed = { ...input, members: [...input.members].reverse() };
        expect(rangeAssign(reversed)).toEqual(rangeAssign(input));
      }),
      { numRuns: runs },
    );
  });
});
