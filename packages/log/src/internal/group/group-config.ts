/**
 * The group coordinator's settings, under Kafka's broker config names and with Kafka's defaults.
 */
import { LogError } from '../../errors.js';

/** Coordinator settings (Kafka broker names). */
export interface GroupCoordinatorConfig {
  /** Smallest session timeout a member may ask for (INVALID_SESSION_TIMEOUT below it). */
  readonly 'group.min.session.timeout.ms': number;
  readonly 'group.max.session.timeout.ms': number;
  /** Wait for more members before the first rebalance of an empty group. */
  readonly 'group.initial.rebalance.delay.ms': number;
  readonly 'group.max.size': number;
  readonly 'offsets.topic.num.partitions': number;
  readonly 'offsets.topic.segment.bytes': number;
  /** Committed offsets of an empty group expire this long after it became empty (KIP-211). */
  readonly 'offsets.retention.minutes': number;
  readonly 'offsets.retention.check.interval.ms': number;
  readonly 'offset.metadata.max.bytes': number;
  /** Kafka's fixed 5-minute limit for a new member's first JoinGroup to complete. */
  readonly 'rill.group.new.member.join.timeout.ms': number;
}

export type GroupCoordinatorConfigInput = Partial<GroupCoordinatorConfig>;

export const GROUP_COORDINATOR_DEFAULTS: GroupCoordinatorConfig = {
  'group.min.session.timeout.ms': 6_000,
  'group.max.session.timeout.ms': 1_800_000,
  'group.initial.rebalance.delay.ms': 3_000,
  'group.max.size': 2_147_483_647,
  'offsets.topic.num.partitions': 50,
  'offsets.topic.segment.bytes': 104_857_600,
  'offsets.retention.minutes': 10_080,
  'offsets.retention.check.interval.ms': 600_000,
  'offset.metadata.max.bytes': 4096,
  'rill.group.new.member.join.timeout.ms': 300_000,
};

/** Zero is meaningful for these (no delay / no metadata allowed). */
const ZERO_ALLOWED = new Set<keyof GroupCoordinatorConfig>([
  'group.initial.rebalance.delay.ms',
  'offset.metadata.max.bytes',
]);

/**
 * Defaults with `input` applied.
 * @throws LogError INVALID_CONFIG for an unknown key or a value that is not a non-negative integer.
 */
export function parseGroupConfig(input: GroupCoordinatorConfigInput = {}): GroupCoordinatorConfig {
  const out: Record<string, number> = { ...GROUP_COORDINATOR_DEFAULTS };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in GROUP_COORDINATOR_DEFAULTS))
      throw new LogError('INVALID_CONFIG', `Unknown group coordinator config ${key}`);
    if (value === undefined) continue;
    const min = ZERO_ALLOWED.has(key as keyof GroupCoordinatorConfig) ? 0 : 1;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new LogError('INVALID_CONFIG', `${key} must be an integer >= ${min}, got ${String(value)}`);
    }
    out[key] = value;
  }
  const cfg = out as unknown as GroupCoordinatorConfig;
  if (cfg['group.min.session.timeout.ms'] > cfg['group.max.session.timeout.ms']) {
    throw new LogError('INVALID_CONFIG', 'group.min.session.timeout.ms exceeds group.max.session.timeout.ms');
  }
  return cfg;
}
