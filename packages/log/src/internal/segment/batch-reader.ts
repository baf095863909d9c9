/**
 * Walks the record batches of a segment file region with large reads: headers are parsed
 * from a chunk buffer and a batch's bytes are served as a view into it, so scans cost one
 * read per chunk, not per batch. Structural damage (bad length, unknown magic, a batch that
 * runs past the end) is reported, not thrown: readers turn it into CORRUPT_MESSAGE, recovery
 * into a truncation point.
 */
import {
  CURRENT_MAGIC,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  RECORD_BATCH_OVERHEAD,
} from '@rill/protocol';
import type { FileHandle } from '../io/file-io.js';

/** The header fields the log needs of one stored batch. */
export interface StoredBatch {
  /** File position of the batch's first byte. */
  readonly position: number;
  /** Whole batch size in bytes (batchLength + 12). */
  readonly size: number;
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly maxTimestamp: number;
}

export type ScanStep =
  | { readonly kind: 'batch'; readonly batch: StoredBatch }
  | { readonly kind: 'end' }
  | { readonly kind: 'invalid'; readonly position: number; readonly reason: string };

const END: ScanStep = { kind: 'end' };

/** A chunk read ahead into `mem` at `ROOM`, leaving room in front for a straddling batch. */
interface Prefetch {
  readonly pos: number;
  readonly data: Promise<{ mem: Buffer; got: number }>;
}

/** Room kept in front of a read-ahead chunk: a batch straddling two chunks is copied there. */
const ROOM = 1024 * 1024 + 64 * 1024;

export class BatchReader {
  private buf: Buffer = Buffer.alloc(0);
  /** The whole allocation behind `buf` when it came from a prefetch (for recycling). */
  private mem: Buffer | null = null;
  /** A drained prefetch allocation, reused for the next prefetch when `recycle` is on. */
  private spare: Buffer | null = null;
  private bufPos = 0;
  private cur: number;
  private prefetch: Prefetch | null = null;

  /**
   * @param start file position of a batch boundary
   * @param end   first position not to read (the segment's valid size)
   * @param chunk preferred read size
   * @param readAhead for whole-file scans: read the next chunk while the caller works on this one
   * @param recycle reuse the two read-ahead buffers in turn instead of allocating one per chunk.
   *   Only for callers that never keep a batch view past the next call (recovery, index rebuilds):
   *   allocating a fresh multi-MiB buffer per chunk makes V8 collect garbage for most of a
   *   1 GB scan.
   */
  constructor(
    private readonly handle: FileHandle,
    start: number,
    private readonly end: number,
    private readonly chunk: number,
    private readonly readAhead = false,
    private readonly recycle = false,
  ) {
    this.cur = start;
  }

  private async readChunk(pos: number, n: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(n);
    const got = await this.handle.read(buf, 0, n, pos);
    return got === n ? buf : buf.subarray(0, got);
  }

  private startPrefetch(): void {
    const from = this.bufPos + this.buf.length;
    if (!this.readAhead || from >= this.end) return;
    const n = Math.min(this.chunk, this.end - from);
    const spare = this.spare;
    this.spare = null;
    const mem = spare !== null && spare.length >= ROOM + n ? spare : Buffer.allocUnsafe(ROOM + n);
    const data = this.handle.read(mem, ROOM, n, from).then((got) => ({ mem, got }));
    // Observed here so an abandoned prefetch is not an unhandled rejection; a caller that
    // uses it awaits `data` itself and sees the error.
    data.catch(() => undefined);
    this.prefetch = { pos: from, data };
  }

  /** Position of the next batch to be returned by {@link next}. */
  get position(): number {
    return this.cur;
  }

