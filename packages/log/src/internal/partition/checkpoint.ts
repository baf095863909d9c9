/**
 * The per-partition checkpoint file `partition.checkpoint`: the recovery point (every offset
 * below it is fsynced, indexed and validated, so reopening never rescans it) and the log start
 * offset (advanced by DeleteRecords and retention). Text, versioned, written atomically:
 *
 *   rill-partition-checkpoint 1
 *   recovery-point <offset>
 *   log-start-offset <offset>
 */
import { join } from 'node:path';
import type { FileIO } from '../io/file-io.js';

export const CHECKPOINT_FILE = 'partition.checkpoint';
const HEADER = 'rill-partition-checkpoint';
const VERSION = 1;

export interface PartitionCheckpoint {
  readonly recoveryPoint: number;
  readonly logStartOffset: number;
}

export function serializeCheckpoint(c: PartitionCheckpoint): Buffer {
  return Buffer.from(
    `${HEADER} ${VERSION}\nrecovery-point ${c.recoveryPoint}\nlog-start-offset ${c.logStartOffset}\n`,
  );
}

/** Parse a checkpoint; returns the reason when the file is unusable. */
export function parseCheckpoint(buf: Buffer): PartitionCheckpoint | string {
  const lines = buf.toString('utf8').split('\n');
  if (lines[0] !== `${HEADER} ${VERSION}`) return `unknown header or version: ${JSON.stringify(lines[0])}`;
  const values = new Map<string, number>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const m = /^([a-z-]+) (\d+)$/.exec(line);
    if (m === null) return `malformed line ${JSON.stringify(line)}`;
    const n = Number(m[2]);
    if (!Number.isSafeInteger(n)) return `value out of range in ${JSON.stringify(line)}`;
    values.set(m[1]!, n);
  }
  const recoveryPoint = values.get('recovery-point');
  const logStartOffset = values.get('log-start-offset');
  if (recoveryPoint === undefined || logStartOffset === undefined) return 'missing fields';
  return { recoveryPoint, logStartOffset };
}

/** Read the checkpoint of `dir`; null when it is missing or unusable (the caller then recovers everything). */
export async function readCheckpoint(io: FileIO, dir: string): Promise<PartitionCheckpoint | null> {
  let buf: Buffer;
  try {
    buf = await io.readFile(join(dir, CHECKPOINT_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const c = parseCheckpoint(buf);
  return typeof c === 'string' ? null : c;
}

export function writeCheckpoint(io: FileIO, dir: string, c: PartitionCheckpoint): Promise<void> {
  return io.writeFileAtomic(join(dir, CHECKPOINT_FILE), serializeCheckpoint(c));
}
