/**
 * The aborted-transactions index (Kafka's TransactionIndex): one `<base>.txnindex` file per
 * segment, listing the transactions whose ABORT marker lies in that segment as fixed 34-byte
 * entries (version int16 = 0, producerId int64, firstOffset int64, lastOffset int64,
 * lastStableOffset int64). The whole index is also kept in memory, sorted by marker offset
 * (aborts are rare), so a read_committed fetch can list the aborted transactions it overlaps.
 * Entries at or after the producer-state replay point are rebuilt by replay on open, so an
 * entry lost in a crash is written again. Retention deletes a segment's file with the segment;
 * compaction rewrites the files of the segments it replaces (see partition/segment-replacement.ts).
 *
 * The in-memory list is replaced, never edited, when entries go (readers snapshot it with
 * {@link TxnIndex.view} before reading the log, so a compaction that swaps segments and entries
 * together cannot pair new bytes with old entries or the reverse); additions are appended in place.
 */
import { join } from 'node:path';
import type { FileIO } from '../io/file-io.js';
import { offsetToName, TXN_INDEX_SUFFIX } from '../segment/file-names.js';

export { TXN_INDEX_SUFFIX };
const ENTRY_SIZE = 34;
const ENTRY_VERSION = 0;

export interface AbortedTxn {
  readonly producerId: number;
  readonly firstOffset: number;
  /** Offset of the ABORT marker. */
  readonly lastOffset: number;
  /** The partition's last stable offset once the marker was written. */
  readonly lastStableOffset: number;
}

/** Kafka's FetchResponse aborted_transactions entry. */
export interface AbortedTransaction {
  readonly producerId: number;
  readonly firstOffset: number;
}

interface Stored extends AbortedTxn {
  /** Base offset of the segment whose index file holds it. */
  readonly fileBase: number;
}

/** The file bytes of `entries` (in order). */
export function encodeTxnIndex(entries: readonly AbortedTxn[]): Buffer {
  return Buffer.concat(entries.map(encode));
}

function encode(e: AbortedTxn): Buffer {
  const b = Buffer.alloc(ENTRY_SIZE);
  b.writeInt16BE(ENTRY_VERSION, 0);
  b.writeBigInt64BE(BigInt(e.producerId), 2);
  b.writeBigInt64BE(BigInt(e.firstOffset), 10);
  b.writeBigInt64BE(BigInt(e.lastOffset), 18);
  b.writeBigInt64BE(BigInt(e.lastStableOffset), 26);
  return b;
}

function decode(buf: Buffer, fileBase: number): Stored[] {
  const out: Stored[] = [];
  // A torn last entry (crash mid-write) is ignored; replay rewrites it.
  for (let p = 0; p + ENTRY_SIZE <= buf.length; p += ENTRY_SIZE) {
    if (buf.readInt16BE(p) !== ENTRY_VERSION) break;
    out.push({
      producerId: Number(buf.readBigInt64BE(p + 2)),
      firstOffset: Number(buf.readBigInt64BE(p + 10)),
      lastOffset: Number(buf.readBigInt64BE(p + 18)),
      lastStableOffset: Number(buf.readBigInt64BE(p + 26)),
      fileBase,
    });
  }
  return out;
}

export function txnIndexPath(dir: string, base: number): string {
  return join(dir, offsetToName(base) + TXN_INDEX_SUFFIX);
}

export class TxnIndex {
  private entries: Stored[] = [];

  constructor(
    private readonly io: FileIO,
    private readonly dir: string,
  ) {}

  /** Load every `.txnindex` file of the directory; files with only entries below `logStart` are removed. */
  async load(logStart: number): Promise<void> {
    const all: Stored[] = [];
    for (const name of await this.io.readdir(this.dir)) {
      if (!name.endsWith(TXN_INDEX_SUFFIX)) continue;
      const base = Number(name.slice(0, -TXN_INDEX_SUFFIX.length));
      const path = join(this.dir, name);
      if (!/^\d{20}$/.test(name.slice(0, -TXN_INDEX_SUFFIX.length)) || !Number.isSafeInteger(base)) continue;
      const entries = decode(await this.io.readFile(path), base).filter((e) => e.lastOffset >= logStart);
      if (entries.length === 0) await this.io.unlink(path);
      else all.push(...entries);
    }
    all.sort((a, b) => a.lastOffset - b.lastOffset);
    this.entries = all;
  }

