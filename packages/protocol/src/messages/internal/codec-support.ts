/**
 * Small helpers the generated codecs (src/generated/) call. Kept out of the generated
 * files so that what changes rarely, and wants review, is written by hand.
 */
import { KafkaErrorCodes } from '../../errors/kafka-error-codes.js';
import { ProtocolError } from '../../errors/protocol-error.js';
import { Reader } from '../../primitives/reader.js';
import { type TaggedField, Writer } from '../../primitives/writer.js';

/** Default of `bytes` fields. Shared: never write into a decoded message's buffers. */
export const EMPTY_BYTES: Buffer = Buffer.alloc(0);

/** Kafka's `Uuid.ZERO_UUID`, the default of `uuid` fields. Shared: never write into it. */
export const ZERO_UUID: Buffer = Buffer.alloc(16);

export function isZeroUuid(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/** Throws unless the codec knows `version` of `message`. */
export function checkVersion(message: string, version: number, min: number, max: number): void {
  if (!(Number.isInteger(version) && version >= min && version <= max)) {
    throw new ProtocolError(
      'INVALID_ARGUMENT',
      `${message} has no version ${version} (knows ${min}-${max})`,
      {
        kafkaCode: KafkaErrorCodes.UNSUPPORTED_VERSION.code,
      },
    );
  }
}

/**
 * Kafka's rule for a non-ignorable field that a version lacks: writing a non-default
 * value there is an error rather than silent data loss.
 */
export function fieldNotInVersion(field: string, version: number): ProtocolError {
  return new ProtocolError(
    'INVALID_ARGUMENT',
    `${field} has a non-default value but version ${version} cannot carry it`,
    { kafkaCode: KafkaErrorCodes.UNSUPPORTED_VERSION.code },
  );
}

/** A null where the version does not allow one, found while writing. */
export function nullNotAllowed(field: string, version: number): ProtocolError {
  return new ProtocolError('INVALID_ARGUMENT', `${field} is null but not nullable in version ${version}`);
}

/** A null where the version does not allow one, found while reading. */
export function nullOnWire(field: string, version: number): ProtocolError {
  return new ProtocolError(
    'CORRUPT_MESSAGE',
    `${field} is null on the wire but not nullable in version ${version}`,
  );
}

/**
 * Guards an array count read from the wire: every element takes at least one byte, so a
 * count above the bytes left is corrupt, and checking first avoids allocating a huge array.
 */
export function checkCount(r: Reader, n: number): void {
  if (n > r.end - r.position) {
    throw new ProtocolError('TRUNCATED', `array of ${n} items with ${r.end - r.position} bytes left`);
  }
}

/** Reads a tagged field's size and returns a reader over its data; `r` moves past it. */
export function taggedReader(r: Reader): Reader {
  const size = r.unsignedVarint();
  const start = r.position;
  if (size > r.end - start) {
    throw new ProtocolError('TRUNCATED', `tagged field of ${size} bytes with ${r.end - start} left`);
  }
  r.position = start + size;
  return new Reader(r.buffer, start, start + size);
}

/** Skips a tagged-fields section whose tags this version does not know (all of them). */
export function skipTaggedFields(r: Reader): void {
  const n = r.unsignedVarint();
  for (let i = 0; i < n; i++) {
    r.unsignedVarint();
    taggedReader(r);
  }
}

/** The bytes of one tagged field's value, written by `write`. */
export function taggedData(write: (w: Writer) => void): Buffer {
  const w = new Writer(64);
  write(w);
  return w.toBuffer();
}

/** Writes a tagged-fields section (`null`: none). */
export function writeTaggedFields(w: Writer, fields: TaggedField[] | null): void {
  if (fields === null) w.unsignedVarint(0);
  else w.taggedFields(fields);
}
