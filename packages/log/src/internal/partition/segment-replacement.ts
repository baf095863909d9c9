/**
 * Crash-safe replacement of a run of old segments by one new segment (log compaction), as
 * Kafka does it: the new segment is written as `<base>.log.cleaned`, a versioned
 * `<base>.replace` marker records the range it supersedes, and the rename to `<base>.log.swap`
 * is the commit point. Then the old segments are renamed to `.deleted`, the swap file takes
 * its final name, and the leftovers are removed. Recovery ({@link completeReplacements})
 * finishes a committed replacement and discards an uncommitted one.
 *
 * The aborted-transactions index goes with it: entries whose ABORT marker lies in the replaced
 * range are carried into `<base>.txnindex.cleaned` (written before the commit point) when the
 * marker survives in the new segment, and dropped when it does not — compaction removes a marker
 * only once its transaction has no records left, and an entry without its marker would make a
 * read_committed consumer skip that producer's later transactions. Finishing renames the old
 * segments' `.txnindex` files away and the cleaned one into place; the base segment's file is
 * renamed away only while the cleaned one is still waiting, so a finish repeated after a crash
 * never removes the new file.
 *
 * `<base>.replace` (JSON): `{"version":1,"endOffset":<first offset NOT replaced>,"txnIndex":<bool>}`
 * (`txnIndex`: a `<base>.txnindex.cleaned` belongs to the replacement; absent means false).
 */
import {
  ATTR_CONTROL_MASK,
  ATTRIBUTES_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORDS_COUNT_OFFSET,
} from '@rill/protocol';
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
  TXN_INDEX_SUFFIX,
} from '../segment/file-names.js';
import { type AbortedTxn, encodeTxnIndex } from '../producer/txn-index.js';

const MARKER_VERSION = 1;

/** Writes the replacement segment; obtained from the partition's `beginSegmentReplacement`. */
export class SegmentReplacement {
  private size = 0;
  private nextOffset: number;
  private done = false;
  /** Aborted-index entries whose marker lies in the range, by marker offset. */
  private readonly candidates: Map<number, AbortedTxn>;
  /** Those whose marker the new segment keeps. */
  private readonly retained: AbortedTxn[] = [];

  constructor(
    private readonly io: FileIO,
    private readonly dir: string,
    readonly baseOffset: number,
    readonly endOffset: number,
    private readonly handle: FileHandle,
    private readonly onCommit: (r: SegmentReplacement, size: number) => Promise<void>,
    /** Called once the replacement ends without committing (aborted, or its commit failed). */
    private readonly onAbandon: () => Promise<void> = () => Promise.resolve(),
    /** Aborted-index entries whose ABORT marker lies in [baseOffset, endOffset). */
    aborted: readonly AbortedTxn[] = [],
  ) {
    this.nextOffset = baseOffset;
    this.candidates = new Map(aborted.map((e) => [e.lastOffset, e]));
  }

