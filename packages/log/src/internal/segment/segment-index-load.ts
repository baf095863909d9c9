/**
 * Loading an inactive segment's indexes: read and check the index files; if either is missing
 * or invalid, rebuild both from the log's batch headers (and persist them when the log is
 * structurally intact). Either way the segment learns its tail state (next offset, largest
 * timestamp) by walking the headers past the last index entry.
 */
import { BatchReader } from './batch-reader.js';
import type { LogSegment } from './log-segment.js';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';

const CHUNK = 8 * 1024 * 1024;

async function loadIndex<T>(
  seg: LogSegment,
  path: string,
  parse: (b: Buffer) => T | string,
): Promise<T | null> {
  let buf: Buffer;
  try {
    buf = await seg.ctx.io.readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const r = parse(buf);
  return typeof r === 'string' ? null : r;
}

/** Walk batch headers from `from`, optionally adding index entries, and adopt the result. True if damage stopped it. */
async function scanHeaders(
  seg: LogSegment,
  from: number,
  oi: OffsetIndex,
  ti: TimeIndex,
  addEntries: boolean,
): Promise<boolean> {
  const lease = await seg.ctx.fds.acquire(seg.logPath);
  try {
    // Only headers are read and no view is kept, so the read-ahead buffers can be recycled.
    const r = new BatchReader(lease.handle, from, seg.size, CHUNK, from === 0, true);
    const interval = seg.ctx.indexIntervalBytes();
    let next = seg.baseOffset;
    let maxTs = ti.lastTimestamp;
    let lastBase = -1;
    // Resuming after an index entry: the next append may index right away.
    let since = from === 0 ? 0 : interval + 1;
    let damaged = false;
    for (;;) {
      const s = r.tryNext() ?? (await r.next());
      if (s.kind === 'end') break;
      if (s.kind === 'invalid') {
        damaged = true;
        break;
      }
      const b = s.batch;
      if (b.maxTimestamp > maxTs) maxTs = b.maxTimestamp;
      if (addEntries && since > interval) {
        oi.append(b.baseOffset, b.position);
        ti.maybeAppend(maxTs, b.baseOffset);
        since = 0;
      }
      since += b.size;
      lastBase = b.baseOffset;
      next = b.lastOffset + 1;
    }
    seg.adopt({
      offsetIndex: oi,
      timeIndex: ti,
      nextOffset: next,
      maxTimestamp: maxTs,
      lastBatchBase: lastBase,
      bytesSinceIndex: since,
    });
    return damaged;
  } finally {
    lease.release();
  }
}

/**
 * @param upperOffset the next segment's base offset (time-index entries must lie below it)
 * @returns false when structural damage stopped the header walk (reads reaching it fail)
 */
export async function loadIndexes(seg: LogSegment, upperOffset: number): Promise<boolean> {
  const oi = await loadIndex(seg, seg.indexPath, (b) => OffsetIndex.parse(b, seg.baseOffset, seg.size));
  const ti = await loadIndex(seg, seg.timeIndexPath, (b) => TimeIndex.parse(b, seg.baseOffset, upperOffset));
  if (oi !== null && ti !== null) return !(await scanHeaders(seg, oi.lastPosition, oi, ti, false));
  // Missing or invalid: rebuild. Damage stops the rebuild there; reads that reach it report
  // CORRUPT_MESSAGE, so a partial index is adopted but not persisted.
  const damaged = await scanHeaders(
    seg,
    0,
    new OffsetIndex(seg.baseOffset),
    new TimeIndex(seg.baseOffset),
    true,
  );
  if (!damaged) await seg.writeIndexes();
  return !damaged;
}
