import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaStringHashCode, partitionForGroup } from './offsets-partition.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

/** Java's String.hashCode by its definition, in BigInt: sum s[i]*31^(n-1-i), as a signed 32-bit int. */
function referenceHash(s: string): number {
  let h = 0n;
  for (let i = 0; i < s.length; i++) h = h * 31n + BigInt(s.charCodeAt(i));
  return Number(BigInt.asIntN(32, h));
}

describe('__consumer_offsets partition of a group', () => {
  it("matches Java's String.hashCode", () => {
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(javaStringHashCode(s)).toBe(referenceHash(s));
      }),
      { numRuns: runs },
    );
  });

  it("uses Kafka's Utils.abs (MIN_VALUE -> 0) modulo the partition count", () => {
    expect(partitionForGroup('polygenelubricants', 50)).toBe(0);
    expect(partitionForGroup('hello', 50)).toBe(99162322 % 50);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 200 }), (s, n) => {
        const p = partitionForGroup(s, n);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
        expect(p).toBe(Math.abs(referenceHash(s)) % n);
      }),
      { numRuns: runs },
    );
  });
});
