import { crc32c } from '@node-rs/crc32';
import { ProtocolError } from '../errors/protocol-error.js';
import {
  ATTRIBUTES_OFFSET,
  CRC_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  RECORD_BATCH_OVERHEAD,
} from './header.js';

/** The end of the batch at `pos`, checked against the buffer. */
export function batchEnd(buf: Buffer, pos = 0): number {
  if (buf.length - pos < RECORD_BATCH_OVERHEAD) {
    throw new ProtocolError(
      'TRUNCATED',
      `record batch needs ${RECORD_BATCH_OVERHEAD} header bytes, ${buf.length - pos} left`,
    );
  }
  const batchLength = buf.readInt32BE(pos + LENGTH_OFFSET);
  if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD) {
    throw new ProtocolError('CORRUPT_MESSAGE', `record batch length ${batchLength} is below the header size`);
  }
  const end = pos + LOG_OVERHEAD + batchLength;
  if (end > buf.length) {
    throw new ProtocolError(
      'TRUNCATED',
      `record batch of ${batchLength + LOG_OVERHEAD} bytes, ${buf.length - pos} available`,
    );
  }
  return end;
}

/**
 * CRC32C of the batch at the start of `buf`: attributes to the end of the batch, as Kafka computes it.
 *
 * @throws ProtocolError TRUNCATED/CORRUPT_MESSAGE if the length field does not fit the buffer.
 */
export function computeBatchCrc(buf: Buffer): number {
  return crc32c(buf.subarray(ATTRIBUTES_OFFSET, batchEnd(buf))) >>> 0;
}

/**
 * Checks the stored CRC of the batch at the start of `buf`.
 *
 * @throws ProtocolError CORRUPT_MESSAGE on a mismatch.
 */
export function verifyBatchCrc(buf: Buffer): void {
  const stored = buf.length >= RECORD_BATCH_OVERHEAD ? buf.readUInt32BE(CRC_OFFSET) : 0;
  const actual = computeBatchCrc(buf);
  if (stored !== actual) {
    throw new ProtocolError(
      'CORRUPT_MESSAGE',
      `record batch CRC mismatch: stored 0x${stored.toString(16)}, computed 0x${actual.toString(16)}`,
    );
  }
}

/** Recomputes and stores the CRC in place (after an edit to bytes the CRC covers). */
export function writeBatchCrc(buf: Buffer): void {
  buf.writeUInt32BE(computeBatchCrc(buf), CRC_OFFSET);
}
