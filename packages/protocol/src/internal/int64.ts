import { ProtocolError } from '../errors/protocol-error.js';

const TWO_32 = 4294967296;

/** Reads a big-endian int64 as a JS number; throws VALUE_OUT_OF_RANGE outside the safe range. */
export function readInt64Number(buf: Buffer, pos: number): number {
  const hi = buf.readInt32BE(pos);
  const lo = buf.readUInt32BE(pos + 4);
  // |hi| < 2^21 keeps hi * 2^32 + lo exact; isSafeInteger then excludes -2^53 itself.
  const n = hi * TWO_32 + lo;
  if (hi >= 0x200000 || hi < -0x200000 || !Number.isSafeInteger(n)) {
    throw new ProtocolError('VALUE_OUT_OF_RANGE', `int64 at ${pos} is outside the safe integer range`);
  }
  return n;
}

/** Writes a safe-integer JS number as a big-endian int64 (no BigInt on the hot path). */
export function writeInt64Number(buf: Buffer, pos: number, n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new ProtocolError(
      'VALUE_OUT_OF_RANGE',
      `${n} is not a safe integer and cannot be written as int64`,
    );
  }
  const hi = Math.floor(n / TWO_32);
  buf.writeInt32BE(hi, pos);
  buf.writeUInt32BE(n - hi * TWO_32, pos + 4);
}
