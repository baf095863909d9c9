/**
 * The broker config keys of the coordinators and of producer state, accepted by
 * `LogEngine.open({ brokerConfig })` beside the log keys: the group coordinator's (`group.*`,
 * `offsets.*`, `offset.metadata.max.bytes`), the transaction coordinator's (`transaction.*`,
 * `transactional.id.expiration.ms`) and the partitions' producer-id expiry
 * (`producer.id.expiration.ms`, `producer.id.expiration.check.interval.ms`). They are validated
 * here, with the coordinators' own rules, so a bad value fails the engine's open; the engine then
 * exposes them parsed (`engine.brokerConfig`) and the coordinators take them as their defaults.
 */
import {
  GROUP_COORDINATOR_DEFAULTS,
  parseGroupConfig,
  type GroupCoordinatorConfig,
} from '../group/group-config.js';
import {
  DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS,
  DEFAULT_PRODUCER_ID_EXPIRATION_MS,
} from '../producer/producer-state.js';
import { parseTxnConfig, TXN_COORDINATOR_DEFAULTS, type TxnCoordinatorConfig } from '../txn/txn-config.js';
import type { ConfigKeyDef } from './config-def.js';
import { parseConfigValue, type ConfigInputValue } from './parse-value.js';

/** Producer-id expiry of every partition (Kafka's names in the comments). */
export interface ProducerIdSettings {
  /** producer.id.expiration.ms (default 86400000): forget an idle producer without an open transaction. */
  readonly producerIdExpirationMs: number;
  /** producer.id.expiration.check.interval.ms (default 600000). */
  readonly producerIdExpirationCheckIntervalMs: number;
}

/** What {@link CoordinatorKeys.finish} yields. */
export interface CoordinatorSettings {
  readonly groups: GroupCoordinatorConfig;
  readonly transactions: TxnCoordinatorConfig;
  readonly producerIds: ProducerIdSettings;
}

const LONG: ConfigKeyDef = { type: 'long' };
const PRODUCER_KEYS: ReadonlyMap<string, keyof ProducerIdSettings> = new Map([
  ['producer.id.expiration.ms', 'producerIdExpirationMs'],
  ['producer.id.expiration.check.interval.ms', 'producerIdExpirationCheckIntervalMs'],
]);

/** Collects the coordinator and producer-state keys of one broker config. */
export class CoordinatorKeys {
  private readonly group: Record<string, number> = {};
  private readonly txn: Record<string, number> = {};
  private readonly producer: Record<string, number> = {
    producerIdExpirationMs: DEFAULT_PRODUCER_ID_EXPIRATION_MS,
    producerIdExpirationCheckIntervalMs: DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS,
  };

  /** Take `key` if it is one of these; false otherwise. @throws LogError INVALID_CONFIG for a bad value. */
  take(key: string, raw: ConfigInputValue): boolean {
    if (Object.hasOwn(GROUP_COORDINATOR_DEFAULTS, key)) {
      this.group[key] = parseConfigValue(key, LONG, raw) as number;
      return true;
    }
    if (Object.hasOwn(TXN_COORDINATOR_DEFAULTS, key)) {
      this.txn[key] = parseConfigValue(key, LONG, raw) as number;
      return true;
    }
    const field = PRODUCER_KEYS.get(key);
    if (field === undefined) return false;
    this.producer[field] = parseConfigValue(key, { type: 'long', validate: positive }, raw) as number;
    return true;
  }

  /** The parsed settings. @throws LogError INVALID_CONFIG from the coordinators' validation. */
  finish(): CoordinatorSettings {
    return {
      groups: Object.freeze(parseGroupConfig(this.group)),
      transactions: Object.freeze(parseTxnConfig(this.txn)),
      producerIds: Object.freeze({ ...this.producer }) as unknown as ProducerIdSettings,
    };
  }
}

function positive(v: number): string | undefined {
  return v < 1 ? 'Value must be at least 1' : undefined;
}
