/**
 * Producer-state snapshots, `<20-digit offset>.snapshot` beside the segments (Kafka's
 * ProducerStateManager snapshots): the state of every producer after all offsets below
 * `offset`. Written atomically on segment roll and clean close; on open the newest snapshot not
 * past the log end is loaded and the log replayed from its offset. Binary and versioned:
 *
 *   version int16 (1) | crc32 uint32 of everything after it | count int32 | entries:
 *     producerId int64 | epoch int16 | coordinatorEpoch int32 | txnFirstOffset int64 |
 *     lastTimestamp int64 | batchCount int8 | batches: firstSeq int32 | lastSeq int32 |
 *     firstOffset int64 | lastOffset int64 | timestamp int64
 *
 * Unlike Kafka (which keeps only the last batch), all retained batches (up to 5) are stored, so
 * the dedup window survives a restart.
 */
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { FileIO } from '../io/file-io.js';
import { offsetToName } from '../segment/file-names.js';
import type { ProducerEntry } from './producer-entry.js';

export const SNAPSHOT_SUFFIX = '.snapshot';
const VERSION = 1;
const HEADER = 2 + 4 + 4;
const ENTRY_FIXED = 8 + 2 + 4 + 8 + 8 + 1;
const BATCH_SIZE = 4 + 4 + 8 + 8 + 8;

export function snapshotPath(dir: string, offset: number): string {
  return join(dir, offsetToName(offset) + SNAPSHOT_SUFFIX);
}

export function serializeSnapshot(entries: Iterable<ProducerEntry>): Buffer {
  const list = [...entries];
  let size = HEADER;
  for (const e of list) size += ENTRY_FIXED + e.batches.length * BATCH_SIZE;
  const b = Buffer.alloc(size);
  b.writeInt16BE(VERSION, 0);
  b.writeInt32BE(list.length, 6);
  let p = HEADER;
  for (const e of list) {
    b.writeBigInt64BE(BigInt(e.producerId), p);
    b.writeInt16BE(e.epoch, p + 8);
    b.writeInt32BE(e.coordinatorEpoch, p + 10);
    b.writeBigInt64BE(BigInt(e.txnFirstOffset), p + 14);
    b.writeBigInt64BE(BigInt(e.lastTimestamp), p + 22);
    b.writeInt8(e.batches.length, p + 30);
    p += ENTRY_FIXED;
    for (const x of e.batches) {
      b.writeInt32BE(x.firstSeq, p);
      b.writeInt32BE(x.lastSeq, p + 4);
      b.writeBigInt64BE(BigInt(x.firstOffset), p + 8);
      b.writeBigInt64BE(BigInt(x.lastOffset), p + 16);
      b.writeBigInt64BE(BigInt(x.timestamp), p + 24);
      p += BATCH_SIZE;
    }
  }
  b.writeUInt32BE(crc32(b.subarray(6)), 2);
  return b;
}

/** Parse a snapshot; returns the reason when it is unusable (the caller then uses an older one). */
export function parseSnapshot(b: Buffer): ProducerEntry[] | string {
  if (b.length < HEADER) return `snapshot of ${b.length} bytes is truncated`;
  const version = b.readInt16BE(0);
  if (version !== VERSION) return `unknown snapshot version ${version}`;
  if (b.readUInt32BE(2) !== crc32(b.subarray(6))) return 'snapshot CRC mismatch';
  const count = b.readInt32BE(6);
  const out: ProducerEntry[] = [];
  let p = HEADER;
  for (let i = 0; i < count; i++) {
    if (p + ENTRY_FIXED > b.length) return 'snapshot entry truncated';
    const n = b.readInt8(p + 30);
    const entry: ProducerEntry = {
      producerId: Number(b.readBigInt64BE(p)),
      epoch: b.readInt16BE(p + 8),
      coordinatorEpoch: b.readInt32BE(p + 10),
      txnFirstOffset: Number(b.readBigInt64BE(p + 14)),
      lastTimestamp: Number(b.readBigInt64BE(p + 22)),
      batches: [],
    };
    p += ENTRY_FIXED;
    if (n < 0 || p + n * BATCH_SIZE > b.length) return 'snapshot batch list truncated';
    for (let k = 0; k < n; k++) {
      entry.batches.push({
        firstSeq: b.readInt32BE(p),
        lastSeq: b.readInt32BE(p + 4),
        firstOffset: Number(b.readBigInt64BE(p + 8)),
        lastOffset: Number(b.readBigInt64BE(p + 16)),
        timestamp: Number(b.readBigInt64BE(p + 24)),
      });
      p += BATCH_SIZE;
    }
    out.push(entry);
  }
  if (p !== b.length) return 'trailing bytes after the snapshot entries';
  return out;
}

/** Offsets of the snapshots in `dir`, ascending. */
export async function listSnapshots(io: FileIO, dir: string): Promise<number[]> {
  const out: number[] = [];
  for (const name of await io.readdir(dir)) {
    if (!name.endsWith(SNAPSHOT_SUFFIX)) continue;
    const stem = name.slice(0, -SNAPSHOT_SUFFIX.length);
    const n = Number(stem);
    if (/^\d{20}$/.test(stem) && Number.isSafeInteger(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}
