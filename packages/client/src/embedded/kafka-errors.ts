/**
 * Turning the numeric Kafka error codes the coordinators answer with into {@link ClientError}s.
 */
import { kafkaErrorByCode } from '@rill/protocol';
import { ClientError } from '../errors.js';

/** A ClientError for Kafka's numeric `errorCode` (must not be 0). */
export function errorForCode(errorCode: number, message: string, resource?: string): ClientError {
  const known = kafkaErrorByCode(errorCode);
  const name = known === undefined || known.name === 'NONE' ? 'UNKNOWN_SERVER_ERROR' : known.name;
  return new ClientError(name, `${message}: ${name}`, resource === undefined ? {} : { resource });
}

/** Throw {@link errorForCode} unless `errorCode` is 0 (NONE). */
export function checkCode(errorCode: number, message: string, resource?: string): void {
  if (errorCode !== 0) throw errorForCode(errorCode, message, resource);
}

/**
 * Run every item, then reject with the first failure in input order (Java's `all()` rule of the
 * admin batch operations), so no item is skipped because an earlier one failed.
 */
export async function allInOrder<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const settled = await Promise.allSettled(items.map((item) => fn(item)));
  const out: R[] = [];
  for (const s of settled) {
    if (s.status === 'rejected') throw s.reason;
    out.push(s.value);
  }
  return out;
}
