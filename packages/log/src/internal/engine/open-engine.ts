/**
 * Opening an engine: parse the broker config, create and lock the data directory, load topics
 * (skipping tail validation where the last shutdown was clean) and start maintenance. On any
 * failure the lock is released again.
 */
import { LogError } from '../../errors.js';
import { systemClock, type Clock } from '../clock/clock.js';
import { parseBrokerConfig, type BrokerConfig } from '../config/broker-config.js';
import type { FileIO } from '../io/file-io.js';
import { NodeFileIO } from '../io/node-file-io.js';
import { acquireDirLock, type DirLock } from '../lock/dir-lock.js';
import { acquireIoLock } from '../lock/io-lock.js';
import { LogManager } from '../maintenance/log-manager.js';
import type { BackgroundErrorContext } from '../maintenance/types.js';
import { openPartition } from '../partition/partition.js';
import type { LogEngineOptions } from './engine-types.js';
import { partitionsOf } from './partition-queries.js';
import { hasCleanShutdownMarker, removeCleanShutdownMarker } from './shutdown-marker.js';
import { TopicManager } from './topic-manager.js';

/** What a running engine is made of. */
export interface EngineParts {
  readonly dataDir: string;
  readonly io: FileIO;
  readonly clock: Clock;
  readonly broker: BrokerConfig;
  readonly topics: TopicManager;
  readonly lock: DirLock;
  readonly maintenance: LogManager;
}

export async function openEngineParts(options: LogEngineOptions): Promise<EngineParts> {
  const broker = parseBrokerConfig(options.brokerConfig);
  const io = options.io ?? new NodeFileIO();
  const clock = options.clock ?? systemClock;
  const { dataDir } = options;
  try {
    await io.mkdir(dataDir);
  } catch (e) {
    throw new LogError('KAFKA_STORAGE_ERROR', `Cannot create data directory ${dataDir}`, { cause: e });
  }
  const lock = io instanceof NodeFileIO ? await acquireDirLock(dataDir) : acquireIoLock(io, dataDir);
  try {
    const cleanShutdown = await hasCleanShutdownMarker(io, dataDir);
    const topics = new TopicManager({ dataDir, io, clock, broker, openPartition });
    await topics.load(cleanShutdown);
    if (cleanShutdown) await removeCleanShutdownMarker(io, dataDir);
    const maintenance = new LogManager({
      clock,
      retentionCheckIntervalMs: broker.retentionCheckIntervalMs,
      cleaner: broker.cleaner,
      partitions: () => partitionsOf(topics.allPartitions()),
      ...(options.cleanerThrottle === undefined ? {} : { throttle: options.cleanerThrottle }),
      onError: options.onBackgroundError ?? warnBackgroundError,
    });
    maintenance.start();
    return { dataDir, io, clock, broker, topics, lock, maintenance };
  } catch (e) {
    await lock.release();
    throw e;
  }
}

function warnBackgroundError(error: unknown, context: BackgroundErrorContext): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.emitWarning(`${context.task} of ${context.topic}-${context.partition} failed: ${detail}`, {
    code: 'RILL_LOG_MAINTENANCE',
  });
}
