/**
 * Shapes of Kafka's RecordBatch v2 (magic 2), as Rill exposes them.
 *
 * Offsets, timestamps and producer ids are JS numbers: they must be safe integers
 * (|n| < 2^53). Kafka allows 63-bit values, but no single-node log reaches 2^53
 * offsets and numbers are many times faster than bigint on the hot path; a batch
 * carrying a value outside the safe range is rejected with a typed error.
 */

/** Kafka's compression codec ids (attributes bits 0-2). */
export const CompressionCodec = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodecName = keyof typeof CompressionCodec;
export type CompressionCodecId = (typeof CompressionCodec)[CompressionCodecName];

/** Kafka's timestamp types (attributes bit 3). */
export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** A record header: Kafka header keys are strings, values are nullable bytes. */
export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/** A record to encode. Missing timestamp means "the batch's base timestamp". */
export interface RecordInput {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: readonly RecordHeader[];
  /** Create time in ms since the epoch. */
  readonly timestamp?: number;
  /** Offset delta from the batch base offset; defaults to the record's index. */
  readonly offsetDelta?: number;
}

/** Everything needed to encode one batch. Defaults follow the Java producer's non-idempotent case. */
export interface BatchInput {
  readonly records: readonly RecordInput[];
  /** Default 0; the log assigns the real base offset on append. */
  readonly baseOffset?: number;
  /** Default -1. */
  readonly partitionLeaderEpoch?: number;
  /** Default 'none'. */
  readonly compression?: CompressionCodecName;
  /** Default 'CreateTime'. */
  readonly timestampType?: TimestampType;
  /** Default: first record's timestamp, else now. */
  readonly baseTimestamp?: number;
  /** Default: max record timestamp. For LogAppendTime this is the append time. */
  readonly maxTimestamp?: number;
  readonly isTransactional?: boolean;
  readonly isControl?: boolean;
  /** Default -1 (no producer). */
  readonly producerId?: number;
  /** Default -1. */
  readonly producerEpoch?: number;
  /** Default -1. */
  readonly baseSequence?: number;
  /**
   * Default: the largest record offsetDelta, or -1 for no records. Set it explicitly to keep
   * a batch's offset range when records were removed (as compaction does).
   */
  readonly lastOffsetDelta?: number;
}

/** The fixed 61-byte batch header, decoded. */
export interface BatchHeader {
  readonly baseOffset: number;
  /** Bytes after the length field: the whole batch is `batchLength + 12` bytes. */
  readonly batchLength: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordsCount: number;
}

/** A decoded record. key/value/header values are views into the batch (or its decompressed) buffer. */
export interface Record {
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
  readonly attributes: number;
}

/** Control record types (key schema: version int16, type int16). */
export type ControlType = 'ABORT' | 'COMMIT';
