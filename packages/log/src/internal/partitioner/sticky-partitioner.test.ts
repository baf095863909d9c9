import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StickyPartitioner } from './sticky-partitioner.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

describe('StickyPartitioner', () => {
  it('sticks to one partition until a new batch, then moves to a different one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (n, randoms) => {
          let i = 0;
          const sticky = new StickyPartitioner(() => randoms[i++ % randoms.length]!);
          let p = sticky.partition('t', n);
          for (let step = 0; step < 20; step++) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThan(n);
            expect(sticky.partition('t', n)).toBe(p);
            const next = sticky.onNewBatch('t', n, p);
            expect(next).not.toBe(p);
            expect(sticky.partition('t', n)).toBe(next);
            p = next;
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it('ignores a stale onNewBatch and keeps topics independent', () => {
    const seq = [0.1, 0.9, 0.5];
    let i = 0;
    const sticky = new StickyPartitioner(() => seq[i++]!);
    const a = sticky.partition('a', 10);
    const b = sticky.partition('b', 10);
    expect(a).toBe(1);
    expect(b).toBe(9);
    expect(sticky.onNewBatch('a', 10, 7)).toBe(1);
    expect(sticky.partition('b', 10)).toBe(9);
  });

  it('spreads over every partition over many batches', () => {
    const sticky = new StickyPartitioner();
    const seen = new Set<number>();
    let p = sticky.partition('t', 4);
    for (let k = 0; k < 200; k++) {
      seen.add(p);
      p = sticky.onNewBatch('t', 4, p);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('always answers 0 for one partition and re-picks when partitions shrink', () => {
    const sticky = new StickyPartitioner(() => 0.99);
    expect(sticky.partition('t', 1)).toBe(0);
    expect(sticky.onNewBatch('t', 1, 0)).toBe(0);
    expect(sticky.partition('u', 8)).toBe(7);
    expect(sticky.partition('u', 3)).toBe(2);
  });
});
