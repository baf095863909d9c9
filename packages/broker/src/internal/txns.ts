/** Opening the transaction coordinator of `@rill/log` for the transaction APIs. */
import { GroupCoordinator, TransactionCoordinator, isLogError, type LogEngine } from '@rill/log';
import { BrokerError } from '../errors.js';
import type { BrokerLogger } from './logger.js';

/**
 * The coordinator serving InitProducerId and the transaction APIs (it creates and replays
 * `__transaction_state` and completes prepared transactions).
 * @throws BrokerError INVALID_CONFIG for a bad transaction setting.
 */
export async function openTxns(
  engine: LogEngine,
  groups: GroupCoordinator,
  config: Readonly<Record<string, number>>,
  logger: BrokerLogger,
): Promise<TransactionCoordinator> {
  try {
    return await TransactionCoordinator.open({
      engine,
      groups,
      config,
      onBackgroundError: (e) => logger.error('transaction coordinator background work failed', e),
    });
  } catch (e) {
    if (isLogError(e, 'INVALID_CONFIG')) throw new BrokerError('INVALID_CONFIG', e.message, { cause: e });
    throw e;
  }
}
