/**
 * The cleaner's read side over a partition's segments: closed segments as the kernel's
 * `CleanableSegment` (whole batches streamed with large reads, never the whole file in memory),
 * and the first batch's timestamp that `max.compaction.lag.ms` needs. Inactive segments never
 * change, so what is learned about one is cached on the segment object.
 */
import { MAX_TIMESTAMP_OFFSET, RECORD_BATCH_OVERHEAD } from '@rill/protocol';
import type { CleanableSegment } from '../cleaner/cleaner-pass.js';
import type { Partition } from '../partition/partition.js';
import { BatchReader } from '../segment/batch-reader.js';
import type { LogSegment } from '../segment/log-segment.js';
import { corruptError } from '../segment/segment-read.js';

/** Every whole batch of `seg` in file order, each a view valid until the consumer is done with it. */
export async function* segmentBatches(seg: LogSegment, chunkBytes: number): AsyncGenerator<Buffer> {
  const end = seg.size;
  const lease = await seg.ctx.fds.acquire(seg.logPath);
  try {
    const reader = new BatchReader(lease.handle, 0, end, chunkBytes, true);
    for (;;) {
      const step = reader.tryNext() ?? (await reader.next());
      if (step.kind === 'end') return;
      if (step.kind === 'invalid') throw corruptError(seg.logPath, `position ${step.position}`, step.reason);
      const { position, size } = step.batch;
      yield reader.tryBytes(position, size) ?? (await reader.bytes(position, size));
    }
  } finally {
    lease.release();
  }
}

/**
 * The closed segments of `p` that end at or below `upTo`, from the first one, as the cleaner
 * kernel sees them. `nextOffset` is the next segment's base, so a run covers offsets with no gap.
 */
export function cleanableSegments(p: Partition, upTo: number, chunkBytes: number): CleanableSegment[] {
  const segs = p.segments;
  const out: CleanableSegment[] = [];
  for (let i = 0; i + 1 < segs.length; i++) {
    const seg = segs[i]!;
    const nextOffset = segs[i + 1]!.baseOffset;
    if (nextOffset > upTo) break;
    out.push({
      baseOffset: seg.baseOffset,
      nextOffset,
      sizeBytes: seg.size,
      largestTimestamp: seg.maxTimestamp,
      readBatches: () => segmentBatches(seg, chunkBytes),
    });
  }
  return out;
}

const firstBatchTimestamps = new WeakMap<LogSegment, number>();

/**
 * The max timestamp of the segment's first batch (Kafka's getFirstBatchTimestamp), -1 when empty.
 * Read once per inactive segment: one header read.
 */
export async function firstBatchTimestamp(seg: LogSegment): Promise<number> {
  const known = firstBatchTimestamps.get(seg);
  if (known !== undefined) return known;
  if (seg.size < RECORD_BATCH_OVERHEAD) return -1;
  const lease = await seg.ctx.fds.acquire(seg.logPath);
  let ts: number;
  try {
    const head = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD);
    const got = await lease.handle.read(head, 0, RECORD_BATCH_OVERHEAD, 0);
    ts = got < RECORD_BATCH_OVERHEAD ? -1 : Number(head.readBigInt64BE(MAX_TIMESTAMP_OFFSET));
  } finally {
    lease.release();
  }
  if (!seg.isActive) firstBatchTimestamps.set(seg, ts);
  return ts;
}
