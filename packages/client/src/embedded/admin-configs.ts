/**
 * DescribeConfigs/IncrementalAlterConfigs over the engine's topic configs and the group
 * coordinator's settings (the embedded "broker 0").
 */
import { TOPIC_CONFIG_DEFAULTS, type GroupCoordinator, type LogEngine } from '@rill/log';
import type { AlterConfigOp, ConfigEntry, ConfigResource, ResourceConfigs } from '../api/admin.js';
import { ClientError, toClientError } from '../errors.js';

/** The broker id of the embedded engine. */
export const EMBEDDED_BROKER_ID = 0;

/** Kafka's string form of a config value (null stays null: unset). */
export function configString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

export function describeTopicConfigs(
  engine: LogEngine,
  resource: ConfigResource,
  names: readonly string[] | undefined,
): ResourceConfigs {
  let description;
  try {
    description = engine.describeTopic(resource.name);
  } catch (e) {
    throw toClientError(e, resource.name);
  }
  const configs = description.configs as unknown as Readonly<Record<string, unknown>>;
  const overrides = description.overrides as Readonly<Record<string, unknown>>;
  const defaults = TOPIC_CONFIG_DEFAULTS as unknown as Readonly<Record<string, unknown>>;
  const keys = names ?? Object.keys(configs).sort();
  const entries: ConfigEntry[] = [];
  for (const name of keys) {
    if (!Object.hasOwn(configs, name)) continue;
    const overridden = Object.hasOwn(overrides, name);
    // A value that differs from Kafka's default without a topic override comes from the
    // engine's broker settings (`log.*`).
    const source = overridden
      ? 'DYNAMIC_TOPIC_CONFIG'
      : configs[name] !== defaults[name]
        ? 'STATIC_BROKER_CONFIG'
        : 'DEFAULT_CONFIG';
    entries.push({
      name,
      value: configString(configs[name]),
      source,
      isDefault: source === 'DEFAULT_CONFIG',
      isReadOnly: false,
      isSensitive: false,
    });
  }
  return { resource, entries };
}

export function describeBrokerConfigs(
  coordinator: GroupCoordinator,
  resource: ConfigResource,
  names: readonly string[] | undefined,
): ResourceConfigs {
  if (resource.name !== String(EMBEDDED_BROKER_ID))
    throw new ClientError(
      'INVALID_REQUEST',
      `Unknown broker ${resource.name}; the embedded engine is broker 0`,
      {
        resource: resource.name,
      },
    );
  const configs = coordinator.config as unknown as Readonly<Record<string, unknown>>;
  const keys = names ?? Object.keys(configs).sort();
  const entries: ConfigEntry[] = [];
  for (const name of keys) {
    if (!Object.hasOwn(configs, name)) continue;
    entries.push({
      name,
      value: configString(configs[name]),
      source: 'STATIC_BROKER_CONFIG',
      isDefault: false,
      // Coordinator settings are fixed when it opens.
      isReadOnly: true,
      isSensitive: false,
    });
  }
  return { resource, entries };
}

/** Apply one resource's ops in a single engine call, so they take effect together. */
export async function alterTopicConfigs(
  engine: LogEngine,
  resource: ConfigResource,
  ops: readonly AlterConfigOp[],
): Promise<void> {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const op of ops) {
    if (op.op === 'set') set[op.name] = op.value;
    else if (op.op === 'delete') remove.push(op.name);
    else throw new ClientError('INVALID_REQUEST', `Unknown config op ${JSON.stringify(op)}`);
  }
  try {
    await engine.alterTopicConfig(resource.name, set, { delete: remove });
  } catch (e) {
    throw toClientError(e, resource.name);
  }
}
