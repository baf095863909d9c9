/**
 * The sparse offset index of one segment, kept in memory and persisted whole: one entry
 * (relative offset int32, position int32) about every `index.interval.bytes` of log, in
 * Kafka's layout. The key is the base offset of the batch starting at `position` (Kafka
 * keys by the last offset of the append); with base offsets a sequential reader asking for
 * the next batch lands exactly on it instead of one batch earlier, saving a re-read.
 */
import { checkIndexHeader, INDEX_HEADER_SIZE, IndexKind, writeIndexHeader } from './index-header.js';

const ENTRY = 8;

export class OffsetIndex {
  private rel: Int32Array;
  private pos: Int32Array;
  private n = 0;

  constructor(
    readonly baseOffset: number,
    capacity = 16,
  ) {
    this.rel = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
  }

  get entries(): number {
    return this.n;
  }

  /** Last indexed position, 0 when empty. */
  get lastPosition(): number {
    return this.n === 0 ? 0 : this.pos[this.n - 1]!;
  }

  /** Add an entry; entries must be appended in increasing offset and position order. */
  append(offset: number, position: number): void {
    if (this.n === this.rel.length) {
      const rel = new Int32Array(this.n * 2);
      rel.set(this.rel);
      this.rel = rel;
      const pos = new Int32Array(this.n * 2);
      pos.set(this.pos);
      this.pos = pos;
    }
    this.rel[this.n] = offset - this.baseOffset;
    this.pos[this.n] = position;
    this.n++;
  }

  /** Position from which to scan for `offset`: the largest entry with offset <= target, else 0. */
  lookup(offset: number): number {
    const target = offset - this.baseOffset;
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rel[mid]! <= target) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : this.pos[found]!;
  }

  /** Drop entries pointing at or beyond `position` (after the log was truncated there). */
  truncateToPosition(position: number): void {
    while (this.n > 0 && this.pos[this.n - 1]! >= position) this.n--;
  }

  serialize(): Buffer {
    const buf = Buffer.allocUnsafe(INDEX_HEADER_SIZE + this.n * ENTRY);
    writeIndexHeader(buf, IndexKind.Offset, this.baseOffset);
    for (let i = 0, p = INDEX_HEADER_SIZE; i < this.n; i++, p += ENTRY) {
      buf.writeInt32BE(this.rel[i]!, p);
      buf.writeInt32BE(this.pos[i]!, p + 4);
    }
    return buf;
  }

  /**
   * Load a persisted index, checking its header and that entries increase and point inside
   * a log of `logSize` bytes. Returns the reason when it is unusable (the caller rebuilds).
   */
  static parse(buf: Buffer, baseOffset: number, logSize: number): OffsetIndex | string {
    const bad = checkIndexHeader(buf, IndexKind.Offset, baseOffset, ENTRY);
    if (bad !== null) return bad;
    const count = (buf.length - INDEX_HEADER_SIZE) / ENTRY;
    const idx = new OffsetIndex(baseOffset, Math.max(16, count));
    let prevRel = -1;
    let prevPos = -1;
    for (let i = 0, p = INDEX_HEADER_SIZE; i < count; i++, p += ENTRY) {
      const rel = buf.readInt32BE(p);
      const pos = buf.readInt32BE(p + 4);
      if (rel <= prevRel || pos <= prevPos || pos >= logSize)
        return `entry ${i} out of order or beyond the log`;
      idx.append(baseOffset + rel, pos);
      prevRel = rel;
      prevPos = pos;
    }
    return idx;
  }
}
