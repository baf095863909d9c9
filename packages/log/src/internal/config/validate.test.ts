import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { LONG_MAX, TOPIC_CONFIG_DEFAULTS } from './topic-config.js';
import { parseTopicConfigOverrides, validateTopicConfig } from './validate.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

function invalid(input: Record<string, string | number | boolean>): LogError {
  try {
    validateTopicConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    expect((e as LogError).code).toBe('INVALID_CONFIG');
    expect((e as LogError).kafkaCode).toBe(40);
    return e as LogError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('validateTopicConfig', () => {
  it('returns Kafka defaults for an empty input', () => {
    expect(validateTopicConfig({})).toEqual(TOPIC_CONFIG_DEFAULTS);
    expect(Object.isFrozen(validateTopicConfig({}))).toBe(true);
  });

  it('parses wire strings and typed values to the same config', () => {
    const fromStrings = validateTopicConfig({
      'segment.bytes': '1048576',
      'retention.ms': '-1',
      'min.cleanable.dirty.ratio': '0.25',
      preallocate: 'TRUE',
      'compression.type': 'zstd',
      'flush.messages': ' 10 ',
    });
    const typed = validateTopicConfig({
      'segment.bytes': 1048576,
      'retention.ms': -1,
      'min.cleanable.dirty.ratio': 0.25,
      preallocate: true,
      'compression.type': 'zstd',
      'flush.messages': 10,
    });
    expect(fromStrings).toEqual(typed);
    expect(typed['segment.bytes']).toBe(1048576);
    expect(typed['flush.messages']).toBe(10);
  });

  it('accepts cleanup.policy compact, delete and both in either order', () => {
    expect(validateTopicConfig({ 'cleanup.policy': 'compact' })['cleanup.policy']).toBe('compact');
    expect(validateTopicConfig({ 'cleanup.policy': 'delete' })['cleanup.policy']).toBe('delete');
    expect(validateTopicConfig({ 'cleanup.policy': 'compact,delete' })['cleanup.policy']).toBe(
      'compact,delete',
    );
    expect(validateTopicConfig({ 'cleanup.policy': 'delete, compact' })['cleanup.policy']).toBe(
      'compact,delete',
    );
    expect(invalid({ 'cleanup.policy': 'compact,purge' }).message).toContain('cleanup.policy');
    invalid({ 'cleanup.policy': '' });
  });

  it('rejects unknown keys, naming them', () => {
    const e = invalid({ 'retention.msec': 5 });
    expect(e.message).toBe('Unknown topic config name: retention.msec');
  });

  it.each([
    ['segment.bytes', 13],
    ['segment.bytes', '2147483648'],
    ['segment.ms', 0],
    ['segment.index.bytes', 3],
    ['retention.ms', -2],
    ['flush.messages', 0],
    ['flush.ms', -1],
    ['max.message.bytes', -1],
    ['delete.retention.ms', -1],
    ['max.compaction.lag.ms', 0],
    ['min.cleanable.dirty.ratio', 1.5],
    ['min.cleanable.dirty.ratio', 'NaN'],
    ['min.insync.replicas', 0],
    ['compression.type', 'brotli'],
    ['compression.type', 'GZIP'],
    ['compression.gzip.level', 0],
    ['compression.lz4.level', 18],
    ['compression.zstd.level', 23],
    ['message.timestamp.type', 'IngestTime'],
    ['preallocate', 'yes'],
    ['segment.bytes', 1.5],
    ['segment.bytes', 'abc'],
    ['retention.ms', '99999999999999999999'],
    ['compression.type', 5],
  ] as const)('rejects %s = %j', (key, value) => {
    const e = invalid({ [key]: value });
    expect(e.message).toContain(key);
  });

  it('accepts Kafka boundary values', () => {
    const c = validateTopicConfig({
      'segment.bytes': 14,
      'retention.ms': -1,
      'retention.bytes': -5,
      'min.cleanable.dirty.ratio': 1,
      'compression.gzip.level': -1,
      'compression.zstd.level': -131072,
      'flush.ms': '9223372036854775807',
    });
    expect(c['segment.bytes']).toBe(14);
    expect(c['flush.ms']).toBe(LONG_MAX);
  });

  it('rejects min.compaction.lag.ms > max.compaction.lag.ms', () => {
    const e = invalid({ 'min.compaction.lag.ms': 10, 'max.compaction.lag.ms': 5 });
    expect(e.message).toContain('min.compaction.lag.ms (10) > max.compaction.lag.ms (5)');
  });

  it('merges over a given base', () => {
    const base = validateTopicConfig({ 'retention.ms': 1000 });
    const c = validateTopicConfig({ 'segment.bytes': 100 }, base);
    expect(c['retention.ms']).toBe(1000);
    expect(c['segment.bytes']).toBe(100);
  });

  it('parseTopicConfigOverrides keeps only the given keys', () => {
    expect(parseTopicConfigOverrides({ 'cleanup.policy': 'delete,compact', 'flush.ms': '5' })).toEqual({
      'cleanup.policy': 'compact,delete',
      'flush.ms': 5,
    });
  });

  it('an integer config round-trips through its wire string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 14, max: 2147483647 }), (n) => {
        expect(validateTopicConfig({ 'segment.bytes': String(n) })['segment.bytes']).toBe(n);
      }),
      { numRuns: runs },
    );
  });
});