  /** Make [pos, pos+len) available in the chunk buffer; false if the region ends first. */
  private async ensure(pos: number, len: number): Promise<boolean> {
    if (pos + len > this.end) return false;
    if (this.buffered(pos, len)) return true;
    const pf = this.prefetch;
    this.prefetch = null;
    const bufEnd = this.bufPos + this.buf.length;
    if (pf !== null && pf.pos === bufEnd && pos >= this.bufPos && pos <= bufEnd && bufEnd - pos <= ROOM) {
      const { mem, got } = await pf.data;
      // Move the straddling tail of the current chunk into the room in front of the new one.
      const head = this.buf.subarray(pos - this.bufPos);
      head.copy(mem, ROOM - head.length);
      if (this.recycle) this.spare = this.mem;
      this.mem = mem;
      this.buf = mem.subarray(ROOM - head.length, ROOM + got);
      this.bufPos = pos;
      if (this.buffered(pos, len)) {
        this.startPrefetch();
        return true;
      }
    } else if (pf !== null && pf.pos === bufEnd && pos > bufEnd) {
      // A header-only scan skipped past the chunk's end: the next header usually lies in the
      // chunk already read ahead.
      const { mem, got } = await pf.data;
      if (pos + len <= bufEnd + got) {
        if (this.recycle) this.spare = this.mem;
        this.mem = mem;
        this.buf = mem.subarray(ROOM, ROOM + got);
        this.bufPos = bufEnd;
        this.startPrefetch();
        return true;
      }
    }
    this.buf = await this.readChunk(pos, Math.min(Math.max(len, this.chunk), this.end - pos));
    this.mem = null;
    this.bufPos = pos;
    this.startPrefetch();
    return this.buf.length >= len;
  }

  private buffered(pos: number, len: number): boolean {
    return pos >= this.bufPos && pos + len <= this.bufPos + this.buf.length;
  }

  /**
   * The next step without I/O when its header is already buffered, else null (then call
   * {@link next}). Scans use it to avoid an await per batch.
   */
  tryNext(): ScanStep | null {
    const pos = this.cur;
    if (pos >= this.end) return END;
    if (pos + RECORD_BATCH_OVERHEAD > this.end || !this.buffered(pos, RECORD_BATCH_OVERHEAD)) return null;
    return this.parse(pos);
  }

  /** Parse the next batch header and move past the batch. */
  async next(): Promise<ScanStep> {
    const pos = this.cur;
    if (pos >= this.end) return END;
    if (!(await this.ensure(pos, RECORD_BATCH_OVERHEAD))) {
      return {
        kind: 'invalid',
        position: pos,
        reason: `truncated batch header (${this.end - pos} bytes left)`,
      };
    }
    return this.parse(pos);
  }

  /** Parse the header at `pos`, which must be buffered. */
  private parse(pos: number): ScanStep {
    const b = this.buf;
    const p = pos - this.bufPos;
    const batchLength = b.readInt32BE(p + LENGTH_OFFSET);
    if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) {
      return { kind: 'invalid', position: pos, reason: `batch length ${batchLength} below the header size` };
    }
    const magic = b.readInt8(p + MAGIC_OFFSET);
    if (magic !== CURRENT_MAGIC) return { kind: 'invalid', position: pos, reason: `unknown magic ${magic}` };
    const size = batchLength + LOG_OVERHEAD;
    if (pos + size > this.end) {
      return {
        kind: 'invalid',
        position: pos,
        reason: `batch of ${size} bytes runs past the end (${this.end - pos} bytes left)`,
      };
    }
    const baseOffset = Number(b.readBigInt64BE(p));
    const lastOffsetDelta = b.readInt32BE(p + LAST_OFFSET_DELTA_OFFSET);
    if (baseOffset < 0 || lastOffsetDelta < 0) {
      return {
        kind: 'invalid',
        position: pos,
        reason: `bad offsets (base ${baseOffset}, last delta ${lastOffsetDelta})`,
      };
    }
    const maxTimestamp = Number(b.readBigInt64BE(p + MAX_TIMESTAMP_OFFSET));
    this.cur = pos + size;
    return {
      kind: 'batch',
      batch: { position: pos, size, baseOffset, lastOffset: baseOffset + lastOffsetDelta, maxTimestamp },
    };
  }

  /** The bytes of [pos, pos+len) when already buffered (a view), else null. */
  tryBytes(pos: number, len: number): Buffer | null {
    if (!this.buffered(pos, len)) return null;
    const p = pos - this.bufPos;
    return this.buf.subarray(p, p + len);
  }

  /** The bytes of [pos, pos+len) — a view when already buffered, otherwise one read. */
  async bytes(pos: number, len: number): Promise<Buffer> {
    if (!(await this.ensure(pos, len)))
      throw new RangeError(`region [${pos}, ${pos + len}) is beyond the end ${this.end}`);
    const p = pos - this.bufPos;
    return this.buf.subarray(p, p + len);
  }
}
