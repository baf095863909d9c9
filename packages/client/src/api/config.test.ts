import { describe, expect, it } from 'vitest';
import { cooperativeStickyAssignor } from '../assignors/cooperative-sticky.js';
import { rebalanceProtocolFor } from '../assignors/registry.js';
import { resolveAdminConfig } from './admin-config.js';
import { resolveConsumerConfig } from './consumer-config.js';
import { resolveProducerConfig } from './producer-config.js';

const invalid = (key: string) =>
  expect.objectContaining({ name: 'ClientError', code: 'INVALID_CONFIG', kafkaCode: 40, resource: key });

describe('producer config', () => {
  it("has Kafka's defaults: idempotent, acks=all", () => {
    const c = resolveProducerConfig();
    expect(c['enable.idempotence']).toBe(true);
    expect(c.acks).toBe(-1);
    expect(c['max.in.flight.requests.per.connection']).toBe(5);
    expect(c['delivery.timeout.ms']).toBe(120000);
    expect(c['transactional.id']).toBeNull();
  });

  it('turns idempotence off quietly for conflicting settings, unless it was asked for', () => {
    expect(resolveProducerConfig({ acks: 1 })['enable.idempotence']).toBe(false);
    expect(resolveProducerConfig({ retries: 0 })['enable.idempotence']).toBe(false);
    expect(() => resolveProducerConfig({ acks: 1, 'enable.idempotence': true })).toThrow(
      invalid('enable.idempotence'),
    );
    expect(() => resolveProducerConfig({ 'transactional.id': 'tx', acks: 0 })).toThrow(
      invalid('enable.idempotence'),
    );
    expect(() => resolveProducerConfig({ 'transactional.id': 'tx', 'enable.idempotence': false })).toThrow(
      invalid('enable.idempotence'),
    );
  });

  it('checks delivery.timeout.ms against linger.ms + request.timeout.ms', () => {
    expect(() => resolveProducerConfig({ 'delivery.timeout.ms': 1000 })).toThrow(
      invalid('delivery.timeout.ms'),
    );
    expect(resolveProducerConfig({ 'request.timeout.ms': 200000 })['delivery.timeout.ms']).toBe(200005);
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => resolveProducerConfig({ 'linger.msx': 1 } as never)).toThrow(invalid('linger.msx'));
    expect(() => resolveProducerConfig({ 'linger.ms': -1 })).toThrow(invalid('linger.ms'));
    expect(() => resolveProducerConfig({ 'compression.type': 'brotli' as never })).toThrow(
      invalid('compression.type'),
    );
    expect(() => resolveProducerConfig({ 'transactional.id': '' })).toThrow(invalid('transactional.id'));
  });
});

describe('consumer config', () => {
  it("has Kafka's defaults", () => {
    const c = resolveConsumerConfig({ 'group.id': 'g' });
    expect(c['auto.offset.reset']).toBe('latest');
    expect(c['enable.auto.commit']).toBe(true);
    expect(c['isolation.level']).toBe('read_uncommitted');
    expect(c['session.timeout.ms']).toBe(45000);
    expect(c['partition.assignment.strategy'].map((a) => a.name)).toEqual(['range', 'cooperative-sticky']);
    expect(rebalanceProtocolFor(c['partition.assignment.strategy'])).toBe('eager');
  });

  it('runs the cooperative protocol only when every assignor supports it', () => {
    const c = resolveConsumerConfig({
      'group.id': 'g',
      'partition.assignment.strategy': ['cooperative-sticky'],
    });
    expect(rebalanceProtocolFor(c['partition.assignment.strategy'])).toBe('cooperative');
    const custom = resolveConsumerConfig({
      'partition.assignment.strategy': [{ ...cooperativeStickyAssignor, name: 'mine' }],
    });
    expect(custom['partition.assignment.strategy'][0]!.name).toBe('mine');
  });

  it('needs group.id for static membership and auto commit', () => {
    expect(resolveConsumerConfig()['enable.auto.commit']).toBe(false);
    expect(() => resolveConsumerConfig({ 'enable.auto.commit': true })).toThrow(
      invalid('enable.auto.commit'),
    );
    expect(() => resolveConsumerConfig({ 'group.instance.id': 'i' })).toThrow(invalid('group.instance.id'));
  });

  it('rejects bad values', () => {
    expect(() => resolveConsumerConfig({ 'heartbeat.interval.ms': 50000 })).toThrow(
      invalid('heartbeat.interval.ms'),
    );
    expect(() => resolveConsumerConfig({ 'auto.offset.reset': 'smallest' as never })).toThrow(
      invalid('auto.offset.reset'),
    );
    expect(() => resolveConsumerConfig({ 'partition.assignment.strategy': ['sticky' as never] })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => resolveConsumerConfig({ 'partition.assignment.strategy': [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => resolveConsumerConfig({ 'max.poll.records': 0 })).toThrow(invalid('max.poll.records'));
  });
});

describe('admin config', () => {
  it("has Kafka's defaults and rejects unknown keys", () => {
    expect(resolveAdminConfig()['default.api.timeout.ms']).toBe(60000);
    expect(() => resolveAdminConfig({ 'bootstrap.servers': 'x' } as never)).toThrow(
      invalid('bootstrap.servers'),
    );
  });
});
