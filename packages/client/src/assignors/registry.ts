/**
 * The built-in assignors by Kafka protocol name, and the choice of rebalance protocol for a
 * list of assignors (Kafka's ConsumerCoordinator rule).
 */
import { ClientError } from '../errors.js';
import { cooperativeStickyAssignor } from './cooperative-sticky.js';
import { rangeAssignor } from './range.js';
import { roundRobinAssignor } from './round-robin.js';
import type { PartitionAssignor, RebalanceProtocol } from './types.js';

/** Kafka protocol names of the built-in assignors. */
export type BuiltinAssignorName = 'range' | 'roundrobin' | 'cooperative-sticky';

/** The built-in assignors, by Kafka protocol name. */
export const builtinAssignors: Readonly<Record<BuiltinAssignorName, PartitionAssignor>> = Object.freeze({
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
});

/**
 * Resolve `partition.assignment.strategy` entries (names of built-ins or assignor objects).
 * @throws ClientError INVALID_CONFIG for an unknown name, an empty list, or two assignors with one name.
 */
export function resolveAssignors(
  strategy: readonly (BuiltinAssignorName | PartitionAssignor)[],
): PartitionAssignor[] {
  if (strategy.length === 0)
    throw new ClientError('INVALID_CONFIG', 'partition.assignment.strategy must list at least one assignor');
  const out: PartitionAssignor[] = [];
  const names = new Set<string>();
  for (const s of strategy) {
    const assignor =
      typeof s === 'string' ? (builtinAssignors as Record<string, PartitionAssignor | undefined>)[s] : s;
    if (assignor === undefined) {
      throw new ClientError(
        'INVALID_CONFIG',
        `Unknown assignor '${String(s)}' in partition.assignment.strategy; built-ins: ${Object.keys(builtinAssignors).join(', ')}`,
      );
    }
    if (names.has(assignor.name))
      throw new ClientError('INVALID_CONFIG', `Assignor '${assignor.name}' is listed twice`);
    names.add(assignor.name);
    out.push(assignor);
  }
  return out;
}

/**
 * The rebalance protocol a member uses with these assignors: cooperative only if every one of
 * them supports it, else eager (as Kafka's consumer decides).
 */
export function rebalanceProtocolFor(assignors: readonly PartitionAssignor[]): RebalanceProtocol {
  return assignors.length > 0 && assignors.every((a) => a.supportedProtocols.includes('cooperative'))
    ? 'cooperative'
    : 'eager';
}
