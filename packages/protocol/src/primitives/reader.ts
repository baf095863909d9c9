import { ProtocolError } from '../errors/protocol-error.js';
import { readInt64Number } from '../internal/int64.js';
import type { TaggedField } from './writer.js';

/**
 * Reads Kafka's primitive types from a buffer, big-endian, advancing `position`.
 *
 * Byte-valued results (`bytes`, `compactBytes`, ...) are views into the input, not
 * copies. Reading past the end throws ProtocolError `TRUNCATED`.
 *
 * @example
 * ```ts
 * const r = new Reader(bytes);
 * const apiKey = r.int16(), apiVersion = r.int16(), correlationId = r.int32();
 * ```
 */
export class Reader {
  readonly buffer: Buffer;
  /** Next byte to read. */
  position: number;
  /** One past the last readable byte. */
  readonly end: number;

  constructor(buffer: Buffer, start = 0, end = buffer.length) {
    if (start < 0 || end > buffer.length || start > end) {
      throw new ProtocolError(
        'INVALID_ARGUMENT',
        `bad reader bounds [${start}, ${end}) for ${buffer.length} bytes`,
      );
    }
    this.buffer = buffer;
    this.position = start;
    this.end = end;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.position;
  }

  private need(n: number): number {
    const p = this.position;
    if (n > this.end - p) {
      throw new ProtocolError('TRUNCATED', `need ${n} bytes at ${p}, only ${this.end - p} left`);
    }
    this.position = p + n;
    return p;
  }

  int8(): number {
    return this.buffer.readInt8(this.need(1));
  }

  uint8(): number {
    return this.buffer[this.need(1)]!;
  }

  boolean(): boolean {
    return this.uint8() !== 0;
  }

  int16(): number {
    return this.buffer.readInt16BE(this.need(2));
  }

  uint16(): number {
    return this.buffer.readUInt16BE(this.need(2));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.need(4));
  }

  uint32(): number {
    return this.buffer.readUInt32BE(this.need(4));
  }

  /** int64 as a number; VALUE_OUT_OF_RANGE if not a safe integer (use int64Big then). */
  int64(): number {
    return readInt64Number(this.buffer, this.need(8));
  }

  int64Big(): bigint {
    return this.buffer.readBigInt64BE(this.need(8));
  }

  float64(): number {
    return this.buffer.readDoubleBE(this.need(8));
  }

  /** 16 bytes (Kafka's uuid type), as a view. */
  uuid(): Buffer {
    return this.raw(16);
  }

  /** Unsigned varint, at most 5 bytes (uint32). */
  unsignedVarint(): number {
    const buf = this.buffer;
    let p = this.position;
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (p >= this.end) throw new ProtocolError('TRUNCATED', `varint runs past the end at ${p}`);
      const b = buf[p++]!;
      if (shift === 28 && b > 0x0f) {
        throw new ProtocolError('CORRUPT_MESSAGE', `unsigned varint at ${this.position} overflows 32 bits`);
      }
      result |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.position = p;
        return result >>> 0;
      }
    }
    throw new ProtocolError('CORRUPT_MESSAGE', `unsigned varint at ${this.position} is longer than 5 bytes`);
  }

  /** Zigzag varint (int32). */
  varint(): number {
    const u = this.unsignedVarint();
    return (u >>> 1) ^ -(u & 1);
  }

  /** Zigzag varlong; VALUE_OUT_OF_RANGE if |n| > 2^52. */
  varlong(): number {
    const buf = this.buffer;
    let p = this.position;
    let z = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= this.end) throw new ProtocolError('TRUNCATED', `varlong runs past the end at ${p}`);
      const b = buf[p++]!;
      z += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (z > Number.MAX_SAFE_INTEGER) {
          throw new ProtocolError('VALUE_OUT_OF_RANGE', `varlong at ${this.position} is outside |n| <= 2^52`);
        }
        this.position = p;
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      mul *= 128;
    }
    throw new ProtocolError('CORRUPT_MESSAGE', `varlong at ${this.position} is longer than 10 bytes`);
  }

  /** `n` raw bytes as a view. */
  raw(n: number): Buffer {
    const p = this.need(n);
    return this.buffer.subarray(p, p + n);
  }

  private utf8(n: number): string {
    const p = this.need(n);
    return this.buffer.toString('utf8', p, p + n);
  }

  private nonNull(len: number, what: string): number {
    if (len < 0) throw new ProtocolError('CORRUPT_MESSAGE', `non-nullable ${what} has length ${len}`);
    return len;
  }

  string(): string {
    return this.utf8(this.nonNull(this.int16(), 'string'));
  }

  nullableString(): string | null {
    const len = this.int16();
    return len < 0 ? null : this.utf8(len);
  }

  compactString(): string {
    return this.utf8(this.nonNull(this.unsignedVarint() - 1, 'compact string'));
  }

  compactNullableString(): string | null {
    const len = this.unsignedVarint() - 1;
    return len < 0 ? null : this.utf8(len);
  }

  bytes(): Buffer {
    return this.raw(this.nonNull(this.int32(), 'bytes'));
  }

  nullableBytes(): Buffer | null {
    const len = this.int32();
    return len < 0 ? null : this.raw(len);
  }

  compactBytes(): Buffer {
    return this.raw(this.nonNull(this.unsignedVarint() - 1, 'compact bytes'));
  }

  compactNullableBytes(): Buffer | null {
    const len = this.unsignedVarint() - 1;
    return len < 0 ? null : this.raw(len);
  }

  /** varint length (-1 for null) + bytes, as in records. */
  varintBytes(): Buffer | null {
    const len = this.varint();
    return len < 0 ? null : this.raw(len);
  }

  /** varint length + UTF-8, as in record header keys. */
  varintString(): string {
    return this.utf8(this.nonNull(this.varint(), 'varint string'));
  }

  /** int32 count (-1 for null) + items. */
  array<T>(readItem: (r: this) => T): T[] | null {
    const n = this.int32();
    return n < 0 ? null : this.items(n, readItem);
  }

  /** unsigned varint (count + 1, 0 for null) + items. */
  compactArray<T>(readItem: (r: this) => T): T[] | null {
    const n = this.unsignedVarint() - 1;
    return n < 0 ? null : this.items(n, readItem);
  }

  private items<T>(n: number, readItem: (r: this) => T): T[] {
    // Every item takes at least one byte, so a count above `remaining` is corrupt, and
    // checking first avoids allocating a huge array for a hostile count.
    if (n > this.remaining)
      throw new ProtocolError('TRUNCATED', `array of ${n} items with ${this.remaining} bytes left`);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = readItem(this);
    return out;
  }

  /** Tagged fields section; data are views. */
  taggedFields(): TaggedField[] {
    const n = this.unsignedVarint();
    if (n > this.remaining)
      throw new ProtocolError('TRUNCATED', `${n} tagged fields with ${this.remaining} bytes left`);
    const out: TaggedField[] = [];
    let lastTag = -1;
    for (let i = 0; i < n; i++) {
      const tag = this.unsignedVarint();
      if (tag <= lastTag) throw new ProtocolError('CORRUPT_MESSAGE', `tagged field ${tag} out of order`);
      lastTag = tag;
      out.push({ tag, data: this.raw(this.unsignedVarint()) });
    }
    return out;
  }
}
