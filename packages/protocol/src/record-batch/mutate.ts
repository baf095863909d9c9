import { ProtocolError } from '../errors/protocol-error.js';
import { writeInt64Number } from '../internal/int64.js';
import { batchEnd, writeBatchCrc } from './crc.js';
import {
  ATTR_TIMESTAMP_TYPE_MASK,
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  MAX_TIMESTAMP_OFFSET,
} from './header.js';

/**
 * Sets the base offset of the batch at the start of `buf`, in place. The base offset
 * lies outside the CRC, so the CRC stays valid.
 *
 * @throws ProtocolError VALUE_OUT_OF_RANGE unless `offset` is a non-negative safe integer.
 * @example
 * ```ts
 * setBaseOffset(batch, logEndOffset);
 * ```
 */
export function setBaseOffset(buf: Buffer, offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new ProtocolError(
      'VALUE_OUT_OF_RANGE',
      `base offset ${offset} must be a non-negative safe integer`,
    );
  }
  if (buf.length < 8) throw new ProtocolError('TRUNCATED', 'record batch shorter than its base offset field');
  writeInt64Number(buf, BASE_OFFSET_OFFSET, offset);
}

/**
 * Marks the batch at the start of `buf` as LogAppendTime with `timestamp` as its
 * maxTimestamp (which every record then reports), and recomputes the CRC, in place —
 * what a broker does for topics with `message.timestamp.type=LogAppendTime`.
 *
 * @throws ProtocolError VALUE_OUT_OF_RANGE for a non-safe-integer timestamp; TRUNCATED or
 *   CORRUPT_MESSAGE if the buffer does not hold the batch its length field announces.
 */
export function stampLogAppendTime(buf: Buffer, timestamp: number): void {
  batchEnd(buf);
  if (!Number.isSafeInteger(timestamp)) {
    throw new ProtocolError('VALUE_OUT_OF_RANGE', `timestamp ${timestamp} is not a safe integer`);
  }
  buf.writeInt16BE(buf.readInt16BE(ATTRIBUTES_OFFSET) | ATTR_TIMESTAMP_TYPE_MASK, ATTRIBUTES_OFFSET);
  writeInt64Number(buf, MAX_TIMESTAMP_OFFSET, timestamp);
  writeBatchCrc(buf);
}
