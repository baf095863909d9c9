/**
 * Admin configuration under Kafka's names.
 */
import { checkKnownKeys, intConfig } from './config-values.js';

/** Admin settings (Kafka's admin client configs that apply here). */
export interface AdminConfig {
  readonly 'client.id'?: string;
  /** Default 30000. */
  readonly 'request.timeout.ms'?: number;
  /** Default 60000: bound of each admin call. */
  readonly 'default.api.timeout.ms'?: number;
}

/** An admin config with every default applied. */
export type ResolvedAdminConfig = { readonly [K in keyof AdminConfig]-?: Exclude<AdminConfig[K], undefined> };

const KEYS: ReadonlySet<string> = new Set(['client.id', 'request.timeout.ms', 'default.api.timeout.ms']);

/** Apply Kafka's defaults. @throws ClientError INVALID_CONFIG naming the key. */
export function resolveAdminConfig(config: AdminConfig = {}): ResolvedAdminConfig {
  checkKnownKeys('admin', config, KEYS);
  return {
    'client.id': config['client.id'] ?? '',
    'request.timeout.ms': intConfig('request.timeout.ms', config['request.timeout.ms'], 30000, 0, 2147483647),
    'default.api.timeout.ms': intConfig(
      'default.api.timeout.ms',
      config['default.api.timeout.ms'],
      60000,
      0,
      2147483647,
    ),
  };
}
