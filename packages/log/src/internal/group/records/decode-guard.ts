/**
 * Turns a failure to parse a stored `__consumer_offsets` record into LogError CORRUPT_MESSAGE,
 * so a malformed record is a typed error naming what was being read.
 */
import { LogError } from '../../../errors.js';

export function decodeGuarded<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LogError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new LogError('CORRUPT_MESSAGE', `Malformed ${what}: ${detail}`, { cause: e });
  }
}

export function corrupt(message: string): LogError {
  return new LogError('CORRUPT_MESSAGE', message);
}
