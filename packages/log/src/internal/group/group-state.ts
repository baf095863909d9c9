/**
 * Kafka's classic group state machine: which state may follow which.
 *
 *   Empty -> PreparingRebalance -> CompletingRebalance -> Stable -> PreparingRebalance ...
 *   PreparingRebalance -> Empty (everyone left), any -> Dead (deleted, or expired when empty).
 */
import type { GroupStateName } from './group-types.js';

const VALID_PREVIOUS: { readonly [S in GroupStateName]: readonly GroupStateName[] } = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

/** True if a group in `from` may move to `to`. */
export function canTransition(from: GroupStateName, to: GroupStateName): boolean {
  return VALID_PREVIOUS[to].includes(from);
}
