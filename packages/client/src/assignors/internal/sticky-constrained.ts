/**
 * The sticky algorithm when every member subscribes to the same topics (Kafka's
 * AbstractStickyAssignor.constrainedAssign, KAFKA-9987): quotas are known up front, so members
 * keep owned partitions up to their quota and the rest are dealt out in one pass.
 */
import type { StickyInput } from './sticky-input.js';

/**
 * @returns per member (in `input.members` order) the indexes of its partitions. The result is
 *   balanced: sizes differ by at most one; and sticky: a member keeps min(owned, quota) of the
 *   partitions it validly owned.
 */
export function constrainedAssign(input: StickyInput): number[][] {
  const n = input.members.length;
  const total = input.partitions.length;
  const assignment: number[][] = input.members.map(() => []);
  if (n === 0) return assignment;
  const minQuota = Math.floor(total / n);
  const maxQuota = Math.ceil(total / n);
  const expectedOver = total % n;
  let currentOver = 0;
  const assigned = new Uint8Array(total);
  let under: number[] = [];
  let exact: number[] = [];

  for (let mi = 0; mi < n; mi++) {
    const owned = input.owned[mi]!;
    let keep: number;
    if (owned.length <= minQuota) {
      keep = owned.length;
      if (owned.length < minQuota) under.push(mi);
      else if (currentOver < expectedOver) exact.push(mi);
    } else if (currentOver < expectedOver) {
      // A member that owns more than the minimum keeps one extra while extra slots remain.
      keep = maxQuota;
      currentOver++;
      if (currentOver === expectedOver) exact = [];
    } else {
      keep = minQuota;
    }
    for (let i = 0; i < keep; i++) {
      assignment[mi]!.push(owned[i]!);
      assigned[owned[i]!] = 1;
    }
  }

  // Members are already in member-id order, so `under` and `exact` are sorted as Kafka sorts them.
  let cursor = 0;
  for (let p = 0; p < total; p++) {
    if (assigned[p] === 1) continue;
    let mi: number;
    const fromUnder = under.length > 0;
    if (fromUnder) {
      if (cursor >= under.length) cursor = 0;
      mi = under[cursor]!;
    } else {
      const next = exact.shift();
      // The quotas account for every partition, so running out of members is a bug, not input.
      if (next === undefined) throw new Error(`constrainedAssign: no member left for partition ${p}`);
      mi = next;
    }
    assignment[mi]!.push(p);
    const count = assignment[mi]!.length;
    if (fromUnder) {
      if (count === minQuota) {
        under = under.filter((x) => x !== mi);
        exact.push(mi);
      } else {
        cursor++;
      }
    }
    if (count === maxQuota && maxQuota > minQuota) currentOver++;
  }
  return assignment;
}
