// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API SaslAuthenticate (key 36), versions 0-2, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkVersion, skipTaggedFields } from '../messages/internal/codec-support.js';

/** SaslAuthenticateRequest, versions 0-2. */
export interface SaslAuthenticateRequest {
  /** Kafka: AuthBytes (v0+). */
  authBytes: Buffer;
}

/** Writes {@link SaslAuthenticateRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSaslAuthenticateRequest(m: SaslAuthenticateRequest, version: number, w: Writer): void {
  checkVersion('SaslAuthenticateRequest', version, 0, 2);
  const v = version;
  if (v >= 2) w.compactBytes(m.authBytes); else w.bytes(m.authBytes);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link SaslAuthenticateRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  checkVersion('SaslAuthenticateRequest', version, 0, 2);
  const v = version;
  const _authBytes: Buffer = (v >= 2 ? r.compactBytes() : r.bytes());
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { authBytes: _authBytes };
}

/** SaslAuthenticateResponse, versions 0-2. */
export interface SaslAuthenticateResponse {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v0+). */
  errorMessage: string | null;
  /** Kafka: AuthBytes (v0+). */
  authBytes: Buffer;
  /** Kafka: SessionLifetimeMs (v1+). */
  sessionLifetimeMs?: number;
}

/** Writes {@link SaslAuthenticateResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSaslAuthenticateResponse(m: SaslAuthenticateResponse, version: number, w: Writer): void {
  checkVersion('SaslAuthenticateResponse', version, 0, 2);
  const v = version;
  w.int16(m.errorCode);
  if (v >= 2) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (v >= 2) w.compactBytes(m.authBytes); else w.bytes(m.authBytes);
  if (v >= 1) {
    w.int64((m.sessionLifetimeMs ?? 0));
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link SaslAuthenticateResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  checkVersion('SaslAuthenticateResponse', version, 0, 2);
  const v = version;
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const _authBytes: Buffer = (v >= 2 ? r.compactBytes() : r.bytes());
  let _sessionLifetimeMs: number;
  if (v >= 1) {
    _sessionLifetimeMs = r.int64();
  } else {
    _sessionLifetimeMs = 0;
  }
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, errorMessage: _errorMessage, authBytes: _authBytes, sessionLifetimeMs: _sessionLifetimeMs };
}
