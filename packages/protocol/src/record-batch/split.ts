import { ProtocolError } from '../errors/protocol-error.js';
import { LENGTH_OFFSET, LOG_OVERHEAD, RECORD_BATCH_OVERHEAD } from './header.js';

/**
 * Iterates over the batches concatenated in `buf`, yielding each as a view. Stops
 * cleanly at a partial trailing batch, as Fetch responses may end with one (Kafka cuts
 * them at the byte limit); check {@link completeBatchesLength} to learn where.
 *
 * @throws ProtocolError CORRUPT_MESSAGE for a length field smaller than a batch header.
 * @example
 * ```ts
 * for (const batch of iterateBatches(fetchedBytes)) forEachRecord(batch, handle);
 * ```
 */
export function* iterateBatches(buf: Buffer): Generator<Buffer, void, undefined> {
  let pos = 0;
  for (;;) {
    const end = nextBatchEnd(buf, pos);
    if (end < 0) return;
    yield buf.subarray(pos, end);
    pos = end;
  }
}

/** All complete batches in `buf`, as views (see {@link iterateBatches}). */
export function splitBatches(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  for (let end = nextBatchEnd(buf, 0); end >= 0; end = nextBatchEnd(buf, pos)) {
    out.push(buf.subarray(pos, end));
    pos = end;
  }
  return out;
}

/** Byte length of the complete batches at the start of `buf`: the rest is a partial batch (or nothing). */
export function completeBatchesLength(buf: Buffer): number {
  let pos = 0;
  for (let end = nextBatchEnd(buf, 0); end >= 0; end = nextBatchEnd(buf, pos)) pos = end;
  return pos;
}

/** End of the batch starting at pos, or -1 when fewer bytes than the whole batch remain. */
function nextBatchEnd(buf: Buffer, pos: number): number {
  if (buf.length - pos < LOG_OVERHEAD) return -1;
  const batchLength = buf.readInt32BE(pos + LENGTH_OFFSET);
  if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) {
    throw new ProtocolError(
      'CORRUPT_MESSAGE',
      `record batch at byte ${pos} has invalid length ${batchLength}`,
    );
  }
  const end = pos + LOG_OVERHEAD + batchLength;
  return end <= buf.length ? end : -1;
}