  get size(): number {
    return this.entries.length;
  }

  all(): readonly AbortedTxn[] {
    return this.entries;
  }

  /** The current entries, for one read: later removals do not change what it lists. */
  view(): readonly AbortedTxn[] {
    return this.entries;
  }

  /**
   * Compaction replaced the segments based in [base, end) by one segment at `base`: entries whose
   * marker lies in the range become `kept` (already written to the new segment's file).
   */
  replaceRange(base: number, end: number, kept: readonly AbortedTxn[]): void {
    const out: Stored[] = this.entries.filter((e) => e.lastOffset < base || e.lastOffset >= end);
    for (const e of kept) out.push({ ...e, fileBase: base });
    out.sort((a, b) => a.lastOffset - b.lastOffset);
    this.entries = out;
  }

  /** Remember an entry (in memory); {@link persist} writes it. */
  add(e: AbortedTxn, fileBase: number): void {
    const s: Stored = { ...e, fileBase };
    const n = this.entries.length;
    if (n === 0 || this.entries[n - 1]!.lastOffset <= e.lastOffset) this.entries.push(s);
    else {
      this.entries.push(s);
      this.entries.sort((a, b) => a.lastOffset - b.lastOffset);
    }
  }

  /** Append entries to the index file of the segment based at `fileBase`, durably. */
  async persist(entries: readonly AbortedTxn[], fileBase: number): Promise<void> {
    if (entries.length === 0) return;
    const h = await this.io.open(txnIndexPath(this.dir, fileBase), 'rw');
    let created: boolean;
    try {
      const size = await h.size();
      created = size === 0;
      await h.write(Buffer.concat(entries.map(encode)), size);
      await h.sync();
    } finally {
      await h.close();
    }
    // A new file's directory entry is durable only once the directory is synced.
    if (created) await this.io.syncDir(this.dir);
  }

  /** Aborted transactions overlapping [fetchOffset, upperBound): Kafka's collectAbortedTxns (over `view`, default the current entries). */
  collect(
    fetchOffset: number,
    upperBound: number,
    view: readonly AbortedTxn[] = this.entries,
  ): AbortedTransaction[] {
    const out: AbortedTransaction[] = [];
    const es = view;
    let lo = 0;
    let hi = es.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (es[mid]!.lastOffset < fetchOffset) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < es.length; i++) {
      const e = es[i]!;
      if (e.firstOffset < upperBound) out.push({ producerId: e.producerId, firstOffset: e.firstOffset });
    }
    return out;
  }

  /** Forget entries whose marker is at or after `offset` and rewrite the files that held them (before a replay). */
  async truncateFrom(offset: number): Promise<void> {
    const dropped = this.entries.filter((e) => e.lastOffset >= offset);
    if (dropped.length === 0) return;
    this.entries = this.entries.filter((e) => e.lastOffset < offset);
    for (const base of new Set(dropped.map((e) => e.fileBase))) {
      const keep = this.entries.filter((e) => e.fileBase === base);
      const path = txnIndexPath(this.dir, base);
      if (keep.length === 0) await this.io.unlink(path);
      else await this.io.writeFileAtomic(path, encodeTxnIndex(keep));
    }
  }

  /** Forget entries wholly below the log start offset (their segments are gone). */
  dropBelow(logStart: number): void {
    if (this.entries.length > 0 && this.entries[0]!.lastOffset < logStart)
      this.entries = this.entries.filter((e) => e.lastOffset >= logStart);
  }

  /** The transaction of `producerId` that contains `offset` was aborted (for compaction). */
  isAborted(producerId: number, offset: number): boolean {
    for (const e of this.entries)
      if (e.producerId === producerId && e.firstOffset <= offset && offset <= e.lastOffset) return true;
    return false;
  }
}
