import { compressionCodecName } from '../compression/codecs.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { readInt64Number } from '../internal/int64.js';
import { checkedHeader, scanBatch } from './decode.js';
import { decodeControlRecord } from './control.js';
import {
  ATTR_COMPRESSION_MASK,
  ATTR_CONTROL_MASK,
  BASE_OFFSET_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  MAX_TIMESTAMP_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
} from './header.js';
import type { BatchHeader } from './types.js';

/** Options of {@link validateBatch}. */
export interface ValidateOptions {
  /** Accept control batches (only the transaction coordinator writes them). Default false. */
  readonly allowControl?: boolean;
}

/** What {@link validateBatch} learned while checking every record. */
export interface ValidatedBatch {
  readonly header: BatchHeader;
  /** Largest record timestamp (create time), for the time index. */
  readonly maxTimestamp: number;
  /** Offset delta of the first record carrying `maxTimestamp`. */
  readonly offsetDeltaOfMaxTimestamp: number;
}

/**
 * Fully validates one producer batch, which must fill `buf` exactly: magic 2, length,
 * CRC, safe-integer header fields, known codec, records count equal to
 * lastOffsetDelta + 1, consecutive offset deltas, every record and header well formed.
 *
 * @throws ProtocolError TRUNCATED, CORRUPT_MESSAGE, UNSUPPORTED_MAGIC,
 *   UNSUPPORTED_COMPRESSION_TYPE, INVALID_RECORD or VALUE_OUT_OF_RANGE.
 * @example
 * ```ts
 * const { header, maxTimestamp } = validateBatch(produceRecords);
 * ```
 */
export function validateBatch(buf: Buffer, options: ValidateOptions = {}): ValidatedBatch {
  if (buf.length < RECORD_BATCH_OVERHEAD) {
    throw new ProtocolError('CORRUPT_MESSAGE', `${buf.length} bytes cannot hold a record batch header`);
  }
  const declared = buf.readInt32BE(LENGTH_OFFSET) + LOG_OVERHEAD;
  if (declared !== buf.length) {
    throw new ProtocolError(
      'CORRUPT_MESSAGE',
      `batch length field says ${declared} bytes, got ${buf.length}`,
    );
  }
  const header = checkedHeader(buf, { verifyCrc: true });
  for (const at of [BASE_OFFSET_OFFSET, BASE_TIMESTAMP_OFFSET, MAX_TIMESTAMP_OFFSET, PRODUCER_ID_OFFSET]) {
    readInt64Number(buf, at);
  }
  compressionCodecName(header.attributes & ATTR_COMPRESSION_MASK);
  const isControl = (header.attributes & ATTR_CONTROL_MASK) !== 0;
  if (isControl && !options.allowControl) throw invalid('control batches cannot be produced by clients');
  if (header.recordsCount < 1) throw invalid('a produced batch must contain at least one record');
  if (header.recordsCount !== header.lastOffsetDelta + 1) {
    throw invalid(
      `records count ${header.recordsCount} does not match lastOffsetDelta ${header.lastOffsetDelta}`,
    );
  }

  let index = 0;
  let maxTimestamp = -Infinity;
  let offsetDeltaOfMaxTimestamp = 0;
  scanBatch(buf, header, (r) => {
    const delta = r.offset - header.baseOffset;
    if (delta !== index) throw invalid(`record ${index} has offset delta ${delta}`);
    if (!Number.isSafeInteger(r.timestamp)) {
      throw new ProtocolError('VALUE_OUT_OF_RANGE', `record ${index} timestamp is not a safe integer`);
    }
    if (r.timestamp > maxTimestamp) {
      maxTimestamp = r.timestamp;
      offsetDeltaOfMaxTimestamp = delta;
    }
    // Reading the headers parses them, so malformed header bytes are caught here.
    void r.headers;
    if (isControl) decodeControlRecord(r);
    index++;
  });
  if (isControl && index !== 1) throw invalid(`a control batch holds exactly one record, got ${index}`);
  return { header, maxTimestamp, offsetDeltaOfMaxTimestamp };
}

function invalid(message: string): ProtocolError {
  return new ProtocolError('INVALID_RECORD', message);
}
