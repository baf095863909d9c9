/**
 * Partition directories of a data directory: `<dataDir>/<topic>-<partition>`. Opening them a
 * few at a time, and removing strays left by a delete that a crash interrupted.
 */
import { join } from 'node:path';
import { LogError, storageError } from '../../errors.js';
import type { Clock } from '../clock/clock.js';
import type { TopicConfig } from '../config/topic-config.js';
import type { FileIO } from '../io/file-io.js';
import type { PartitionLog, PartitionOpenOptions } from '../partition/types.js';
import type { ProducerStateOptions } from '../producer/producer-state.js';
import { TOPIC_METADATA_FILE } from '../topics/topic-metadata.js';

export type OpenPartition = (options: PartitionOpenOptions) => Promise<PartitionLog>;

export interface PartitionDirsContext {
  readonly dataDir: string;
  readonly io: FileIO;
  readonly clock: Clock;
  readonly openPartition: OpenPartition;
  /** Producer-id expiry for every partition (the engine's broker config). */
  readonly broker?: { readonly producerIds?: ProducerStateOptions };
}

export interface OpenHow {
  readonly cleanShutdown: boolean;
  /** A new partition: remove any leftover directory first, so it never inherits old bytes. */
  readonly fresh: boolean;
}

/** Parallel enough to hide latency, bounded in memory and file descriptors. */
const OPEN_CONCURRENCY = 4;
const PARTITION_DIR = /^(.+)-(\d+)$/;

/** Open partitions `[from, to)` of `topic`; on any failure close the opened ones and throw. */
export async function openPartitions(
  ctx: PartitionDirsContext,
  topic: string,
  from: number,
  to: number,
  config: Readonly<TopicConfig>,
  how: OpenHow,
): Promise<PartitionLog[]> {
  const { io, clock, dataDir, openPartition } = ctx;
  const opened = new Array<PartitionLog>(to - from);
  let next = from;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < to && failure === undefined) {
      const partition = next++;
      const dir = join(dataDir, `${topic}-${partition}`);
      try {
        if (how.fresh) await io.rmdir(dir);
        await io.mkdir(dir);
        const { cleanShutdown } = how;
        opened[partition - from] = await openPartition({
          dir,
          topic,
          partition,
          config,
          io,
          clock,
          cleanShutdown,
          ...(ctx.broker?.producerIds === undefined ? {} : { producerState: ctx.broker.producerIds }),
        });
      } catch (e) {
        failure ??= e instanceof LogError ? e : storageError(`opening partition ${topic}-${partition}`, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, to - from) }, worker));
  if (failure !== undefined) {
    throwFirst(await Promise.allSettled(opened.filter((p) => p !== undefined).map((p) => p.close())));
    throw failure;
  }
  return opened;
}

/**
 * Remove directories of topics not listed, or of partitions beyond a topic's count: the
 * metadata is written before partitions are deleted, so these are leftovers of a crash.
 */
export async function removeStrayPartitions(
  ctx: Pick<PartitionDirsContext, 'io' | 'dataDir'>,
  listed: ReadonlyMap<string, number>,
  hasMetadataFile: boolean,
): Promise<void> {
  const { io, dataDir } = ctx;
  const strays = (await io.readdir(dataDir)).filter((e) => {
    const m = PARTITION_DIR.exec(e);
    if (m === null) return false;
    const count = listed.get(m[1]!);
    return count === undefined || Number(m[2]) >= count;
  });
  if (strays.length === 0) return;
  if (!hasMetadataFile) {
    // Partition data without any metadata file was not written by this engine's ordering:
    // refuse rather than delete what may be someone's only copy.
    const sample = strays.slice(0, 3).join(', ') + (strays.length > 3 ? ', ...' : '');
    throw new LogError(
      'KAFKA_STORAGE_ERROR',
      `${dataDir} has partition directories (${sample}) but no ${TOPIC_METADATA_FILE}`,
    );
  }
  for (const stray of strays) await io.rmdir(join(dataDir, stray));
}

export function throwFirst(results: readonly PromiseSettledResult<unknown>[]): void {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}
