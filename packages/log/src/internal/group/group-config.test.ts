import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { GROUP_COORDINATOR_DEFAULTS, parseGroupConfig } from './group-config.js';

describe('group coordinator config', () => {
  it("has Kafka's defaults", () => {
    expect(parseGroupConfig()).toEqual(GROUP_COORDINATOR_DEFAULTS);
    expect(GROUP_COORDINATOR_DEFAULTS).toMatchObject({
      'group.min.session.timeout.ms': 6000,
      'group.max.session.timeout.ms': 1_800_000,
      'group.initial.rebalance.delay.ms': 3000,
      'offsets.topic.num.partitions': 50,
      'offsets.retention.minutes': 10_080,
      'offset.metadata.max.bytes': 4096,
    });
  });

  it('rejects unknown keys, non-integers, out-of-range values and min > max session', () => {
    const bad = [
      { 'group.nope': 1 },
      { 'offsets.topic.num.partitions': 0 },
      { 'group.max.size': 1.5 },
      { 'group.initial.rebalance.delay.ms': -1 },
      { 'group.min.session.timeout.ms': 10, 'group.max.session.timeout.ms': 5 },
    ];
    for (const input of bad) {
      expect(() => parseGroupConfig(input as never)).toThrow(LogError);
    }
    expect(
      parseGroupConfig({ 'group.initial.rebalance.delay.ms': 0 })['group.initial.rebalance.delay.ms'],
    ).toBe(0);
  });
});
