import { describe, expect, it } from 'vitest';
import { member, names, tp } from '../../test/helpers/members.js';
import { addedPartitions, revokedPartitions, validateCooperativeAssignment } from './cooperative-rules.js';
import { rangeAssignor } from './range.js';
import { resolveAssignors } from './registry.js';

describe('cooperative rule', () => {
  it('computes added and revoked partitions', () => {
    const before = [tp('t', 0), tp('t', 1)];
    const after = [tp('t', 1), tp('t', 2)];
    expect(names(addedPartitions(before, after))).toBe('t-2');
    expect(names(revokedPartitions(before, after))).toBe('t-0');
  });

  it('rejects an assignment that moves a partition in one step, and accepts the two-step form', () => {
    const members = [member('a', ['t'], { owned: [tp('t', 0), tp('t', 1)] }), member('b', ['t'])];
    const oneStep = new Map([
      ['a', { partitions: [tp('t', 0)], userData: null }],
      ['b', { partitions: [tp('t', 1)], userData: null }],
    ]);
    expect(() => validateCooperativeAssignment(members, oneStep)).toThrow(
      expect.objectContaining({ code: 'INVALID_ASSIGNMENT', resource: 't-1' }),
    );
    const revokeFirst = new Map([
      ['a', { partitions: [tp('t', 0)], userData: null }],
      ['b', { partitions: [], userData: null }],
    ]);
    expect(() => validateCooperativeAssignment(members, revokeFirst)).not.toThrow();
  });

  it('refuses two assignors with one name', () => {
    expect(() => resolveAssignors(['range', { ...rangeAssignor }])).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });
});
