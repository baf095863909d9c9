import type { BatchHeader, CompressionCodecId, TimestampType } from './types.js';

/** Byte positions in a RecordBatch v2, from Kafka's DefaultRecordBatch. */
export const BASE_OFFSET_OFFSET = 0;
export const LENGTH_OFFSET = 8;
/** Size of baseOffset + batchLength, which precede what batchLength counts. */
export const LOG_OVERHEAD = 12;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORDS_COUNT_OFFSET = 57;
/** Header size; the CRC covers bytes [ATTRIBUTES_OFFSET, end). */
export const RECORD_BATCH_OVERHEAD = 61;
export const CURRENT_MAGIC = 2;

export const ATTR_COMPRESSION_MASK = 0x07;
export const ATTR_TIMESTAMP_TYPE_MASK = 0x08;
export const ATTR_TRANSACTIONAL_MASK = 0x10;
export const ATTR_CONTROL_MASK = 0x20;
export const ATTR_DELETE_HORIZON_MASK = 0x40;

/**
 * Decode the fixed header of the batch starting at `pos` in `buf`. Does not check the CRC.
 * The caller must ensure at least RECORD_BATCH_OVERHEAD bytes are available.
 */
export function readBatchHeader(buf: Buffer, pos = 0): BatchHeader {
  return {
    baseOffset: Number(buf.readBigInt64BE(pos + BASE_OFFSET_OFFSET)),
    batchLength: buf.readInt32BE(pos + LENGTH_OFFSET),
    partitionLeaderEpoch: buf.readInt32BE(pos + PARTITION_LEADER_EPOCH_OFFSET),
    magic: buf.readInt8(pos + MAGIC_OFFSET),
    crc: buf.readUInt32BE(pos + CRC_OFFSET),
    attributes: buf.readInt16BE(pos + ATTRIBUTES_OFFSET),
    lastOffsetDelta: buf.readInt32BE(pos + LAST_OFFSET_DELTA_OFFSET),
    baseTimestamp: Number(buf.readBigInt64BE(pos + BASE_TIMESTAMP_OFFSET)),
    maxTimestamp: Number(buf.readBigInt64BE(pos + MAX_TIMESTAMP_OFFSET)),
    producerId: Number(buf.readBigInt64BE(pos + PRODUCER_ID_OFFSET)),
    producerEpoch: buf.readInt16BE(pos + PRODUCER_EPOCH_OFFSET),
    baseSequence: buf.readInt32BE(pos + BASE_SEQUENCE_OFFSET),
    recordsCount: buf.readInt32BE(pos + RECORDS_COUNT_OFFSET),
  };
}

export function compressionOf(attributes: number): CompressionCodecId {
  return (attributes & ATTR_COMPRESSION_MASK) as CompressionCodecId;
}

export function timestampTypeOf(attributes: number): TimestampType {
  return attributes & ATTR_TIMESTAMP_TYPE_MASK ? 'LogAppendTime' : 'CreateTime';
}

export function isTransactional(attributes: number): boolean {
  return (attributes & ATTR_TRANSACTIONAL_MASK) !== 0;
}

export function isControlBatch(attributes: number): boolean {
  return (attributes & ATTR_CONTROL_MASK) !== 0;
}
