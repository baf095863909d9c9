import { ProtocolError } from '../errors/protocol-error.js';
import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { skipTaggedFields } from './internal/codec-support.js';

/** Kafka's request header versions: 0 (no client id), 1, and 2 (1 + tagged fields). */
export type RequestHeaderVersion = 0 | 1 | 2;

/** Kafka's response header versions: 0 (correlation id), 1 (0 + tagged fields). */
export type ResponseHeaderVersion = 0 | 1;

/** A request header (Kafka's RequestHeader). */
export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  /** Absent in header v0, and nullable on the wire. */
  readonly clientId: string | null;
}

/**
 * Reads a request header of `headerVersion`. The client id stays a classic nullable
 * string in v2 (Kafka declares it non-flexible); unknown tagged fields are skipped.
 */
export function decodeRequestHeader(r: Reader, headerVersion: RequestHeaderVersion): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = headerVersion >= 1 ? r.nullableString() : null;
  if (headerVersion >= 2) skipTaggedFields(r);
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Writes a request header of `headerVersion`. */
export function encodeRequestHeader(h: RequestHeader, headerVersion: RequestHeaderVersion, w: Writer): void {
  w.int16(h.apiKey).int16(h.apiVersion).int32(h.correlationId);
  if (headerVersion >= 1) w.nullableString(h.clientId);
  if (headerVersion >= 2) w.unsignedVarint(0);
}

/** Writes a response header: the correlation id, and an empty tagged-fields section in v1. */
export function encodeResponseHeader(
  correlationId: number,
  headerVersion: ResponseHeaderVersion,
  w: Writer,
): void {
  w.int32(correlationId);
  if (headerVersion >= 1) w.unsignedVarint(0);
}

/** Reads a response header and returns its correlation id. */
export function decodeResponseHeader(r: Reader, headerVersion: ResponseHeaderVersion): number {
  const correlationId = r.int32();
  if (headerVersion >= 1) skipTaggedFields(r);
  return correlationId;
}

/**
 * Checks a frame's 4-byte size prefix at `offset` of `buffer`: the frame's total length
 * (prefix included) when it is complete, 0 when more bytes are needed. Throws
 * CORRUPT_MESSAGE for a negative size or one above `maxSize` (Kafka's
 * `socket.request.max.bytes`), before any of it is buffered.
 */
export function frameLength(buffer: Buffer, offset: number, maxSize: number): number {
  if (buffer.length - offset < 4) return 0;
  const size = buffer.readInt32BE(offset);
  if (size < 0 || size > maxSize) {
    throw new ProtocolError('CORRUPT_MESSAGE', `frame size ${size} is outside [0, ${maxSize}]`);
  }
  return buffer.length - offset - 4 >= size ? size + 4 : 0;
}
