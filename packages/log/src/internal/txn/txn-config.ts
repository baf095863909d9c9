/**
 * Transaction coordinator settings under Kafka's broker config names, with Kafka's defaults.
 */
import { LogError } from '../../errors.js';

export interface TxnCoordinatorConfig {
  /** Partitions of `__transaction_state` (fixed once the topic exists). */
  readonly 'transaction.state.log.num.partitions': number;
  readonly 'transaction.state.log.segment.bytes': number;
  /** The largest transaction timeout a producer may ask for. */
  readonly 'transaction.max.timeout.ms': number;
  /** How often open transactions are checked against their timeout. */
  readonly 'transaction.abort.timed.out.transaction.cleanup.interval.ms': number;
  /** A transactional id idle this long (no open transaction) is forgotten. */
  readonly 'transactional.id.expiration.ms': number;
  readonly 'transaction.remove.expired.transaction.cleanup.interval.ms': number;
}

export type TxnCoordinatorConfigInput = Partial<
  Readonly<Record<keyof TxnCoordinatorConfig, number | string>>
>;

export const TXN_COORDINATOR_DEFAULTS: TxnCoordinatorConfig = {
  'transaction.state.log.num.partitions': 50,
  'transaction.state.log.segment.bytes': 104_857_600,
  'transaction.max.timeout.ms': 900_000,
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': 10_000,
  'transactional.id.expiration.ms': 604_800_000,
  'transaction.remove.expired.transaction.cleanup.interval.ms': 3_600_000,
};

/** @throws LogError INVALID_CONFIG for an unknown key or a value that is not a positive integer. */
export function parseTxnConfig(input: TxnCoordinatorConfigInput = {}): TxnCoordinatorConfig {
  const out: Record<string, number> = { ...TXN_COORDINATOR_DEFAULTS };
  for (const [key, raw] of Object.entries(input)) {
    if (!(key in TXN_COORDINATOR_DEFAULTS))
      throw new LogError('INVALID_CONFIG', `Unknown transaction coordinator config name: ${key}`);
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new LogError(
        'INVALID_CONFIG',
        `Invalid value ${String(raw)} for ${key}: must be a positive integer`,
      );
    out[key] = n;
  }
  return out as unknown as TxnCoordinatorConfig;
}
