import { decompress } from '../compression/codecs.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { type RecordView, scanRecords } from '../internal/record-scan.js';
import { batchEnd, verifyBatchCrc } from './crc.js';
import {
  ATTR_COMPRESSION_MASK,
  ATTR_TIMESTAMP_TYPE_MASK,
  CURRENT_MAGIC,
  MAGIC_OFFSET,
  RECORD_BATCH_OVERHEAD,
  readBatchHeader,
} from './header.js';
import type { BatchHeader, Record } from './types.js';

/** Options of {@link decodeRecordBatch} and {@link forEachRecord}. */
export interface DecodeOptions {
  /** Check the CRC32C before decoding. Default true: corrupt data is never served. */
  readonly verifyCrc?: boolean;
}

/** A decoded batch. */
export interface DecodedBatch {
  readonly header: BatchHeader;
  readonly records: Record[];
}

/**
 * Decodes the batch at the start of `buf` (trailing bytes after it are ignored).
 * Records are plain objects whose key, value and header values are views into `buf`
 * (or into the decompressed records), not copies.
 *
 * @throws ProtocolError TRUNCATED, CORRUPT_MESSAGE (bad CRC, malformed records),
 *   UNSUPPORTED_MAGIC, UNSUPPORTED_COMPRESSION_TYPE.
 * @example
 * ```ts
 * const { header, records } = decodeRecordBatch(encodeRecordBatch({ records: [{ key: null, value: Buffer.from('v') }] }));
 * ```
 */
export function decodeRecordBatch(buf: Buffer, options: DecodeOptions = {}): DecodedBatch {
  const header = checkedHeader(buf, options);
  const records: Record[] = [];
  scanBatch(buf, header, (r) => {
    records.push({
      offset: r.offset,
      timestamp: r.timestamp,
      key: r.key,
      value: r.value,
      headers: r.headers,
      attributes: r.attributes,
    });
  });
  return { header, records };
}

/**
 * Calls `fn` for each record of the batch at the start of `buf`, in order. The fast
 * path for scans: each record is a lazy view whose key/value/headers are decoded only
 * when read, so do not keep the view longer than the batch buffer is valid.
 *
 * @throws the same errors as {@link decodeRecordBatch}; a record that fails to parse
 *   throws after earlier records were delivered.
 * @example
 * ```ts
 * let bytes = 0;
 * forEachRecord(batch, (r) => { bytes += r.value?.length ?? 0; });
 * ```
 */
export function forEachRecord(buf: Buffer, fn: (record: Record) => void, options: DecodeOptions = {}): void {
  scanBatch(buf, checkedHeader(buf, options), fn);
}

/** Header of the batch at the start of `buf`, after the length, magic and (optionally) CRC checks. */
export function checkedHeader(buf: Buffer, options: DecodeOptions = {}): BatchHeader {
  batchEnd(buf);
  const magic = buf.readInt8(MAGIC_OFFSET);
  if (magic !== CURRENT_MAGIC) {
    throw new ProtocolError('UNSUPPORTED_MAGIC', `record batch magic ${magic} is not supported (only 2)`);
  }
  if (options.verifyCrc !== false) verifyBatchCrc(buf);
  return readBatchHeader(buf);
}

/** Decompresses as needed and scans the records of a batch whose header was checked. */
export function scanBatch(buf: Buffer, header: BatchHeader, fn: (record: RecordView) => void): void {
  const end = header.batchLength + 12;
  const codec = header.attributes & ATTR_COMPRESSION_MASK;
  const logAppendTime = header.attributes & ATTR_TIMESTAMP_TYPE_MASK ? header.maxTimestamp : undefined;
  const ctx = {
    baseOffset: header.baseOffset,
    baseTimestamp: header.baseTimestamp,
    logAppendTime,
    count: header.recordsCount,
  };
  if (codec === 0) {
    scanRecords(buf, RECORD_BATCH_OVERHEAD, end, ctx, fn);
    return;
  }
  const raw = decompress(codec, buf.subarray(RECORD_BATCH_OVERHEAD, end));
  scanRecords(raw, 0, raw.length, ctx, fn);
}
