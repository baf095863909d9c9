/**
 * The read side of a segment: serve whole batches from an offset, find a batch by
 * timestamp. Large reads through the descriptor cache; every batch served is CRC-verified,
 * and damage raises CORRUPT_MESSAGE naming the file and the offset (or position).
 */
import { verifyBatchCrc } from '@rill/protocol';
import { LogError } from '../../errors.js';
import { BatchReader, type StoredBatch } from './batch-reader.js';
import type { LogSegment } from './log-segment.js';

const MIN_READ = 64 * 1024;
const MAX_READ = 8 * 1024 * 1024;

export function corruptError(path: string, where: string, reason: string, cause?: unknown): LogError {
  return new LogError('CORRUPT_MESSAGE', `corrupt record batch in ${path} at ${where}: ${reason}`, {
    cause,
    retriable: false,
  });
}

/** Check the CRC of every batch in `bytes` (whole batches), naming the offset of a bad one. */
export function verifyBatches(path: string, bytes: Buffer): void {
  for (let p = 0; p < bytes.length;) {
    const size = bytes.readInt32BE(p + 8) + 12;
    const batch = bytes.subarray(p, p + size);
    try {
      verifyBatchCrc(batch);
    } catch (e) {
      throw corruptError(
        path,
        `offset ${Number(batch.readBigInt64BE(0))}`,
        e instanceof Error ? e.message : String(e),
        e,
      );
    }
    p += size;
  }
}

function requireIndexes(seg: LogSegment): NonNullable<LogSegment['offsetIndex']> {
  const oi = seg.offsetIndex;
  if (oi === null) throw new Error(`indexes of ${seg.logPath} are not loaded`);
  return oi;
}

export async function readBatches(
  seg: LogSegment,
  offset: number,
  maxBytes: number,
  maxOffset: number,
  minOneBatch: boolean,
): Promise<Buffer | null> {
  const start = requireIndexes(seg).lookup(offset);
  const lease = await seg.ctx.fds.acquire(seg.logPath);
  try {
    const chunk = Math.min(MAX_READ, Math.max(MIN_READ, maxBytes + 2 * seg.ctx.indexIntervalBytes()));
    const r = new BatchReader(lease.handle, start, seg.size, chunk);
    let first: StoredBatch | null = null;
    let end = 0;
    for (;;) {
      const s = r.tryNext() ?? (await r.next());
      if (s.kind === 'end') break;
      if (s.kind === 'invalid') throw corruptError(seg.logPath, `position ${s.position}`, s.reason);
      const b = s.batch;
      if (b.lastOffset < offset) continue;
      if (b.lastOffset >= maxOffset) break;
      if (first === null) {
        if (!minOneBatch && b.size > maxBytes) break;
        first = b;
        end = b.position + b.size;
      } else {
        if (end + b.size - first.position > maxBytes) break;
        end += b.size;
      }
    }
    if (first === null) return null;
    const bytes = await r.bytes(first.position, end - first.position);
    verifyBatches(seg.logPath, bytes);
    return bytes;
  } finally {
    lease.release();
  }
}

export async function findBatchByTimestamp(
  seg: LogSegment,
  timestamp: number,
  maxOffset: number,
  minOffset: number,
): Promise<Buffer | null> {
  const oi = requireIndexes(seg);
  const from = Math.max(minOffset, seg.timeIndex!.lookup(timestamp));
  const start = oi.lookup(from);
  const lease = await seg.ctx.fds.acquire(seg.logPath);
  try {
    const r = new BatchReader(lease.handle, start, seg.size, MIN_READ * 4);
    for (;;) {
      const s = r.tryNext() ?? (await r.next());
      if (s.kind === 'end') return null;
      if (s.kind === 'invalid') throw corruptError(seg.logPath, `position ${s.position}`, s.reason);
      const b = s.batch;
      if (b.lastOffset >= maxOffset) return null;
      if (b.lastOffset < from || b.maxTimestamp < timestamp) continue;
      const bytes = Buffer.from(await r.bytes(b.position, b.size));
      verifyBatches(seg.logPath, bytes);
      return bytes;
    }
  } finally {
    lease.release();
  }
}
