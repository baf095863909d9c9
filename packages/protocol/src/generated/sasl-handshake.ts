// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API SaslHandshake (key 17), versions 0-1, flexible never. */
import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire } from '../messages/internal/codec-support.js';

/** SaslHandshakeRequest, versions 0-1. */
export interface SaslHandshakeRequest {
  /** Kafka: Mechanism (v0+). */
  mechanism: string;
}

/** Writes {@link SaslHandshakeRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSaslHandshakeRequest(m: SaslHandshakeRequest, version: number, w: Writer): void {
  checkVersion('SaslHandshakeRequest', version, 0, 1);
  const v = version;
  w.string(m.mechanism);
}

/** Reads {@link SaslHandshakeRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  checkVersion('SaslHandshakeRequest', version, 0, 1);
  const v = version;
  const _mechanism: string = r.string();
  return { mechanism: _mechanism };
}

/** SaslHandshakeResponse, versions 0-1. */
export interface SaslHandshakeResponse {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: Mechanisms (v0+). */
  mechanisms: string[];
}

/** Writes {@link SaslHandshakeResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSaslHandshakeResponse(m: SaslHandshakeResponse, version: number, w: Writer): void {
  checkVersion('SaslHandshakeResponse', version, 0, 1);
  const v = version;
  w.int16(m.errorCode);
  const a0 = m.mechanisms;
  {
    w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.string(a0[i1]!); }
  }
}

/** Reads {@link SaslHandshakeResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  checkVersion('SaslHandshakeResponse', version, 0, 1);
  const v = version;
  const _errorCode: number = r.int16();
  const n2 = r.int32();
  if (n2 < 0) throw nullOnWire('SaslHandshakeResponse.mechanisms', v);
  checkCount(r, n2);
  const a3 = new Array<string>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.string();
  const _mechanisms: string[] = a3;
  return { errorCode: _errorCode, mechanisms: _mechanisms };
}
