import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { CLEANER_DEFAULTS, parseBrokerConfig } from './broker-config.js';
import { TOPIC_CONFIG_DEFAULTS } from './topic-config.js';

describe('parseBrokerConfig', () => {
  it("defaults to Kafka's broker defaults", () => {
    const c = parseBrokerConfig();
    expect(c.topicDefaults).toEqual(TOPIC_CONFIG_DEFAULTS);
    expect(c.numPartitions).toBe(1);
    expect(c.autoCreateTopicsEnable).toBe(true);
    expect(c.retentionCheckIntervalMs).toBe(300_000);
    expect(c.cleaner).toEqual({
      enable: true,
      backoffMs: 15_000,
      dedupeBufferSize: 134_217_728,
      dedupeLoadFactor: 0.9,
      ioBufferSize: 524_288,
    });
    expect(c.cleaner).toEqual(CLEANER_DEFAULTS);
  });

  it('maps the log manager and log.cleaner.* keys', () => {
    const c = parseBrokerConfig({
      'log.retention.check.interval.ms': '1000',
      'log.cleaner.enable': 'false',
      'log.cleaner.backoff.ms': 50,
      'log.cleaner.dedupe.buffer.size': '4096',
      'log.cleaner.io.buffer.size': 65536,
      'log.cleaner.io.buffer.load.factor': '0.75',
      'log.cleaner.delete.retention.ms': 10,
      'log.cleaner.min.cleanable.ratio': 0.1,
      'log.cleaner.min.compaction.lag.ms': 5,
      'log.cleaner.max.compaction.lag.ms': 99,
    });
    expect(c.retentionCheckIntervalMs).toBe(1000);
    expect(c.cleaner).toEqual({
      enable: false,
      backoffMs: 50,
      dedupeBufferSize: 4096,
      dedupeLoadFactor: 0.75,
      ioBufferSize: 65536,
    });
    expect(c.topicDefaults['delete.retention.ms']).toBe(10);
    expect(c.topicDefaults['min.cleanable.dirty.ratio']).toBe(0.1);
    expect(c.topicDefaults['min.compaction.lag.ms']).toBe(5);
    expect(c.topicDefaults['max.compaction.lag.ms']).toBe(99);
  });

  it('rejects invalid log manager values under their broker names', () => {
    expect(() => parseBrokerConfig({ 'log.retention.check.interval.ms': 0 })).toThrow(
      /log.retention.check.interval.ms/,
    );
    expect(() => parseBrokerConfig({ 'log.cleaner.dedupe.buffer.size': 10 })).toThrow(
      /log.cleaner.dedupe.buffer.size/,
    );
    expect(() => parseBrokerConfig({ 'log.cleaner.io.buffer.load.factor': 1 })).toThrow(
      /log.cleaner.io.buffer.load.factor/,
    );
    expect(() => parseBrokerConfig({ 'log.cleaner.enable': 'yes' })).toThrow(/log.cleaner.enable/);
    expect(() => parseBrokerConfig({ 'log.cleaner.threads': 2 })).toThrow(/Unknown broker config name/);
  });

  it('maps log.* names to topic keys', () => {
    const c = parseBrokerConfig({
      'log.retention.ms': '1000',
      'log.segment.bytes': 4096,
      'log.cleanup.policy': 'compact',
      'message.max.bytes': '2000000',
      'log.message.timestamp.type': 'LogAppendTime',
      'log.index.size.max.bytes': 1024,
      'log.flush.interval.messages': 1,
      'num.partitions': '3',
      'auto.create.topics.enable': 'false',
    });
    expect(c.topicDefaults['retention.ms']).toBe(1000);
    expect(c.topicDefaults['segment.bytes']).toBe(4096);
    expect(c.topicDefaults['cleanup.policy']).toBe('compact');
    expect(c.topicDefaults['max.message.bytes']).toBe(2000000);
    expect(c.topicDefaults['message.timestamp.type']).toBe('LogAppendTime');
    expect(c.topicDefaults['segment.index.bytes']).toBe(1024);
    expect(c.topicDefaults['flush.messages']).toBe(1);
    expect(c.numPartitions).toBe(3);
    expect(c.autoCreateTopicsEnable).toBe(false);
  });

  it('applies retention synonyms with ms > minutes > hours precedence', () => {
    expect(parseBrokerConfig({ 'log.retention.hours': 2 }).topicDefaults['retention.ms']).toBe(7_200_000);
    expect(
      parseBrokerConfig({ 'log.retention.hours': 2, 'log.retention.minutes': 3 }).topicDefaults[
        'retention.ms'
      ],
    ).toBe(180_000);
    expect(
      parseBrokerConfig({ 'log.retention.minutes': 3, 'log.retention.ms': 5 }).topicDefaults['retention.ms'],
    ).toBe(5);
    expect(
      parseBrokerConfig({ 'log.retention.ms': 5, 'log.retention.hours': 1 }).topicDefaults['retention.ms'],
    ).toBe(5);
    expect(parseBrokerConfig({ 'log.retention.hours': -1 }).topicDefaults['retention.ms']).toBe(-1);
    expect(parseBrokerConfig({ 'log.roll.hours': 1 }).topicDefaults['segment.ms']).toBe(3_600_000);
  });

  it('rejects unknown keys and invalid values under the broker name', () => {
    expect(() => parseBrokerConfig({ 'log.retention.weeks': 1 })).toThrow(
      /Unknown broker config name: log.retention.weeks/,
    );
    expect(() => parseBrokerConfig({ 'num.partitions': 0 })).toThrow(/num.partitions/);
    expect(() => parseBrokerConfig({ 'log.segment.bytes': 1 })).toThrow(/log.segment.bytes/);
    try {
      parseBrokerConfig({ 'auto.create.topics.enable': 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LogError);
      expect((e as LogError).code).toBe('INVALID_CONFIG');
    }
  });
  it('takes the coordinators’ and producer state’s keys, with their validation', () => {
    const c = parseBrokerConfig({
      'transactional.id.expiration.ms': '3600000',
      'transaction.max.timeout.ms': 60_000,
      'offsets.retention.minutes': '30',
      'group.initial.rebalance.delay.ms': 0,
      'producer.id.expiration.ms': '5000',
    });
    expect(c.transactions['transactional.id.expiration.ms']).toBe(3_600_000);
    expect(c.transactions['transaction.max.timeout.ms']).toBe(60_000);
    expect(c.groups['offsets.retention.minutes']).toBe(30);
    expect(c.groups['group.initial.rebalance.delay.ms']).toBe(0);
    expect(c.producerIds.producerIdExpirationMs).toBe(5000);
    expect(() => parseBrokerConfig({ 'transaction.max.timeout.ms': 0 })).toThrow(LogError);
    expect(() =>
      parseBrokerConfig({ 'group.max.session.timeout.ms': '1', 'group.min.session.timeout.ms': 2 }),
    ).toThrow(/exceeds/);
  });
});
