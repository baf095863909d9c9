/** A topic's effective configs as Kafka reports them (string values, a source per entry). */
import type { TopicDescription } from '@rill/log';

/** Kafka's ConfigSource values. */
export const ConfigSource = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 } as const;

export interface ConfigEntry {
  readonly name: string;
  readonly value: string | null;
  readonly source: number;
  readonly isDefault: boolean;
}

/** Kafka's string form of a config value (lists comma-separated, null stays null). */
export function formatConfigValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

/**
 * Every config of the topic, sorted by name; `staticKeys` are topic keys whose default came
 * from the broker's own settings (reported as STATIC_BROKER_CONFIG).
 */
export function topicConfigEntries(d: TopicDescription, staticKeys: ReadonlySet<string>): ConfigEntry[] {
  const overrides = d.overrides as Record<string, unknown>;
  const configs = d.configs as unknown as Record<string, unknown>;
  return Object.keys(configs)
    .sort()
    .map((name) => {
      const override = Object.prototype.hasOwnProperty.call(overrides, name);
      const source = override
        ? ConfigSource.DYNAMIC_TOPIC_CONFIG
        : staticKeys.has(name)
          ? ConfigSource.STATIC_BROKER_CONFIG
          : ConfigSource.DEFAULT_CONFIG;
      return {
        name,
        value: formatConfigValue(configs[name]),
        source,
        isDefault: source === ConfigSource.DEFAULT_CONFIG,
      };
    });
}

/** Wire configs (name -> string|null) as the engine's input; a null value means "default". */
export function configInput(
  configs: readonly { name: string; value: string | null }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of configs) if (c.value !== null) out[c.name] = c.value;
  return out;
}
