/**
 * Topic config validation with Kafka's names, types, ranges and defaults (LogConfig).
 */
import { LogError } from '../../errors.js';
import { TOPIC_CONFIG_DEFS, isTopicConfigKey, type TopicConfigKey } from './config-def.js';
import { invalidConfig, parseConfigValue, type ConfigInputValue } from './parse-value.js';
import { TOPIC_CONFIG_DEFAULTS, type CleanupPolicy, type TopicConfig } from './topic-config.js';

/** Config input as it comes from callers or the wire: Kafka names to string or typed values. */
export type TopicConfigInput = Readonly<Record<string, ConfigInputValue>>;

/**
 * Validate and normalize topic config overrides without merging defaults: only the keys given.
 * Throws LogError INVALID_CONFIG naming the first unknown key or invalid value.
 */
export function parseTopicConfigOverrides(input: TopicConfigInput): Partial<TopicConfig> {
  const out: Partial<Record<TopicConfigKey, unknown>> = {};
  for (const [key, raw] of Object.entries(input)) {
    if (!isTopicConfigKey(key)) {
      throw new LogError('INVALID_CONFIG', `Unknown topic config name: ${key}`);
    }
    const value = parseConfigValue(key, TOPIC_CONFIG_DEFS[key], raw);
    out[key] = key === 'cleanup.policy' ? normalizeCleanupPolicy(key, raw, value as string[]) : value;
  }
  return out as Partial<TopicConfig>;
}

/**
 * Validate topic configs and merge them over `base` (Kafka's defaults unless the engine's broker
 * config changed them).
 *
 * @param input Kafka config names to values; strings (as over the wire) or typed values.
 * @param base the defaults for keys not in `input`.
 * @returns a frozen, complete TopicConfig.
 * @throws LogError `INVALID_CONFIG` for an unknown key, a value of the wrong type, out of range, or
 *   conflicting settings (min.compaction.lag.ms > max.compaction.lag.ms).
 * @example
 * ```ts
 * const config = validateTopicConfig({ 'cleanup.policy': 'compact', 'segment.bytes': '1048576' });
 * config['segment.bytes']; // 1048576
 * ```
 */
export function validateTopicConfig(
  input: TopicConfigInput,
  base: Readonly<TopicConfig> = TOPIC_CONFIG_DEFAULTS,
): Readonly<TopicConfig> {
  return mergeTopicConfig(base, parseTopicConfigOverrides(input));
}

/** Merge already-parsed overrides over `base` and check cross-key constraints. */
export function mergeTopicConfig(
  base: Readonly<TopicConfig>,
  overrides: Partial<TopicConfig>,
): Readonly<TopicConfig> {
  const merged: TopicConfig = { ...base, ...overrides };
  checkConsistency(merged);
  return Object.freeze(merged);
}

/** Kafka's LogConfig.validateValues. */
function checkConsistency(config: TopicConfig): void {
  const min = config['min.compaction.lag.ms'];
  const max = config['max.compaction.lag.ms'];
  if (min > max) {
    throw new LogError(
      'INVALID_CONFIG',
      `conflict topic config setting min.compaction.lag.ms (${min}) > max.compaction.lag.ms (${max})`,
    );
  }
}

/** Kafka accepts `compact`, `delete` or both in either order; Rill stores one canonical spelling. */
function normalizeCleanupPolicy(
  name: string,
  raw: ConfigInputValue,
  items: readonly string[],
): CleanupPolicy {
  if (items.length === 0) throw invalidConfig(name, raw, 'Value must be one or both of: compact, delete');
  let compact = false;
  let del = false;
  for (const item of items) {
    if (item === 'compact') compact = true;
    else if (item === 'delete') del = true;
    else throw invalidConfig(name, raw, `Invalid value ${item}; the list may only contain: compact, delete`);
  }
  return compact && del ? 'compact,delete' : compact ? 'compact' : 'delete';
}
