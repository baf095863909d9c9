/**
 * The cleaner checkpoint of one partition, `cleaner.checkpoint` in its directory: Kafka's
 * cleaner-offset-checkpoint entry for the partition (the first dirty offset: everything below
 * it has been compacted), plus the earliest delete horizon of a tombstone or marker still in the
 * cleaned part (KIP-534), so a restart knows when a pass is due to remove it. Text, versioned,
 * written atomically:
 *
 *   rill-cleaner-checkpoint 1
 *   first-dirty-offset <offset>
 *   delete-horizon-ms <ms, or -1 for none>
 *
 * Losing it (or reading an unusable one) is safe: the next pass starts from the log start and
 * compacts again what was already compacted.
 */
import { join } from 'node:path';
import { storageError } from '../../errors.js';
import type { FileIO } from '../io/file-io.js';

export const CLEANER_CHECKPOINT_FILE = 'cleaner.checkpoint';
const HEADER = 'rill-cleaner-checkpoint';
const VERSION = 1;

export interface CleanerCheckpoint {
  readonly firstDirtyOffset: number;
  /** Earliest delete horizon still pending in the cleaned range, -1 when none. */
  readonly deleteHorizonMs: number;
}

export const EMPTY_CLEANER_CHECKPOINT: CleanerCheckpoint = Object.freeze({
  firstDirtyOffset: 0,
  deleteHorizonMs: -1,
});

export function serializeCleanerCheckpoint(c: CleanerCheckpoint): Buffer {
  return Buffer.from(
    `${HEADER} ${VERSION}\nfirst-dirty-offset ${c.firstDirtyOffset}\ndelete-horizon-ms ${c.deleteHorizonMs}\n`,
  );
}

/** Parse a checkpoint; returns the reason when it is unusable. */
export function parseCleanerCheckpoint(buf: Buffer): CleanerCheckpoint | string {
  const lines = buf.toString('utf8').split('\n');
  if (lines[0] !== `${HEADER} ${VERSION}`) return `unknown header or version: ${JSON.stringify(lines[0])}`;
  const values = new Map<string, number>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const m = /^([a-z-]+) (-?\d+)$/.exec(line);
    if (m === null) return `malformed line ${JSON.stringify(line)}`;
    const n = Number(m[2]);
    if (!Number.isSafeInteger(n)) return `value out of range in ${JSON.stringify(line)}`;
    values.set(m[1]!, n);
  }
  const firstDirtyOffset = values.get('first-dirty-offset');
  const deleteHorizonMs = values.get('delete-horizon-ms');
  if (firstDirtyOffset === undefined || deleteHorizonMs === undefined || firstDirtyOffset < 0)
    return 'missing or invalid fields';
  return { firstDirtyOffset, deleteHorizonMs };
}

/** Read the checkpoint in `dir`: the empty checkpoint when missing or unusable (a full pass is always safe). */
export async function readCleanerCheckpoint(io: FileIO, dir: string): Promise<CleanerCheckpoint> {
  let buf: Buffer;
  try {
    buf = await io.readFile(join(dir, CLEANER_CHECKPOINT_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CLEANER_CHECKPOINT;
    throw storageError(`reading ${join(dir, CLEANER_CHECKPOINT_FILE)}`, e);
  }
  const c = parseCleanerCheckpoint(buf);
  return typeof c === 'string' ? EMPTY_CLEANER_CHECKPOINT : c;
}

export async function writeCleanerCheckpoint(io: FileIO, dir: string, c: CleanerCheckpoint): Promise<void> {
  try {
    await io.writeFileAtomic(join(dir, CLEANER_CHECKPOINT_FILE), serializeCleanerCheckpoint(c));
  } catch (e) {
    throw storageError(`writing ${join(dir, CLEANER_CHECKPOINT_FILE)}`, e);
  }
}
