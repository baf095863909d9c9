/**
 * The cleaner's write side: each group of segments the kernel cleans goes into one crash-safe
 * segment replacement (partition maintenance). Kept batches are gathered in a write buffer of
 * half of `log.cleaner.io.buffer.size` (the other half is the read buffer, as in Kafka) so the
 * cleaned file is written in large writes, not one per batch.
 *
 * On the way through, the writer notes what the next passes need to know: the earliest delete
 * horizon of a batch still holding a tombstone or a marker (KIP-534: a pass is due when it
 * passes).
 */
import {
  ATTR_CONTROL_MASK,
  ATTR_DELETE_HORIZON_MASK,
  ATTRIBUTES_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  forEachRecord,
  RECORDS_COUNT_OFFSET,
} from '@rill/protocol';
import type { CleanedSegmentWriter, CleanedSegmentWriterFactory } from '../cleaner/cleaner-pass.js';
import type { Partition } from '../partition/partition.js';

/** What a pass learns from the batches it keeps. */
export class PassObservations {
  /** Earliest delete horizon still pending (a batch with a tombstone or marker), +Infinity if none. */
  earliestHorizon = Number.POSITIVE_INFINITY;

  observe(batch: Buffer): void {
    const attrs = batch.readInt16BE(ATTRIBUTES_OFFSET);
    if ((attrs & ATTR_DELETE_HORIZON_MASK) === 0 || batch.readInt32BE(RECORDS_COUNT_OFFSET) === 0) return;
    const horizon = Number(batch.readBigInt64BE(BASE_TIMESTAMP_OFFSET));
    if (horizon >= this.earliestHorizon) return;
    // A data batch keeps its horizon after its tombstones are gone; only the ones that still
    // guard something call for a pass (a pass past the horizon removes them).
    if ((attrs & ATTR_CONTROL_MASK) !== 0 || holdsTombstone(batch)) this.earliestHorizon = horizon;
  }
}

function holdsTombstone(batch: Buffer): boolean {
  let found = false;
  forEachRecord(
    batch,
    (r) => {
      if (r.value === null) found = true;
    },
    { verifyCrc: false },
  );
  return found;
}

export interface CleanedWriterOptions {
  readonly writeBufferBytes: number;
  readonly observations: PassObservations;
}

export function cleanedWriterFactory(
  p: Partition,
  options: CleanedWriterOptions,
): CleanedSegmentWriterFactory {
  return async (group) => {
    const base = group[0]!.baseOffset;
    const end = group[group.length - 1]!.nextOffset;
    const replacement = await p.maintenance.beginSegmentReplacement(base, end);
    const buffer = Buffer.allocUnsafe(options.writeBufferBytes);
    let used = 0;
    const flush = async (): Promise<void> => {
      if (used === 0) return;
      const n = used;
      used = 0;
      // append() writes before it resolves, so the buffer is free again afterwards.
      await replacement.append(buffer.subarray(0, n));
    };
    const writer: CleanedSegmentWriter = {
      async append(batch) {
        options.observations.observe(batch);
        if (used + batch.length > buffer.length) await flush();
        if (batch.length > buffer.length) {
          await replacement.append(batch);
          return;
        }
        batch.copy(buffer, used);
        used += batch.length;
      },
      async finish() {
        await flush();
        await replacement.commit();
      },
      abort() {
        return replacement.abort();
      },
    };
    return writer;
  };
}
