/**
 * Writing producer-state snapshot files: atomically, keeping the two newest (an older one is the
 * fallback when a crash leaves the log shorter than the newest snapshot).
 */
import type { FileIO } from '../io/file-io.js';
import { listSnapshots, snapshotPath } from './snapshot.js';

const KEEP = 2;

export async function writeProducerSnapshot(
  io: FileIO,
  dir: string,
  offset: number,
  bytes: Buffer,
): Promise<void> {
  await io.writeFileAtomic(snapshotPath(dir, offset), bytes);
  const all = await listSnapshots(io, dir);
  for (const old of all.slice(0, Math.max(0, all.length - KEEP))) await io.unlink(snapshotPath(dir, old));
}
