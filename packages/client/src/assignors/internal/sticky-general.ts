/**
 * The sticky algorithm for members with different subscriptions (the role of Kafka's
 * AbstractStickyAssignor.generalAssign): keep every valid owned partition, give unowned
 * partitions to the least loaded eligible member (most constrained partitions first), then move
 * partitions from fuller to emptier eligible members until no single move improves balance.
 */
import type { StickyInput } from './sticky-input.js';

/**
 * @returns per member (in `input.members` order) the indexes of its partitions. On return no
 *   member holds a partition that an eligible member with at least two fewer partitions could
 *   take (Kafka's isBalanced condition).
 */
export function generalAssign(input: StickyInput): number[][] {
  const { members, partitions, subscribed } = input;
  const n = members.length;
  const assignment: number[][] = members.map(() => []);
  const owner = new Int32Array(partitions.length).fill(-1);
  const previous = new Int32Array(partitions.length).fill(-1);
  for (let mi = 0; mi < n; mi++) {
    for (const p of input.owned[mi]!) {
      assignment[mi]!.push(p);
      owner[p] = mi;
      previous[p] = mi;
    }
  }

  const eligible: number[][] = partitions.map((tp) => {
    const list: number[] = [];
    for (let mi = 0; mi < n; mi++) if (subscribed[mi]!.has(tp.topic)) list.push(mi);
    return list;
  });

  // Most constrained partitions first, so that flexible ones fill the gaps they leave.
  const unowned: number[] = [];
  for (let p = 0; p < partitions.length; p++) if (owner[p] === -1 && eligible[p]!.length > 0) unowned.push(p);
  unowned.sort((a, b) => eligible[a]!.length - eligible[b]!.length || a - b);
  for (const p of unowned) {
    const mi = leastLoaded(eligible[p]!, assignment, -1);
    assignment[mi]!.push(p);
    owner[p] = mi;
  }

  // Every move lowers the sum of squared sizes by at least 2, so this terminates.
  for (let moved = true; moved;) {
    moved = false;
    const order = [...Array(n).keys()].sort((a, b) => assignment[b]!.length - assignment[a]!.length || a - b);
    for (const from of order) {
      // Partitions this member did not own before move first: they cost no stickiness.
      const candidates = [...assignment[from]!].sort(
        (a, b) => Number(previous[a] === from) - Number(previous[b] === from) || a - b,
      );
      for (const p of candidates) {
        const to = leastLoaded(eligible[p]!, assignment, from);
        if (to < 0 || assignment[to]!.length >= assignment[from]!.length - 1) continue;
        const list = assignment[from]!;
        list.splice(list.indexOf(p), 1);
        assignment[to]!.push(p);
        owner[p] = to;
        moved = true;
      }
    }
  }
  return assignment;
}

/** The eligible member with the fewest partitions (lowest index on ties), other than `except`; -1 if none. */
function leastLoaded(eligible: readonly number[], assignment: readonly number[][], except: number): number {
  let best = -1;
  for (const mi of eligible) {
    if (mi === except) continue;
    if (best < 0 || assignment[mi]!.length < assignment[best]!.length) best = mi;
  }
  return best;
}
