/**
 * What the coordinator's handlers share: time, settings, the groups, persistence, the engine,
 * and where background failures go.
 */
import type { LogEngine } from '../../engine.js';
import { isLogError } from '../../errors.js';
import type { Clock } from '../clock/clock.js';
import { ERR } from './error-codes.js';
import type { GroupCoordinatorConfig } from './group-config.js';
import type { GroupStore } from './group-store.js';
import type { Group } from './group.js';

export interface CoordinatorContext {
  readonly clock: Clock;
  readonly config: GroupCoordinatorConfig;
  readonly groups: Map<string, Group>;
  readonly store: GroupStore;
  readonly engine: LogEngine;
  /** A write nobody awaits failed (e.g. persisting an emptied group). */
  readonly onBackgroundError: (error: unknown) => void;
}

/**
 * Kafka's mapping of a failed `__consumer_offsets` append to the error a group request answers:
 * the partition is missing or closed -> COORDINATOR_NOT_AVAILABLE; a storage failure ->
 * NOT_COORDINATOR (clients look the coordinator up again); too large -> INVALID_COMMIT_OFFSET_SIZE
 * for commits, UNKNOWN_SERVER_ERROR for group metadata.
 */
export function storeErrorCode(e: unknown, forOffsets: boolean): number {
  if (isLogError(e, 'UNKNOWN_TOPIC_OR_PARTITION') || isLogError(e, 'CLOSED'))
    return ERR.COORDINATOR_NOT_AVAILABLE;
  if (isLogError(e, 'MESSAGE_TOO_LARGE') || isLogError(e, 'RECORD_LIST_TOO_LARGE')) {
    return forOffsets ? ERR.INVALID_COMMIT_OFFSET_SIZE : ERR.UNKNOWN_SERVER_ERROR;
  }
  if (
    isLogError(e, 'KAFKA_STORAGE_ERROR') ||
    isLogError(e, 'DISK_FULL') ||
    isLogError(e, 'FSYNC_FAILED') ||
    isLogError(e, 'PARTITION_FAILED')
  ) {
    return ERR.NOT_COORDINATOR;
  }
  return ERR.UNKNOWN_SERVER_ERROR;
}
