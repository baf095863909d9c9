/**
 * Turning an append request into bytes ready for the log: validate producer batches (length,
 * magic, CRC, records), enforce `max.message.bytes`, apply the topic's `compression.type`
 * (recompress when it names a codec other than the producer's) and `message.timestamp.type`
 * (stamp LogAppendTime). Offsets are assigned later, in order, by {@link assignOffsets}.
 * Batches are edited in place: the caller hands over ownership of the buffer.
 */
import {
  type BatchHeader,
  type CompressionCodecName,
  type RecordInput,
  ATTR_COMPRESSION_MASK,
  compressionCodecName,
  decodeControlRecord,
  decodeRecordBatch,
  encodeRecordBatch,
  forEachRecord,
  isControlBatch,
  isTransactional,
  LAST_OFFSET_DELTA_OFFSET,
  LENGTH_OFFSET,
  LOG_OVERHEAD,
  MAX_TIMESTAMP_OFFSET,
  ProtocolError,
  RECORD_BATCH_OVERHEAD,
  setBaseOffset,
  stampLogAppendTime,
  timestampTypeOf,
  validateBatch,
} from '@rill/protocol';
import { LogError } from '../../errors.js';
import type { TopicConfig } from '../config/topic-config.js';
import type { ProducerBatchInfo } from '../producer/append-check.js';
import type { AppendedBatch } from '../segment/log-segment.js';
import type { AppendRecordsOptions } from './types.js';

interface PreparedBatch {
  readonly buf: Buffer;
  readonly lastOffsetDelta: number;
  maxTimestamp: number;
}

/** Validated batches awaiting offsets. */
export interface PreparedAppend {
  readonly parts: readonly PreparedBatch[];
  /** Total bytes. */
  readonly size: number;
  /** Records (offsets) the append consumes. */
  readonly offsetCount: number;
  /** The broker time stamped into the batches, or -1 (CreateTime). */
  readonly logAppendTime: number;
  /** The input buffer when it still holds exactly the parts (nothing recompressed): written as is. */
  readonly whole: Buffer | null;
  /** Producer fields of every part (producerId -1 for plain batches); null when no part has a producer id. */
  readonly producers: readonly ProducerBatchInfo[] | null;
}

const PLAIN: ProducerBatchInfo = {
  producerId: -1,
  producerEpoch: -1,
  baseSequence: -1,
  lastOffsetDelta: 0,
  isTransactional: false,
  control: null,
};

/** The producer fields of a validated batch, or null for a batch without a producer id. */
function producerInfo(batch: Buffer, h: BatchHeader): ProducerBatchInfo | null {
  const control = isControlBatch(h.attributes);
  if (h.producerId < 0 && !control) return null;
  let marker: ProducerBatchInfo['control'] = null;
  if (control) {
    forEachRecord(
      batch,
      (r) => {
        const c = decodeControlRecord(r);
        marker = { commit: c.type === 'COMMIT', coordinatorEpoch: c.coordinatorEpoch };
      },
      { verifyCrc: false },
    );
  }
  return {
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    lastOffsetDelta: h.lastOffsetDelta,
    isTransactional: isTransactional(h.attributes),
    control: marker,
  };
}

/** Map a ProtocolError from validation to the log's error, keeping it as the cause. */
export function toLogError(e: unknown): unknown {
  if (!(e instanceof ProtocolError)) return e;
  switch (e.code) {
    case 'CORRUPT_MESSAGE':
    case 'TRUNCATED':
      return new LogError('CORRUPT_MESSAGE', e.message, { cause: e, retriable: false });
    case 'UNSUPPORTED_MAGIC':
      return new LogError('UNSUPPORTED_FOR_MESSAGE_FORMAT', e.message, { cause: e });
    case 'UNSUPPORTED_COMPRESSION_TYPE':
      return new LogError('UNSUPPORTED_COMPRESSION_TYPE', e.message, { cause: e });
    default:
      return new LogError('INVALID_RECORD', e.message, { cause: e });
  }
}

function targetCodec(config: Readonly<TopicConfig>): CompressionCodecName | null {
  const t = config['compression.type'];
  if (t === 'producer') return null;
  return t === 'uncompressed' ? 'none' : t;
}

function checkSize(size: number, config: Readonly<TopicConfig>): void {
  const max = config['max.message.bytes'];
  if (size > max)
    throw new LogError('MESSAGE_TOO_LARGE', `record batch of ${size} bytes exceeds max.message.bytes=${max}`);
}

/** Re-encode a validated batch with another codec, keeping offsets deltas, timestamps and producer fields. */
function recompress(batch: Buffer, codec: CompressionCodecName): Buffer {
  const { header, records } = decodeRecordBatch(batch, { verifyCrc: false });
  const inputs: RecordInput[] = records.map((r) => ({
    key: r.key,
    value: r.value,
    headers: r.headers,
    timestamp: r.timestamp,
    offsetDelta: r.offset - header.baseOffset,
  }));
  return encodeRecordBatch({
    records: inputs,
    compression: codec,
    timestampType: timestampTypeOf(header.attributes),
    baseTimestamp: header.baseTimestamp,
    maxTimestamp: header.maxTimestamp,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    isTransactional: isTransactional(header.attributes),
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
  });
}

