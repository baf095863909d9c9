/**
 * Crash-safe replacement of a run of old segments by one new segment (log compaction), as
 * Kafka does it: the new segment is written as `<base>.log.cleaned`, a versioned
 * `<base>.replace` marker records the range it supersedes, and the rename to `<base>.log.swap`
 * is the commit point. Then the old segments are renamed to `.deleted`, the swap file takes
 * its final name, and the leftovers are removed. Recovery ({@link completeReplacements})
 * finishes a committed replacement and discards an uncommitted one.
 *
 * `<base>.replace` (JSON): `{"version":1,"endOffset":<first offset NOT replaced>}`.
 */
import { LENGTH_OFFSET, LOG_OVERHEAD, RECORD_BATCH_OVERHEAD, LAST_OFFSET_DELTA_OFFSET } from '@rill/protocol';
import { join } from 'node:path';
import { LogError, storageError } from '../../errors.js';
import type { FileHandle, FileIO } from '../io/file-io.js';
import {
  CLEANED_SUFFIX,
  DELETED_SUFFIX,
  INDEX_SUFFIX,
  LOG_SUFFIX,
  parseSegmentName,
  REPLACE_SUFFIX,
  segmentPath,
  SWAP_SUFFIX,
  TIME_INDEX_SUFFIX,
} from '../segment/file-names.js';

const MARKER_VERSION = 1;

/** Writes the replacement segment; obtained from the partition's `beginSegmentReplacement`. */
export class SegmentReplacement {
  private size = 0;
  private nextOffset: number;
  private done = false;

  constructor(
    private readonly io: FileIO,
    private readonly dir: string,
    readonly baseOffset: number,
    readonly endOffset: number,
    private readonly handle: FileHandle,
    private readonly onCommit: (r: SegmentReplacement, size: number) => Promise<void>,
    /** Called once the replacement ends without committing (aborted, or its commit failed). */
    private readonly onAbandon: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.nextOffset = baseOffset;
  }

  get cleanedPath(): string {
    return segmentPath(this.dir, this.baseOffset, LOG_SUFFIX + CLEANED_SUFFIX);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /** Append whole batches with their final offsets: increasing, within [baseOffset, endOffset). */
  async append(batches: Buffer): Promise<void> {
    if (this.done) throw new LogError('CLOSED', 'segment replacement already committed or aborted');
    for (let p = 0; p < batches.length;) {
      if (batches.length - p < RECORD_BATCH_OVERHEAD)
        throw new LogError('INVALID_RECORD', 'replacement data holds a partial batch');
      const size = batches.readInt32BE(p + LENGTH_OFFSET) + LOG_OVERHEAD;
      const base = Number(batches.readBigInt64BE(p));
      const last = base + batches.readInt32BE(p + LAST_OFFSET_DELTA_OFFSET);
      if (size < RECORD_BATCH_OVERHEAD || p + size > batches.length)
        throw new LogError('INVALID_RECORD', 'replacement data holds a partial batch');
      if (base < this.nextOffset || last >= this.endOffset) {
        throw new LogError(
          'INVALID_RECORD',
          `replacement batch ${base}..${last} outside [${this.nextOffset}, ${this.endOffset})`,
        );
      }
      this.nextOffset = last + 1;
      p += size;
    }
    try {
      await this.handle.write(batches, this.size);
    } catch (e) {
      throw storageError(`writing ${this.cleanedPath}`, e);
    }
    this.size += batches.length;
  }

  /** Atomically put the new segment in place of every old segment based in [baseOffset, endOffset). */
  async commit(): Promise<void> {
    if (this.done) throw new LogError('CLOSED', 'segment replacement already committed or aborted');
    this.done = true;
    try {
      await this.handle.sync();
      await this.handle.close();
      const marker = Buffer.from(JSON.stringify({ version: MARKER_VERSION, endOffset: this.endOffset }));
      await this.io.writeFileAtomic(segmentPath(this.dir, this.baseOffset, REPLACE_SUFFIX), marker);
      await this.io.rename(
        this.cleanedPath,
        segmentPath(this.dir, this.baseOffset, LOG_SUFFIX + SWAP_SUFFIX),
      );
      await this.io.syncDir(this.dir);
    } catch (e) {
      // Recovery at the next open finishes or discards what this commit left on disk.
      const error = storageError(`committing the replacement of segment ${this.baseOffset}`, e);
      await this.onAbandon().catch((cleanup: unknown) => {
        throw new AggregateError([error, cleanup], error.message);
      });
      throw error;
    }
    await this.onCommit(this, this.size);
  }

  /** Discard the new segment; nothing changes. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.handle.close();
      await this.io.unlink(this.cleanedPath);
    } finally {
      await this.onAbandon();
    }
  }
}

async function unlinkIfExists(io: FileIO, path: string): Promise<void> {
  if (await io.exists(path)) await io.unlink(path);
}

/**
 * Second half of a committed replacement (also run by recovery): remove the superseded
 * segments' files, give the swap file its final name, drop the marker.
 * @param oldBases base offsets of the old segments in [baseOffset, endOffset)
 */
export async function finishReplacement(
  io: FileIO,
  dir: string,
  baseOffset: number,
  oldBases: readonly number[],
): Promise<void> {
  for (const b of oldBases) {
    for (const suffix of [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX]) {
      const p = segmentPath(dir, b, suffix);
      if (await io.exists(p)) await io.rename(p, p + DELETED_SUFFIX);
    }
  }
  await io.rename(
    segmentPath(dir, baseOffset, LOG_SUFFIX + SWAP_SUFFIX),
    segmentPath(dir, baseOffset, LOG_SUFFIX),
  );
  await io.syncDir(dir);
  await io.unlink(segmentPath(dir, baseOffset, REPLACE_SUFFIX));
  for (const b of oldBases) {
    for (const suffix of [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX])
      await unlinkIfExists(io, segmentPath(dir, b, suffix + DELETED_SUFFIX));
  }
  await io.syncDir(dir);
}

/** Recovery: complete committed replacements (a `.log.swap` exists), discard the others. */
export async function completeReplacements(io: FileIO, dir: string): Promise<void> {
  const names = await io.readdir(dir);
  const parsed = names.map((n) => ({ n, p: parseSegmentName(n) }));
  for (const { n, p } of parsed) {
    if (p === null || p.suffix !== REPLACE_SUFFIX || p.state !== '') continue;
    const swap = segmentPath(dir, p.baseOffset, LOG_SUFFIX + SWAP_SUFFIX);
    if (!(await io.exists(swap))) {
      // Not committed: the old segments are intact; drop the marker (the .cleaned file goes with the other leftovers).
      await io.unlink(join(dir, n));
      continue;
    }
    const marker = JSON.parse((await io.readFile(join(dir, n))).toString('utf8')) as {
      version?: unknown;
      endOffset?: unknown;
    };
    if (marker.version !== MARKER_VERSION || typeof marker.endOffset !== 'number') {
      throw new LogError('KAFKA_STORAGE_ERROR', `unreadable replacement marker ${join(dir, n)}`);
    }
    const end = marker.endOffset;
    const oldBases = new Set<number>();
    for (const q of parsed) {
      if (
        q.p !== null &&
        q.p.suffix !== REPLACE_SUFFIX &&
        q.p.state !== SWAP_SUFFIX &&
        q.p.baseOffset >= p.baseOffset &&
        q.p.baseOffset < end
      )
        oldBases.add(q.p.baseOffset);
    }
    await finishReplacement(io, dir, p.baseOffset, [...oldBases]);
  }
}
