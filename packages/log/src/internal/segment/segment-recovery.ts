/**
 * Validate a segment batch by batch after an unclean stop: structure (length, magic, bounds),
 * CRC, and increasing offsets. The first bad batch and everything after it is a torn or
 * corrupt tail: the file is truncated there. Indexes are rebuilt during the same pass.
 */
import { verifyBatchCrc } from '@rill/protocol';
import { BatchReader } from './batch-reader.js';
import type { LogSegment, SegmentContext } from './log-segment.js';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';

const CHUNK = 8 * 1024 * 1024;
const MAX_RELATIVE_OFFSET = 0x7fffffff;

export interface SegmentRecovery {
  /** Bytes cut from the end of the file (0 when the segment was intact). */
  readonly truncatedBytes: number;
  /** Why the tail was cut, or null. */
  readonly reason: string | null;
}

/**
 * @param minOffset the first offset this segment may hold (its base, or the previous segment's end)
 */
export async function recoverSegment(
  seg: LogSegment,
  ctx: SegmentContext,
  minOffset: number,
): Promise<SegmentRecovery> {
  const oi = new OffsetIndex(seg.baseOffset);
  const ti = new TimeIndex(seg.baseOffset);
  const interval = ctx.indexIntervalBytes();
  let next = Math.max(minOffset, seg.baseOffset);
  let maxTs = -1;
  let lastBase = -1;
  let since = 0;
  let reason: string | null = null;
  let validEnd = 0;
  const lease = await ctx.fds.acquire(seg.logPath);
  try {
    // Views are only CRC-checked and dropped, so the read-ahead buffers can be recycled.
    const r = new BatchReader(lease.handle, 0, seg.size, CHUNK, true, true);
    for (;;) {
      const s = r.tryNext() ?? (await r.next());
      if (s.kind === 'end') break;
      if (s.kind === 'invalid') {
        reason = s.reason;
        break;
      }
      const b = s.batch;
      if (b.baseOffset < next || b.lastOffset - seg.baseOffset > MAX_RELATIVE_OFFSET) {
        reason = `batch at position ${b.position} has offsets ${b.baseOffset}..${b.lastOffset}, expected >= ${next}`;
        break;
      }
      try {
        verifyBatchCrc(r.tryBytes(b.position, b.size) ?? (await r.bytes(b.position, b.size)));
      } catch (e) {
        reason = `batch at offset ${b.baseOffset}: ${e instanceof Error ? e.message : String(e)}`;
        break;
      }
      if (b.maxTimestamp > maxTs) maxTs = b.maxTimestamp;
      if (since > interval) {
        oi.append(b.baseOffset, b.position);
        ti.maybeAppend(maxTs, b.baseOffset);
        since = 0;
      }
      since += b.size;
      lastBase = b.baseOffset;
      next = b.lastOffset + 1;
      validEnd = b.position + b.size;
    }
  } finally {
    lease.release();
  }
  const truncatedBytes = seg.size - validEnd;
  if (truncatedBytes > 0) await seg.truncateTo(validEnd);
  seg.adopt({
    offsetIndex: oi,
    timeIndex: ti,
    nextOffset: lastBase < 0 ? seg.baseOffset : next,
    maxTimestamp: maxTs,
    lastBatchBase: lastBase,
    bytesSinceIndex: since,
  });
  return { truncatedBytes, reason: truncatedBytes > 0 ? reason : null };
}
