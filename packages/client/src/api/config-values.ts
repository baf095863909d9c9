/**
 * Small checks shared by the config resolvers: one message format, one error code
 * (Kafka's INVALID_CONFIG), so both implementations reject the same configs the same way.
 */
import { ClientError } from '../errors.js';

/** Throw Kafka's INVALID_CONFIG for `key`. */
export function invalidConfig(key: string, value: unknown, why: string): never {
  throw new ClientError(
    'INVALID_CONFIG',
    `Invalid value ${JSON.stringify(value) ?? String(value)} for configuration ${key}: ${why}`,
    { resource: key },
  );
}

/** An integer in [min, max], or the default when undefined. */
export function intConfig(
  key: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value)) invalidConfig(key, value, 'must be an integer');
  if (value < min || value > max)
    invalidConfig(
      key,
      value,
      max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be in [${min}, ${max}]`,
    );
  return value;
}

/** One of `allowed`, or the default when undefined. */
export function enumConfig<T extends string | number>(
  key: string,
  value: T | undefined,
  fallback: T,
  allowed: readonly T[],
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) invalidConfig(key, value, `must be one of ${allowed.join(', ')}`);
  return value;
}

/** A boolean, or the default when undefined. */
export function boolConfig(key: string, value: boolean | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalidConfig(key, value, 'must be a boolean');
  return value;
}

/** A non-empty string, null, or the default when undefined. */
export function idConfig(
  key: string,
  value: string | null | undefined,
  fallback: string | null,
): string | null {
  if (value === undefined) return fallback;
  if (value !== null && (typeof value !== 'string' || value.length === 0))
    invalidConfig(key, value, 'must be a non-empty string or null');
  return value;
}

/** Reject keys the config type does not know: a typo must not silently fall back to a default. */
export function checkKnownKeys(kind: string, config: object, known: ReadonlySet<string>): void {
  for (const key of Object.keys(config)) {
    if (!known.has(key))
      invalidConfig(key, (config as Record<string, unknown>)[key], `not a ${kind} configuration`);
  }
}
