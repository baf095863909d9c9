import { ProtocolError } from '../errors/protocol-error.js';
import { writeInt64Number } from '../internal/int64.js';
import { putUnsignedVarint, putVarint, putVarlong, sizeOfVarlong } from '../internal/varint.js';

/** A tagged field as written in flexible-version messages: tag number and raw bytes. */
export interface TaggedField {
  readonly tag: number;
  readonly data: Uint8Array;
}

/**
 * A growable big-endian buffer writer for Kafka's primitive types.
 *
 * Every method returns `this`, so writes chain. Integers are checked against their
 * type's range (VALUE_OUT_OF_RANGE) rather than silently wrapped.
 *
 * @example
 * ```ts
 * const bytes = new Writer().int16(18).int16(3).int32(7).compactString('rill').toBuffer();
 * ```
 */
export class Writer {
  private buf: Buffer;
  private pos = 0;

  /** @param initialCapacity bytes to allocate up front (grows by doubling). */
  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialCapacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(n: number): this {
    checkRange(n, -0x80, 0x7f, 'int8');
    this.ensure(1);
    this.buf.writeInt8(n, this.pos);
    this.pos += 1;
    return this;
  }

  uint8(n: number): this {
    checkRange(n, 0, 0xff, 'uint8');
    this.ensure(1);
    this.buf[this.pos++] = n;
    return this;
  }

  boolean(b: boolean): this {
    return this.uint8(b ? 1 : 0);
  }

  int16(n: number): this {
    checkRange(n, -0x8000, 0x7fff, 'int16');
    this.ensure(2);
    this.buf.writeInt16BE(n, this.pos);
    this.pos += 2;
    return this;
  }

  uint16(n: number): this {
    checkRange(n, 0, 0xffff, 'uint16');
    this.ensure(2);
    this.buf.writeUInt16BE(n, this.pos);
    this.pos += 2;
    return this;
  }

  int32(n: number): this {
    checkRange(n, -0x80000000, 0x7fffffff, 'int32');
    this.ensure(4);
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4;
    return this;
  }

  uint32(n: number): this {
    checkRange(n, 0, 0xffffffff, 'uint32');
    this.ensure(4);
    this.buf.writeUInt32BE(n, this.pos);
    this.pos += 4;
    return this;
  }

  /** int64 from a safe-integer number. */
  int64(n: number): this {
    this.ensure(8);
    writeInt64Number(this.buf, this.pos, n);
    this.pos += 8;
    return this;
  }

  /** int64 from a bigint, for values outside the safe range. */
  int64Big(n: bigint): this {
    checkRange(n, -(2n ** 63n), 2n ** 63n - 1n, 'int64');
    this.ensure(8);
    this.buf.writeBigInt64BE(n, this.pos);
    this.pos += 8;
    return this;
  }

  float64(n: number): this {
    this.ensure(8);
    this.buf.writeDoubleBE(n, this.pos);
    this.pos += 8;
    return this;
  }

  /** 16 raw bytes (Kafka's uuid type). */
  uuid(bytes: Uint8Array): this {
    if (bytes.length !== 16)
      throw new ProtocolError('INVALID_ARGUMENT', `uuid must be 16 bytes, got ${bytes.length}`);
    return this.raw(bytes);
  }

  /** Zigzag varint (Kafka's `varint`, int32). */
  varint(n: number): this {
    checkRange(n, -0x80000000, 0x7fffffff, 'varint');
    this.ensure(5);
    this.pos = putVarint(this.buf, this.pos, n);
    return this;
  }

  /** Zigzag varlong (Kafka's `varlong`), for |n| <= 2^52. */
  varlong(n: number): this {
    this.ensure(sizeOfVarlong(n));
    this.pos = putVarlong(this.buf, this.pos, n);
    return this;
  }

  /** Unsigned varint (uint32), as used for compact lengths and tags. */
  unsignedVarint(n: number): this {
    checkRange(n, 0, 0xffffffff, 'unsigned varint');
    this.ensure(5);
    this.pos = putUnsignedVarint(this.buf, this.pos, n);
    return this;
  }

  /** Raw bytes with no length prefix. */
  raw(bytes: Uint8Array): this {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** int16 length + UTF-8. */
  string(s: string): this {
    const len = Buffer.byteLength(s, 'utf8');
    this.int16(len);
    this.ensure(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
    return this;
  }

  /** int16 length (-1 for null) + UTF-8. */
  nullableString(s: string | null): this {
    return s === null ? this.int16(-1) : this.string(s);
  }

  /** unsigned varint (length + 1) + UTF-8. */
  compactString(s: string): this {
    const len = Buffer.byteLength(s, 'utf8');
    this.unsignedVarint(len + 1);
    this.ensure(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
    return this;
  }

  /** unsigned varint (length + 1, 0 for null) + UTF-8. */
  compactNullableString(s: string | null): this {
    return s === null ? this.unsignedVarint(0) : this.compactString(s);
  }

  /** int32 length + bytes. */
  bytes(b: Uint8Array): this {
    return this.int32(b.length).raw(b);
  }

  /** int32 length (-1 for null) + bytes. */
  nullableBytes(b: Uint8Array | null): this {
    return b === null ? this.int32(-1) : this.bytes(b);
  }

  /** unsigned varint (length + 1) + bytes. */
  compactBytes(b: Uint8Array): this {
    return this.unsignedVarint(b.length + 1).raw(b);
  }

  /** unsigned varint (length + 1, 0 for null) + bytes. */
  compactNullableBytes(b: Uint8Array | null): this {
    return b === null ? this.unsignedVarint(0) : this.compactBytes(b);
  }

  /** varint length (-1 for null) + bytes, as in record keys, values and header values. */
  varintBytes(b: Uint8Array | null): this {
    if (b === null) return this.varint(-1);
    return this.varint(b.length).raw(b);
  }

  /** varint length + UTF-8, as in record header keys. */
  varintString(s: string): this {
    const len = Buffer.byteLength(s, 'utf8');
    this.varint(len);
    this.ensure(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
    return this;
  }

  /** int32 count (-1 for null) + items. */
  array<T>(items: readonly T[] | null, writeItem: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** unsigned varint (count + 1, 0 for null) + items. */
  compactArray<T>(items: readonly T[] | null, writeItem: (w: this, item: T) => void): this {
    if (items === null) return this.unsignedVarint(0);
    this.unsignedVarint(items.length + 1);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** Tagged fields section: count, then (tag, size, data) in ascending tag order. */
  taggedFields(fields: readonly TaggedField[] = []): this {
    const sorted = [...fields].sort((a, b) => a.tag - b.tag);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.tag === sorted[i - 1]!.tag) {
        throw new ProtocolError('INVALID_ARGUMENT', `duplicate tagged field ${sorted[i]!.tag}`);
      }
    }
    this.unsignedVarint(sorted.length);
    for (const f of sorted) this.unsignedVarint(f.tag).unsignedVarint(f.data.length).raw(f.data);
    return this;
  }

  /** A copy of the bytes written so far (the writer stays usable). */
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
}

function checkRange<T extends number | bigint>(n: T, min: T, max: T, type: string): void {
  if (!(n >= min && n <= max) || (typeof n === 'number' && !Number.isInteger(n))) {
    throw new ProtocolError('VALUE_OUT_OF_RANGE', `${String(n)} does not fit ${type}`);
  }
}