  /** The aborted-index entries of the range that the new segment keeps (their markers survived). */
  get keptAborted(): readonly AbortedTxn[] {
    return this.retained;
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
      if (this.candidates.size > 0) this.noteMarker(batches, p, last);
      p += size;
    }
    try {
      await this.handle.write(batches, this.size);
    } catch (e) {
      throw storageError(`writing ${this.cleanedPath}`, e);
    }
    this.size += batches.length;
  }

  /** An ABORT marker with its record still in it keeps its index entry (an emptied one does not). */
  private noteMarker(batches: Buffer, p: number, last: number): void {
    if ((batches.readInt16BE(p + ATTRIBUTES_OFFSET) & ATTR_CONTROL_MASK) === 0) return;
    if (batches.readInt32BE(p + RECORDS_COUNT_OFFSET) === 0) return;
    const e = this.candidates.get(last);
    if (e !== undefined && e.producerId === Number(batches.readBigInt64BE(p + PRODUCER_ID_OFFSET))) {
      this.retained.push(e);
      this.candidates.delete(last);
    }
  }

  private get txnIndexCleanedPath(): string {
    return segmentPath(this.dir, this.baseOffset, TXN_INDEX_SUFFIX + CLEANED_SUFFIX);
  }

  private async writeTxnIndex(): Promise<void> {
    const h = await this.io.open(this.txnIndexCleanedPath, 'rw');
    try {
      await h.truncate(0);
      await h.write(encodeTxnIndex(this.retained), 0);
      await h.sync();
    } finally {
      await h.close();
    }
  }

  /** Atomically put the new segment in place of every old segment based in [baseOffset, endOffset). */
  async commit(): Promise<void> {
    if (this.done) throw new LogError('CLOSED', 'segment replacement already committed or aborted');
    this.done = true;
    const txnIndex = this.retained.length > 0;
    try {
      await this.handle.sync();
      await this.handle.close();
      if (txnIndex) await this.writeTxnIndex();
      const marker = Buffer.from(
        JSON.stringify({ version: MARKER_VERSION, endOffset: this.endOffset, txnIndex }),
      );
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

  /** Whether the committed replacement brings a new `.txnindex` (for finishReplacement). */
  get hasTxnIndex(): boolean {
    return this.retained.length > 0;
  }

  /** Discard the new segment; nothing changes. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.handle.close();
      await this.io.unlink(this.cleanedPath);
      // A replacement at this base whose commit failed may have left one behind.
      await unlinkIfExists(this.io, this.txnIndexCleanedPath);
    } finally {
      await this.onAbandon();
    }
  }
}

const OLD_SUFFIXES = [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX, TXN_INDEX_SUFFIX];

async function unlinkIfExists(io: FileIO, path: string): Promise<void> {
  if (await io.exists(path)) await io.unlink(path);
}

/**
 * Second half of a committed replacement (also run by recovery): remove the superseded
 * segments' files, give the swap file (and the cleaned aborted-transactions index, if any) its
 * final name, drop the marker. Safe to repeat after a crash part-way.
 * @param oldBases base offsets of the old segments in [baseOffset, endOffset)
 * @param txnIndex the replacement wrote `<baseOffset>.txnindex.cleaned`
 */
export async function finishReplacement(
  io: FileIO,
  dir: string,
  baseOffset: number,
  oldBases: readonly number[],
  txnIndex: boolean,
): Promise<void> {
  const cleanedTxn = segmentPath(dir, baseOffset, TXN_INDEX_SUFFIX + CLEANED_SUFFIX);
  // Gone already means it took its final name before a crash: the base's .txnindex is the new one.
  const txnPending = txnIndex && (await io.exists(cleanedTxn));
  for (const b of oldBases) {
    for (const suffix of OLD_SUFFIXES) {
      if (suffix === TXN_INDEX_SUFFIX && b === baseOffset && txnIndex && !txnPending) continue;
      const p = segmentPath(dir, b, suffix);
      if (await io.exists(p)) await io.rename(p, p + DELETED_SUFFIX);
    }
  }
  // Before the log's rename: once the swap file is gone, recovery no longer finishes this.
  if (txnPending) await io.rename(cleanedTxn, segmentPath(dir, baseOffset, TXN_INDEX_SUFFIX));
  await io.rename(
    segmentPath(dir, baseOffset, LOG_SUFFIX + SWAP_SUFFIX),
    segmentPath(dir, baseOffset, LOG_SUFFIX),
  );
  await io.syncDir(dir);
  await io.unlink(segmentPath(dir, baseOffset, REPLACE_SUFFIX));
  for (const b of oldBases) {
    for (const suffix of OLD_SUFFIXES) await unlinkIfExists(io, segmentPath(dir, b, suffix + DELETED_SUFFIX));
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
      txnIndex?: unknown;
    };
    if (
      marker.version !== MARKER_VERSION ||
      typeof marker.endOffset !== 'number' ||
      (marker.txnIndex !== undefined && typeof marker.txnIndex !== 'boolean')
    ) {
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
    await finishReplacement(io, dir, p.baseOffset, [...oldBases], marker.txnIndex === true);
  }
}
