import { ProtocolError } from '../errors/protocol-error.js';

/** Largest zigzag value a number can carry exactly: |n| <= 2^52. */
const MAX_ZIGZAG = Number.MAX_SAFE_INTEGER;

/** Bytes needed for an unsigned varint of a uint32. */
export function sizeOfUnsignedVarint(u: number): number {
  if (u < 0x80) return 1;
  if (u < 0x4000) return 2;
  if (u < 0x200000) return 3;
  if (u < 0x10000000) return 4;
  return 5;
}

/** Bytes needed for a zigzag varint of an int32. */
export function sizeOfVarint(n: number): number {
  return sizeOfUnsignedVarint(((n << 1) ^ (n >> 31)) >>> 0);
}

/** Zigzag encoding of a safe integer as a (non-negative) number; exact for |n| <= 2^52. */
export function zigzag64(n: number): number {
  const z = n >= 0 ? n * 2 : -n * 2 - 1;
  if (z > MAX_ZIGZAG || !Number.isInteger(n)) {
    throw new ProtocolError(
      'VALUE_OUT_OF_RANGE',
      `varlong ${n} is outside the supported range (|n| <= 2^52)`,
    );
  }
  return z;
}

/** Bytes needed for a zigzag varlong of a safe integer. */
export function sizeOfVarlong(n: number): number {
  if (n >= -0x8000000 && n < 0x8000000) return sizeOfVarint(n);
  let z = zigzag64(n);
  let size = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    size++;
  }
  return size;
}

/** Writes an unsigned varint of a uint32 at `pos`; returns the position after it. */
export function putUnsignedVarint(buf: Buffer, pos: number, u: number): number {
  while (u >= 0x80) {
    buf[pos++] = (u & 0x7f) | 0x80;
    u >>>= 7;
  }
  buf[pos++] = u;
  return pos;
}

/** Writes a zigzag varint of an int32 at `pos`; returns the position after it. */
export function putVarint(buf: Buffer, pos: number, n: number): number {
  return putUnsignedVarint(buf, pos, ((n << 1) ^ (n >> 31)) >>> 0);
}

/** Writes a zigzag varlong of a safe integer at `pos`; returns the position after it. */
export function putVarlong(buf: Buffer, pos: number, n: number): number {
  if (n >= -0x8000000 && n < 0x8000000) return putVarint(buf, pos, n);
  let z = zigzag64(n);
  while (z >= 128) {
    buf[pos++] = (z % 128) | 0x80;
    z = Math.floor(z / 128);
  }
  buf[pos++] = z;
  return pos;
}
