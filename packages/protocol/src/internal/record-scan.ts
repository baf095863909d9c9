import { ProtocolError } from '../errors/protocol-error.js';
import type { Record, RecordHeader } from '../record-batch/types.js';

const EMPTY_HEADERS: readonly RecordHeader[] = Object.freeze([]);

/**
 * A record as a lazy view into a batch's (decompressed) record bytes. Only offset,
 * timestamp and positions are decoded up front; `key`, `value` and `headers` are built on
 * each access (key/value as zero-copy subarrays), so a scan that needs only offsets and
 * timestamps allocates one small object per record.
 */
export class RecordView implements Record {
  constructor(
    readonly offset: number,
    readonly timestamp: number,
    readonly attributes: number,
    private readonly buf: Buffer,
    private readonly keyStart: number,
    private readonly keyLength: number,
    private readonly valueStart: number,
    private readonly valueLength: number,
    private readonly headersStart: number,
    private readonly end: number,
  ) {}

  get key(): Buffer | null {
    return this.keyLength < 0 ? null : this.buf.subarray(this.keyStart, this.keyStart + this.keyLength);
  }

  get value(): Buffer | null {
    return this.valueLength < 0
      ? null
      : this.buf.subarray(this.valueStart, this.valueStart + this.valueLength);
  }

  /** Decoded on each access; CORRUPT_MESSAGE if the header bytes are malformed. */
  get headers(): readonly RecordHeader[] {
    if (this.buf[this.headersStart] === 0 && this.headersStart + 1 === this.end) return EMPTY_HEADERS;
    return decodeHeaders(this.buf, this.headersStart, this.end);
  }

  /** Size of the key in bytes, -1 for null, without creating a view. */
  get keySize(): number {
    return this.keyLength;
  }

  /** Size of the value in bytes, -1 for null, without creating a view. */
  get valueSize(): number {
    return this.valueLength;
  }
}

// Position after the last varint read; module state keeps the hot loop allocation-free.
let cursor = 0;

function corrupt(message: string): ProtocolError {
  return new ProtocolError('CORRUPT_MESSAGE', message);
}

/** Zigzag varint (int32) at p, bounded by limit; sets `cursor`. */
function readVarint(buf: Buffer, p: number, limit: number): number {
  let u = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (p >= limit) throw corrupt(`varint runs past the record end at ${p}`);
    const b = buf[p++]!;
    u |= (b & 0x7f) << shift;
    if (b < 0x80) {
      cursor = p;
      return (u >>> 1) ^ -(u & 1);
    }
  }
  throw corrupt(`varint longer than 5 bytes at ${p}`);
}

/** Zigzag varlong at p as a number (|n| <= 2^52); sets `cursor`. */
function readVarlong(buf: Buffer, p: number, limit: number): number {
  let z = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (p >= limit) throw corrupt(`varlong runs past the record end at ${p}`);
    const b = buf[p++]!;
    z += (b & 0x7f) * mul;
    if (b < 0x80) {
      if (z > Number.MAX_SAFE_INTEGER)
        throw new ProtocolError('VALUE_OUT_OF_RANGE', `varlong at ${p} exceeds 2^52`);
      cursor = p;
      return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    }
    mul *= 128;
  }
  throw corrupt(`varlong longer than 10 bytes at ${p}`);
}

/** Batch-level facts each record needs. */
export interface ScanContext {
  readonly baseOffset: number;
  readonly baseTimestamp: number;
  /** For LogAppendTime batches: the maxTimestamp every record reports. Undefined for CreateTime. */
  readonly logAppendTime: number | undefined;
  readonly count: number;
}

/**
 * Walks `count` records in buf[start, end), calling fn with a lazy view of each.
 * Checks every length against its record and the record against the section, and that
 * the section holds exactly `count` records.
 */
