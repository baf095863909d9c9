/** Opening the group coordinator of `@rill/log` for the group APIs. */
import { GroupCoordinator, isLogError, type LogEngine } from '@rill/log';
import { BrokerError } from '../errors.js';
import type { BrokerLogger } from './logger.js';

/**
 * The coordinator serving the group APIs (it creates and replays `__consumer_offsets`).
 * @throws BrokerError INVALID_CONFIG for a bad group setting.
 */
export async function openGroups(
  engine: LogEngine,
  config: Readonly<Record<string, number>>,
  logger: BrokerLogger,
): Promise<GroupCoordinator> {
  try {
    return await GroupCoordinator.open({
      engine,
      config,
      onBackgroundError: (e) => logger.error('group coordinator background write failed', e),
    });
  } catch (e) {
    if (isLogError(e, 'INVALID_CONFIG')) throw new BrokerError('INVALID_CONFIG', e.message, { cause: e });
    throw e;
  }
}
