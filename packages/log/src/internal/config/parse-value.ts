/**
 * Parses one config value the way Kafka's ConfigDef does: values arrive as strings over the
 * wire (CreateTopics, AlterConfigs) or typed from code; both forms give the same result.
 */
import { LogError } from '../../errors.js';
import { INT_RANGE, LONG_MAX, type ConfigKeyDef } from './config-def.js';

/** A config value as callers may pass it. `null` is only legal for nullable keys. */
export type ConfigInputValue = string | number | boolean | null;

const LONG_MIN_BIG = -(2n ** 63n);
const LONG_MAX_BIG = 2n ** 63n - 1n;
const INTEGER = /^[+-]?\d+$/;

export function invalidConfig(name: string, value: unknown, reason: string): LogError {
  return new LogError(
    'INVALID_CONFIG',
    `Invalid value ${JSON.stringify(value)} for configuration ${name}: ${reason}`,
  );
}

/** Parse and range-check `value` for config `name` with definition `def`. Throws LogError INVALID_CONFIG. */
export function parseConfigValue(name: string, def: ConfigKeyDef, value: ConfigInputValue): unknown {
  if (value === null) {
    if (def.nullable) return null;
    throw invalidConfig(name, value, 'Value must not be null');
  }
  const parsed = parseTyped(name, def, value);
  if (def.validate !== undefined) {
    const reason = (def.validate as (v: unknown) => string | undefined)(parsed);
    if (reason !== undefined) throw invalidConfig(name, value, reason);
  }
  return parsed;
}

function parseTyped(name: string, def: ConfigKeyDef, value: string | number | boolean): unknown {
  switch (def.type) {
    case 'int':
    case 'long':
      return parseInteger(name, def.type, value);
    case 'double': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value.trim())
            : NaN;
      if (!Number.isFinite(n)) throw invalidConfig(name, value, 'Expected value to be a finite number');
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (s === 'true') return true;
      if (s === 'false') return false;
      throw invalidConfig(name, value, 'Expected value to be either true or false');
    }
    case 'string':
      if (typeof value !== 'string') throw invalidConfig(name, value, 'Expected value to be a string');
      return value.trim();
    case 'list': {
      if (typeof value !== 'string') throw invalidConfig(name, value, 'Expected a comma-separated list');
      const trimmed = value.trim();
      return trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
    }
  }
}

function parseInteger(name: string, type: 'int' | 'long', value: string | number | boolean): number {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      throw invalidConfig(
        name,
        value,
        `Expected value to be a ${type === 'int' ? '32-bit' : '64-bit'} integer`,
      );
    n = value;
  } else if (typeof value === 'string' && INTEGER.test(value.trim())) {
    const big = BigInt(value.trim());
    if (big < LONG_MIN_BIG || big > LONG_MAX_BIG)
      throw invalidConfig(name, value, 'Not a number of type LONG');
    n = Number(big);
  } else {
    throw invalidConfig(
      name,
      value,
      `Expected value to be a ${type === 'int' ? '32-bit' : '64-bit'} integer`,
    );
  }
  if (type === 'int') {
    if (n < INT_RANGE.min || n > INT_RANGE.max) throw invalidConfig(name, value, 'Not a number of type INT');
    return n;
  }
  // Long.MAX_VALUE (and anything beyond 2^53) means "never" in Kafka's docs; JS keeps it as LONG_MAX.
  if (n > LONG_MAX) return LONG_MAX;
  if (n < -LONG_MAX) throw invalidConfig(name, value, 'Value must be a safe integer');
  return n;
}