export function scanRecords(
  buf: Buffer,
  start: number,
  end: number,
  ctx: ScanContext,
  fn: (record: RecordView) => void,
): void {
  const { baseOffset, baseTimestamp, logAppendTime, count } = ctx;
  if (count < 0 || count > end - start)
    throw corrupt(`record count ${count} does not fit ${end - start} bytes`);
  let p = start;
  let b = 0;
  // Each varint takes a one-byte fast path (the common case for deltas and small keys) and
  // falls back to the bounded readers, which also produce the errors.
  for (let i = 0; i < count; i++) {
    let bodyLength: number;
    if (p < end && (b = buf[p]!) < 0x80) {
      bodyLength = (b >>> 1) ^ -(b & 1);
      p++;
    } else if (p + 1 < end && buf[p + 1]! < 0x80) {
      b = (b & 0x7f) | (buf[p + 1]! << 7);
      bodyLength = (b >>> 1) ^ -(b & 1);
      p += 2;
    } else {
      bodyLength = readVarint(buf, p, end);
      p = cursor;
    }
    const recordEnd = p + bodyLength;
    if (bodyLength < 6 || recordEnd > end)
      throw corrupt(`record ${i} length ${bodyLength} does not fit the batch`);
    const attributes = buf[p++]!;
    let timestampDelta: number;
    if ((b = buf[p]!) < 0x80) {
      timestampDelta = (b >>> 1) ^ -(b & 1);
      p++;
    } else {
      timestampDelta = readVarlong(buf, p, recordEnd);
      p = cursor;
    }
    let offsetDelta: number;
    if (p < recordEnd && (b = buf[p]!) < 0x80) {
      offsetDelta = (b >>> 1) ^ -(b & 1);
      p++;
    } else {
      offsetDelta = readVarint(buf, p, recordEnd);
      p = cursor;
    }
    let keyLength: number;
    if (p < recordEnd && (b = buf[p]!) < 0x80) {
      keyLength = (b >>> 1) ^ -(b & 1);
      p++;
    } else {
      keyLength = readVarint(buf, p, recordEnd);
      p = cursor;
    }
    const keyStart = p;
    if (keyLength < -1 || keyStart + keyLength > recordEnd)
      throw corrupt(`record ${i} key length ${keyLength} is invalid`);
    if (keyLength > 0) p += keyLength;
    let valueLength: number;
    if (p < recordEnd && (b = buf[p]!) < 0x80) {
      valueLength = (b >>> 1) ^ -(b & 1);
      p++;
    } else if (p + 1 < recordEnd && buf[p + 1]! < 0x80) {
      b = (b & 0x7f) | (buf[p + 1]! << 7);
      valueLength = (b >>> 1) ^ -(b & 1);
      p += 2;
    } else {
      valueLength = readVarint(buf, p, recordEnd);
      p = cursor;
    }
    const valueStart = p;
    const headersStart = valueLength > 0 ? valueStart + valueLength : valueStart;
    if (valueLength < -1 || headersStart >= recordEnd)
      throw corrupt(`record ${i} value length ${valueLength} is invalid`);
    fn(
      new RecordView(
        baseOffset + offsetDelta,
        logAppendTime ?? baseTimestamp + timestampDelta,
        attributes,
        buf,
        keyStart,
        keyLength,
        valueStart,
        valueLength,
        headersStart,
        recordEnd,
      ),
    );
    p = recordEnd;
  }
  if (p !== end) throw corrupt(`${end - p} bytes after the last of ${count} records`);
}

/** Decodes the header section at buf[start, end) of one record. */
export function decodeHeaders(buf: Buffer, start: number, end: number): RecordHeader[] {
  const n = readVarint(buf, start, end);
  if (n < 0 || n > end - cursor) throw corrupt(`record header count ${n} is invalid`);
  const headers: RecordHeader[] = new Array<RecordHeader>(n);
  let p = cursor;
  for (let i = 0; i < n; i++) {
    const kl = readVarint(buf, p, end);
    p = cursor;
    if (kl < 0 || p + kl > end) throw corrupt(`record header key length ${kl} is invalid`);
    const key = buf.toString('utf8', p, p + kl);
    p += kl;
    const vl = readVarint(buf, p, end);
    p = cursor;
    if (vl < -1 || p + vl > end) throw corrupt(`record header value length ${vl} is invalid`);
    headers[i] = { key, value: vl < 0 ? null : buf.subarray(p, p + vl) };
    if (vl > 0) p += vl;
  }
  if (p !== end) throw corrupt(`${end - p} bytes after the record headers`);
  return headers;
}
