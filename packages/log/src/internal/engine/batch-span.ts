import { isControlBatch, iterateBatches, readBatchHeader } from '@rill/protocol';

/** A stored batch with the offsets it covers. */
export interface BatchSpan {
  readonly batch: Buffer;
  /** lastOffset + 1: compaction may leave a batch with fewer records, never a shorter span. */
  readonly nextOffset: number;
  readonly isControl: boolean;
}

/** The complete batches in `buf` with the offsets each covers. */
export function* batchSpan(buf: Buffer): Generator<BatchSpan, void, undefined> {
  for (const batch of iterateBatches(buf)) {
    const h = readBatchHeader(batch);
    yield {
      batch,
      nextOffset: h.baseOffset + h.lastOffsetDelta + 1,
      isControl: isControlBatch(h.attributes),
    };
  }
}
