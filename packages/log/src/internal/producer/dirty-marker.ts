/**
 * `producer-state.dirty`: present while producer or marker batches may exist past the last
 * clean-close snapshot. It is written (durably) before the first such batch after a clean close
 * reaches the log and removed by the next clean close. Recovery replays the log for producer
 * state only when it is present, so a partition without idempotent or transactional producers
 * never pays a second scan after an unclean stop.
 */
import { join } from 'node:path';
import type { FileIO } from '../io/file-io.js';

export const PRODUCERS_DIRTY_FILE = 'producer-state.dirty';

export function markProducersDirty(io: FileIO, dir: string): Promise<void> {
  return io.writeFileAtomic(join(dir, PRODUCERS_DIRTY_FILE), Buffer.from('rill-producer-state-dirty 1\n'));
}

export async function clearProducersDirty(io: FileIO, dir: string): Promise<void> {
  const path = join(dir, PRODUCERS_DIRTY_FILE);
  if (await io.exists(path)) {
    await io.unlink(path);
    await io.syncDir(dir);
  }
}

export function producersDirty(io: FileIO, dir: string): Promise<boolean> {
  return io.exists(join(dir, PRODUCERS_DIRTY_FILE));
}
