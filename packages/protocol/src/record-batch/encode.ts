import { compress } from '../compression/codecs.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { writeInt64Number } from '../internal/int64.js';
import { putVarint, putVarlong, sizeOfVarint, sizeOfVarlong } from '../internal/varint.js';
import { writeBatchCrc } from './crc.js';
import {
  ATTR_CONTROL_MASK,
  ATTR_TIMESTAMP_TYPE_MASK,
  ATTR_TRANSACTIONAL_MASK,
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
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
} from './header.js';
import { CompressionCodec, type BatchInput, type RecordInput } from './types.js';

/**
 * Encodes one RecordBatch v2 (magic 2), CRC included.
 *
 * Defaults follow the Java producer's non-idempotent case: producerId/epoch/baseSequence
 * and partitionLeaderEpoch -1, baseOffset 0, CreateTime, base timestamp = first record's.
 * Records without a timestamp get the base timestamp; without an offsetDelta, their index.
 *
 * @throws ProtocolError VALUE_OUT_OF_RANGE for a field outside its type (or outside the
 *   safe-integer range), INVALID_ARGUMENT for malformed input.
 * @example
 * ```ts
 * const batch = encodeRecordBatch({
 *   records: [{ key: Buffer.from('k'), value: Buffer.from('v'), timestamp: 1_700_000_000_000 }],
 *   compression: 'zstd',
 * });
 * ```
 */
export function encodeRecordBatch(input: BatchInput): Buffer {
  const records = input.records;
  const n = records.length;
  const first = records[0];
  const baseTimestamp = input.baseTimestamp ?? first?.timestamp ?? Date.now();
  checkSafe(baseTimestamp, 'baseTimestamp');

  // Pass 1: exact sizes, so the records are written into one allocation.
  const bodySizes = new Int32Array(n);
  let recordsSize = 0;
  let maxTs = baseTimestamp;
  let maxDelta = -1;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const ts = r.timestamp ?? baseTimestamp;
    if (!Number.isSafeInteger(ts)) checkSafe(ts, `timestamp of record ${i}`);
    if (ts > maxTs) maxTs = ts;
    const offsetDelta = r.offsetDelta ?? i;
    checkInt(offsetDelta, 0, 0x7fffffff, 'offsetDelta');
    if (offsetDelta > maxDelta) maxDelta = offsetDelta;
    const size = bodySize(r, ts - baseTimestamp, offsetDelta);
    bodySizes[i] = size;
    recordsSize += sizeOfVarint(size) + size;
  }

  const codec = input.compression ?? 'none';
  const codecId = CompressionCodec[codec];
  if (codecId === undefined)
    throw new ProtocolError('UNSUPPORTED_COMPRESSION_TYPE', `unknown codec ${String(codec)}`);
  let out: Buffer;
  if (codecId === CompressionCodec.none) {
    out = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD + recordsSize);
    writeRecords(out, RECORD_BATCH_OVERHEAD, records, bodySizes, baseTimestamp);
  } else {
    const raw = Buffer.allocUnsafe(recordsSize);
    writeRecords(raw, 0, records, bodySizes, baseTimestamp);
    const packed = compress(codec, raw);
    out = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD + packed.length);
    packed.copy(out, RECORD_BATCH_OVERHEAD);
  }

  let attributes = codecId;
  if (input.timestampType === 'LogAppendTime') attributes |= ATTR_TIMESTAMP_TYPE_MASK;
  if (input.isTransactional) attributes |= ATTR_TRANSACTIONAL_MASK;
  if (input.isControl) attributes |= ATTR_CONTROL_MASK;

  const maxTimestamp = input.maxTimestamp ?? maxTs;
  checkSafe(maxTimestamp, 'maxTimestamp');
  const lastOffsetDelta = input.lastOffsetDelta ?? maxDelta;
  checkInt(lastOffsetDelta, -1, 0x7fffffff, 'lastOffsetDelta');
  const partitionLeaderEpoch = input.partitionLeaderEpoch ?? -1;
  checkInt(partitionLeaderEpoch, -0x80000000, 0x7fffffff, 'partitionLeaderEpoch');
  const producerEpoch = input.producerEpoch ?? -1;
  checkInt(producerEpoch, -0x8000, 0x7fff, 'producerEpoch');
  const baseSequence = input.baseSequence ?? -1;
  checkInt(baseSequence, -0x80000000, 0x7fffffff, 'baseSequence');

  writeInt64Number(out, 0, input.baseOffset ?? 0);
  out.writeInt32BE(out.length - LOG_OVERHEAD, LENGTH_OFFSET);
  out.writeInt32BE(partitionLeaderEpoch, PARTITION_LEADER_EPOCH_OFFSET);
  out[MAGIC_OFFSET] = CURRENT_MAGIC;
  out.writeInt16BE(attributes, ATTRIBUTES_OFFSET);
  out.writeInt32BE(lastOffsetDelta, LAST_OFFSET_DELTA_OFFSET);
  writeInt64Number(out, BASE_TIMESTAMP_OFFSET, baseTimestamp);
  writeInt64Number(out, MAX_TIMESTAMP_OFFSET, maxTimestamp);
  writeInt64Number(out, PRODUCER_ID_OFFSET, input.producerId ?? -1);
  out.writeInt16BE(producerEpoch, PRODUCER_EPOCH_OFFSET);
  out.writeInt32BE(baseSequence, BASE_SEQUENCE_OFFSET);
  out.writeInt32BE(n, RECORDS_COUNT_OFFSET);
  writeBatchCrc(out);
  return out;
}

