import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComplete, member, names, runs, scenarioArb, sizes } from '../../test/helpers/members.js';
import { roundRobinAssign, roundRobinAssignor } from './round-robin.js';

describe('round-robin assignor', () => {
  it('is named as in Kafka and eager only', () => {
    expect(roundRobinAssignor.name).toBe('roundrobin');
    expect(roundRobinAssignor.supportedProtocols).toEqual(['eager']);
  });

  it('deals sorted partitions in turn (Kafka docs: two consumers, two topics of three)', () => {
    const r = roundRobinAssign({
      members: [member('C1', ['t1', 't0']), member('C0', ['t0', 't1'])],
      partitionsPerTopic: new Map([
        ['t0', 3],
        ['t1', 3],
      ]),
    });
    expect(names(r.get('C0')?.partitions)).toBe('t0-0 t0-2 t1-1');
    expect(names(r.get('C1')?.partitions)).toBe('t0-1 t1-0 t1-2');
  });

  it('skips members not subscribed to the topic (Kafka docs: unequal subscriptions)', () => {
    const r = roundRobinAssign({
      members: [member('C0', ['t0']), member('C1', ['t0', 't1']), member('C2', ['t0', 't1', 't2'])],
      partitionsPerTopic: new Map([
        ['t0', 1],
        ['t1', 2],
        ['t2', 3],
      ]),
    });
    expect(names(r.get('C0')?.partitions)).toBe('t0-0');
    expect(names(r.get('C1')?.partitions)).toBe('t1-0');
    expect(names(r.get('C2')?.partitions)).toBe('t1-1 t2-0 t2-1 t2-2');
  });

  it('assigns every subscribed partition exactly once, to a subscriber', () => {
    fc.assert(
      fc.property(scenarioArb({ uniform: false, owned: false }), ({ input }) => {
        expect(checkComplete(input, roundRobinAssign(input))).toBeNull();
      }),
      { numRuns: runs },
    );
  });

  it('is balanced (max - min <= 1) when subscriptions are uniform', () => {
    fc.assert(
      fc.property(scenarioArb({ uniform: true, owned: false }), ({ input }) => {
        const s = sizes(roundRobinAssign(input));
        expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs },
    );
  });
});
