import { describe, expect, it } from 'vitest';
import { parseAdvertisedListeners, resolveSettings } from './settings.js';

describe('resolveSettings', () => {
  it('splits broker, group and engine settings and warns about replication-only ones', () => {
    const s = resolveSettings({
      'socket.request.max.bytes': '2048',
      'num.partitions': 3,
      'group.initial.rebalance.delay.ms': '0',
      'log.retention.ms': '1000',
      'offsets.topic.replication.factor': 3,
      'default.replication.factor': 3,
    });
    expect(s.broker.socketRequestMaxBytes).toBe(2048);
    expect(s.broker.numPartitions).toBe(3);
    expect(s.group).toEqual({ 'group.initial.rebalance.delay.ms': 0 });
    expect(s.engine).toEqual({ 'num.partitions': 3, 'log.retention.ms': '1000' });
    expect(s.warnings).toHaveLength(2);
  });

  it('rejects invalid values with INVALID_CONFIG', () => {
    expect(() => resolveSettings({ 'connections.max.idle.ms': 'soon' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => resolveSettings({ 'auto.create.topics.enable': 'maybe' })).toThrow(/true or false/);
  });

  it('parses advertised.listeners', () => {
    expect([...parseAdvertisedListeners('PLAINTEXT://h:1,sasl_plaintext://[::1]:0')]).toEqual([
      ['PLAINTEXT', { host: 'h', port: 1 }],
      ['SASL_PLAINTEXT', { host: '::1', port: 0 }],
    ]);
    expect(() => parseAdvertisedListeners('PLAINTEXT://:9092')).toThrow(/NAME:\/\/host:port/);
  });

  it("reads SASL/PLAIN users from Kafka's JAAS setting and refuses other mechanisms", () => {
    const s = resolveSettings({
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="a" user_admin="a" user_bob="b-secret";',
    });
    expect([...s.broker.jaasUsers]).toEqual([
      ['admin', 'a'],
      ['bob', 'b-secret'],
    ]);
    expect(s.engine).toEqual({});
    expect(() => resolveSettings({ 'sasl.enabled.mechanisms': 'SCRAM-SHA-256' })).toThrow(/only PLAIN/);
  });
});
