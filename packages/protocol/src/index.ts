/**
 * @rill/protocol — Kafka's byte formats: primitives, RecordBatch v2, compression.
 * This file is the package's only public surface.
 */

// Errors
export { ProtocolError, ProtocolErrorCodes } from './errors/protocol-error.js';
export type { ProtocolErrorCode, ProtocolErrorOptions } from './errors/protocol-error.js';
export { KafkaErrorCodes, kafkaErrorByCode, kafkaErrorByName } from './errors/kafka-error-codes.js';
export type { KafkaErrorCodeInfo, KafkaErrorName } from './errors/kafka-error-codes.js';

// Primitives
export { Writer } from './primitives/writer.js';
export type { TaggedField } from './primitives/writer.js';
export { Reader } from './primitives/reader.js';

// Compression
export { compress, decompress, compressionCodecName } from './compression/codecs.js';

// Record batches
export { CompressionCodec } from './record-batch/types.js';
export type {
  BatchHeader,
  BatchInput,
  CompressionCodecId,
  CompressionCodecName,
  ControlType,
  Record,
  RecordHeader,
  RecordInput,
  TimestampType,
} from './record-batch/types.js';
export {
  ATTR_COMPRESSION_MASK,
  ATTR_CONTROL_MASK,
  ATTR_DELETE_HORIZON_MASK,
  ATTR_TIMESTAMP_TYPE_MASK,
  ATTR_TRANSACTIONAL_MASK,
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  CRC_OFFSET,
  CURRENT_MAGIC,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORDS_COUNT_OFFSET,
  compressionOf,
  isControlBatch,
  isTransactional,
  readBatchHeader,
  timestampTypeOf,
} from './record-batch/header.js';
export { encodeRecordBatch } from './record-batch/encode.js';
export { decodeRecordBatch, forEachRecord } from './record-batch/decode.js';
export type { DecodeOptions, DecodedBatch } from './record-batch/decode.js';
export { computeBatchCrc, verifyBatchCrc } from './record-batch/crc.js';
export { setBaseOffset, stampLogAppendTime } from './record-batch/mutate.js';
export { validateBatch } from './record-batch/validate.js';
export type { ValidateOptions, ValidatedBatch } from './record-batch/validate.js';
export { completeBatchesLength, iterateBatches, splitBatches } from './record-batch/split.js';
export { decodeControlRecord, encodeControlBatch } from './record-batch/control.js';
export type { ControlBatchInput, ControlRecord } from './record-batch/control.js';

// ---------------------------------------------------------------------------
// API message codecs (src/messages/ hand-written glue, src/generated/ from schema/ by
// scripts/generate-codecs.ts). The generated index lists its exports explicitly: per API,
// the request/response types and encode/decode functions, plus ApiKeys, API_CODECS and
// the ApiRequests/ApiResponses maps.
// ---------------------------------------------------------------------------
export * from './generated/index.js';
export type { ApiCodec } from './messages/api-codec.js';
export {
  decodeRequestHeader,
  decodeResponseHeader,
  encodeRequestHeader,
  encodeResponseHeader,
  frameLength,
} from './messages/headers.js';
export type { RequestHeader, RequestHeaderVersion, ResponseHeaderVersion } from './messages/headers.js';
export {
  SUPPORTED_APIS,
  apiInfo,
  isKnownApiKey,
  requestHeaderVersion,
  responseHeaderVersion,
} from './messages/registry.js';
export type { ApiInfo } from './messages/registry.js';
export { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from './messages/dispatch.js';
export type { DecodedRequest } from './messages/dispatch.js';
export { UnsupportedRequestError } from './messages/errors.js';
export type { UnsupportedRequestInfo, UnsupportedRequestReason } from './messages/errors.js';