function bodySize(r: RecordInput, timestampDelta: number, offsetDelta: number): number {
  let size = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta);
  const key = r.key;
  const value = r.value;
  size += key === null ? 1 : sizeOfVarint(key.length) + key.length;
  size += value === null ? 1 : sizeOfVarint(value.length) + value.length;
  const headers = r.headers;
  if (headers === undefined || headers.length === 0) return size + 1;
  size += sizeOfVarint(headers.length);
  for (const h of headers) {
    if (typeof h.key !== 'string')
      throw new ProtocolError('INVALID_ARGUMENT', 'record header key must be a string');
    const kl = Buffer.byteLength(h.key, 'utf8');
    size += sizeOfVarint(kl) + kl;
    size += h.value === null ? 1 : sizeOfVarint(h.value.length) + h.value.length;
  }
  return size;
}

function writeRecords(
  buf: Buffer,
  pos: number,
  records: readonly RecordInput[],
  bodySizes: Int32Array,
  baseTimestamp: number,
): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    pos = putVarint(buf, pos, bodySizes[i]!);
    buf[pos++] = 0; // record attributes: unused in magic 2
    pos = putVarlong(buf, pos, (r.timestamp ?? baseTimestamp) - baseTimestamp);
    pos = putVarint(buf, pos, r.offsetDelta ?? i);
    pos = putBytes(buf, pos, r.key);
    pos = putBytes(buf, pos, r.value);
    const headers = r.headers;
    if (headers === undefined || headers.length === 0) {
      buf[pos++] = 0;
      continue;
    }
    pos = putVarint(buf, pos, headers.length);
    for (const h of headers) {
      const kl = Buffer.byteLength(h.key, 'utf8');
      pos = putVarint(buf, pos, kl);
      pos += buf.write(h.key, pos, kl, 'utf8');
      pos = putBytes(buf, pos, h.value);
    }
  }
}

function putBytes(buf: Buffer, pos: number, b: Uint8Array | null): number {
  if (b === null) {
    buf[pos] = 1; // zigzag(-1)
    return pos + 1;
  }
  const len = b.length;
  if (len < 64) buf[pos++] = len << 1;
  else pos = putVarint(buf, pos, len);
  buf.set(b, pos);
  return pos + len;
}

function checkSafe(n: number, what: string): void {
  if (!Number.isSafeInteger(n))
    throw new ProtocolError('VALUE_OUT_OF_RANGE', `${what} ${n} is not a safe integer`);
}

function checkInt(n: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ProtocolError('VALUE_OUT_OF_RANGE', `${what} ${n} is outside [${min}, ${max}]`);
  }
}
