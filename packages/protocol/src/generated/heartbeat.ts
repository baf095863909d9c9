// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API Heartbeat (key 12), versions 0-4, flexible from 4. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkVersion, fieldNotInVersion, skipTaggedFields } from '../messages/internal/codec-support.js';

/** HeartbeatRequest, versions 0-4. */
export interface HeartbeatRequest {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: GenerationId (v0+). */
  generationId: number;
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v3+). */
  groupInstanceId?: string | null;
}

/** Writes {@link HeartbeatRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeHeartbeatRequest(m: HeartbeatRequest, version: number, w: Writer): void {
  checkVersion('HeartbeatRequest', version, 0, 4);
  const v = version;
  if (v >= 4) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.generationId);
  if (v >= 4) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 3) {
    if (v >= 4) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  } else {
    if (m.groupInstanceId !== undefined && !(m.groupInstanceId === null)) throw fieldNotInVersion('HeartbeatRequest.groupInstanceId', v);
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link HeartbeatRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  checkVersion('HeartbeatRequest', version, 0, 4);
  const v = version;
  const _groupId: string = (v >= 4 ? r.compactString() : r.string());
  const _generationId: number = r.int32();
  const _memberId: string = (v >= 4 ? r.compactString() : r.string());
  let _groupInstanceId: string | null;
  if (v >= 3) {
    _groupInstanceId = (v >= 4 ? r.compactNullableString() : r.nullableString());
  } else {
    _groupInstanceId = null;
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, generationId: _generationId, memberId: _memberId, groupInstanceId: _groupInstanceId };
}

/** HeartbeatResponse, versions 0-4. */
export interface HeartbeatResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

/** Writes {@link HeartbeatResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeHeartbeatResponse(m: HeartbeatResponse, version: number, w: Writer): void {
  checkVersion('HeartbeatResponse', version, 0, 4);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  w.int16(m.errorCode);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link HeartbeatResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  checkVersion('HeartbeatResponse', version, 0, 4);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const _errorCode: number = r.int16();
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode };
}
