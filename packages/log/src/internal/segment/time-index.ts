/**
 * The sparse time index of one segment: entries (timestamp int64, relative offset int32)
 * whose timestamps strictly increase. An entry (T, o) promises that every record in the
 * batches up to and including the one whose base offset is o has a timestamp <= T. A lookup
 * therefore starts from the largest entry with T < target and scans forward.
 */
import { checkIndexHeader, INDEX_HEADER_SIZE, IndexKind, writeIndexHeader } from './index-header.js';

const ENTRY = 12;

export class TimeIndex {
  private ts: Float64Array;
  private rel: Int32Array;
  private n = 0;

  constructor(
    readonly baseOffset: number,
    capacity = 16,
  ) {
    this.ts = new Float64Array(capacity);
    this.rel = new Int32Array(capacity);
  }

  get entries(): number {
    return this.n;
  }

  /** Largest timestamp recorded, -1 when empty. */
  get lastTimestamp(): number {
    return this.n === 0 ? -1 : this.ts[this.n - 1]!;
  }

  /** Record (timestamp, offset) if the timestamp is larger than the last entry's. */
  maybeAppend(timestamp: number, offset: number): void {
    if (timestamp <= this.lastTimestamp) return;
    if (this.n === this.ts.length) {
      const ts = new Float64Array(this.n * 2);
      ts.set(this.ts);
      this.ts = ts;
      const rel = new Int32Array(this.n * 2);
      rel.set(this.rel);
      this.rel = rel;
    }
    this.ts[this.n] = timestamp;
    this.rel[this.n] = offset - this.baseOffset;
    this.n++;
  }

  /** Offset to start scanning from for `timestamp`: the largest entry with T < timestamp, else the base offset. */
  lookup(timestamp: number): number {
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ts[mid]! < timestamp) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? this.baseOffset : this.baseOffset + this.rel[found]!;
  }

  /** Drop entries at or after `offset` (after the log was truncated there). */
  truncateToOffset(offset: number): void {
    while (this.n > 0 && this.baseOffset + this.rel[this.n - 1]! >= offset) this.n--;
  }

  serialize(): Buffer {
    const buf = Buffer.allocUnsafe(INDEX_HEADER_SIZE + this.n * ENTRY);
    writeIndexHeader(buf, IndexKind.Time, this.baseOffset);
    for (let i = 0, p = INDEX_HEADER_SIZE; i < this.n; i++, p += ENTRY) {
      buf.writeBigInt64BE(BigInt(this.ts[i]!), p);
      buf.writeInt32BE(this.rel[i]!, p + 8);
    }
    return buf;
  }

  /** Load a persisted time index; returns the reason when it is unusable (the caller rebuilds). */
  static parse(buf: Buffer, baseOffset: number, nextOffset: number): TimeIndex | string {
    const bad = checkIndexHeader(buf, IndexKind.Time, baseOffset, ENTRY);
    if (bad !== null) return bad;
    const count = (buf.length - INDEX_HEADER_SIZE) / ENTRY;
    const idx = new TimeIndex(baseOffset, Math.max(16, count));
    for (let i = 0, p = INDEX_HEADER_SIZE; i < count; i++, p += ENTRY) {
      const ts = Number(buf.readBigInt64BE(p));
      const rel = buf.readInt32BE(p + 8);
      if (ts <= idx.lastTimestamp || rel < 0 || baseOffset + rel >= nextOffset)
        return `entry ${i} out of order or beyond the log`;
      idx.maybeAppend(ts, baseOffset + rel);
    }
    return idx;
  }
}