/** Validate and transform producer batches (one or more, concatenated). */
export function prepareProducerBatches(
  buf: Buffer,
  config: Readonly<TopicConfig>,
  now: number,
  allowControl = false,
): PreparedAppend {
  if (buf.length === 0)
    throw new LogError('INVALID_RECORD', 'an append must contain at least one record batch');
  const codec = targetCodec(config);
  const logAppendTime = config['message.timestamp.type'] === 'LogAppendTime' ? now : -1;
  const parts: PreparedBatch[] = [];
  let size = 0;
  let offsetCount = 0;
  let inPlace = true;
  let producers: ProducerBatchInfo[] | null = null;
  for (let pos = 0; pos < buf.length;) {
    if (buf.length - pos < RECORD_BATCH_OVERHEAD) {
      throw new LogError('CORRUPT_MESSAGE', `truncated record batch at byte ${pos} of the append`, {
        retriable: false,
      });
    }
    const batchSize = buf.readInt32BE(pos + LENGTH_OFFSET) + LOG_OVERHEAD;
    if (batchSize < RECORD_BATCH_OVERHEAD || pos + batchSize > buf.length) {
      throw new LogError(
        'CORRUPT_MESSAGE',
        `record batch at byte ${pos} declares ${batchSize} bytes, ${buf.length - pos} present`,
        { retriable: false },
      );
    }
    let batch = buf.subarray(pos, pos + batchSize);
    pos += batchSize;
    checkSize(batch.length, config);
    let validated;
    try {
      validated = validateBatch(batch, { allowControl });
      // Markers stay uncompressed whatever the topic's codec (re-encoding would drop the control flag).
      if (
        codec !== null &&
        !isControlBatch(validated.header.attributes) &&
        compressionCodecName(validated.header.attributes & ATTR_COMPRESSION_MASK) !== codec
      ) {
        batch = recompress(batch, codec);
        inPlace = false;
        checkSize(batch.length, config);
      }
      if (logAppendTime >= 0) stampLogAppendTime(batch, logAppendTime);
    } catch (e) {
      throw toLogError(e);
    }
    const maxTimestamp =
      logAppendTime >= 0 ? logAppendTime : Number(batch.readBigInt64BE(MAX_TIMESTAMP_OFFSET));
    let info: ProducerBatchInfo | null;
    try {
      info = producerInfo(batch, validated.header);
    } catch (e) {
      throw toLogError(e);
    }
    if (info !== null && producers === null)
      producers = parts.map((x) => ({ ...PLAIN, lastOffsetDelta: x.lastOffsetDelta }));
    if (producers !== null)
      producers.push(info ?? { ...PLAIN, lastOffsetDelta: validated.header.lastOffsetDelta });
    parts.push({ buf: batch, lastOffsetDelta: validated.header.lastOffsetDelta, maxTimestamp });
    size += batch.length;
    offsetCount += validated.header.lastOffsetDelta + 1;
  }
  if (size > config['segment.bytes']) {
    throw new LogError(
      'RECORD_LIST_TOO_LARGE',
      `append of ${size} bytes exceeds segment.bytes=${config['segment.bytes']}`,
    );
  }
  return { parts, size, offsetCount, logAppendTime, whole: inPlace ? buf : null, producers };
}

/** Encode records as one batch under the topic's compression and timestamp type. */
export function prepareRecords(
  records: readonly RecordInput[],
  options: AppendRecordsOptions,
  config: Readonly<TopicConfig>,
  now: number,
): PreparedAppend {
  if (records.length === 0)
    throw new LogError('INVALID_RECORD', 'an append must contain at least one record');
  const logAppendTime = config['message.timestamp.type'] === 'LogAppendTime' ? now : -1;
  let batch: Buffer;
  try {
    batch = encodeRecordBatch({
      records,
      compression: targetCodec(config) ?? options.compression ?? 'none',
      timestampType: logAppendTime >= 0 ? 'LogAppendTime' : 'CreateTime',
      baseTimestamp: records[0]!.timestamp ?? now,
      ...(logAppendTime >= 0 ? { maxTimestamp: logAppendTime } : {}),
      isTransactional: options.isTransactional ?? false,
      producerId: options.producerId ?? -1,
      producerEpoch: options.producerEpoch ?? -1,
      baseSequence: options.baseSequence ?? -1,
    });
  } catch (e) {
    throw toLogError(e);
  }
  checkSize(batch.length, config);
  const lastOffsetDelta = batch.readInt32BE(LAST_OFFSET_DELTA_OFFSET);
  const maxTimestamp = Number(batch.readBigInt64BE(MAX_TIMESTAMP_OFFSET));
  const producerId = options.producerId ?? -1;
  return {
    parts: [{ buf: batch, lastOffsetDelta, maxTimestamp }],
    size: batch.length,
    offsetCount: lastOffsetDelta + 1,
    logAppendTime,
    whole: batch,
    producers:
      producerId < 0
        ? null
        : [
            {
              producerId,
              producerEpoch: options.producerEpoch ?? -1,
              baseSequence: options.baseSequence ?? -1,
              lastOffsetDelta,
              isTransactional: options.isTransactional ?? false,
              control: null,
            },
          ],
  };
}

/**
 * Give the batches their offsets from `baseOffset` on; returns the write buffer (one, so the
 * segment writes it with one positional write) and the per-batch index facts.
 */
export function assignOffsets(
  p: PreparedAppend,
  baseOffset: number,
): { data: Buffer; batches: AppendedBatch[] } {
  const batches: AppendedBatch[] = [];
  let next = baseOffset;
  let relPos = 0;
  for (const part of p.parts) {
    setBaseOffset(part.buf, next);
    const lastOffset = next + part.lastOffsetDelta;
    batches.push({
      relPos,
      size: part.buf.length,
      baseOffset: next,
      lastOffset,
      maxTimestamp: part.maxTimestamp,
    });
    relPos += part.buf.length;
    next = lastOffset + 1;
  }
  const data = p.whole ?? (p.parts.length === 1 ? p.parts[0]!.buf : Buffer.concat(p.parts.map((x) => x.buf)));
  return { data, batches };
}
