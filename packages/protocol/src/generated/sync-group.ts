// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API SyncGroup (key 14), versions 0-5, flexible from 4. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link SyncGroupRequest}. */
export interface SyncGroupRequestAssignment {
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: Assignment (v0+). */
  assignment: Buffer;
}

function writeSyncGroupRequestAssignment(w: Writer, m: SyncGroupRequestAssignment, v: number): void {
  if (v >= 4) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 4) w.compactBytes(m.assignment); else w.bytes(m.assignment);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readSyncGroupRequestAssignment(r: Reader, v: number): SyncGroupRequestAssignment {
  const _memberId: string = (v >= 4 ? r.compactString() : r.string());
  const _assignment: Buffer = (v >= 4 ? r.compactBytes() : r.bytes());
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { memberId: _memberId, assignment: _assignment };
}

/** SyncGroupRequest, versions 0-5. */
export interface SyncGroupRequest {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: GenerationId (v0+). */
  generationId: number;
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v3+). */
  groupInstanceId?: string | null;
  /** Kafka: ProtocolType (v5+). */
  protocolType?: string | null;
  /** Kafka: ProtocolName (v5+). */
  protocolName?: string | null;
  /** Kafka: Assignments (v0+). */
  assignments: SyncGroupRequestAssignment[];
}

/** Writes {@link SyncGroupRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSyncGroupRequest(m: SyncGroupRequest, version: number, w: Writer): void {
  checkVersion('SyncGroupRequest', version, 0, 5);
  const v = version;
  if (v >= 4) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.generationId);
  if (v >= 4) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 3) {
    if (v >= 4) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  } else {
    if (m.groupInstanceId !== undefined && !(m.groupInstanceId === null)) throw fieldNotInVersion('SyncGroupRequest.groupInstanceId', v);
  }
  if (v >= 5) {
    w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  if (v >= 5) {
    w.compactNullableString((m.protocolName === undefined ? null : m.protocolName));
  }
  const a0 = m.assignments;
  {
    if (v >= 4) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeSyncGroupRequestAssignment(w, a0[i1]!, v); }
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link SyncGroupRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  checkVersion('SyncGroupRequest', version, 0, 5);
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
  let _protocolType: string | null;
  if (v >= 5) {
    _protocolType = r.compactNullableString();
  } else {
    _protocolType = null;
  }
  let _protocolName: string | null;
  if (v >= 5) {
    _protocolName = r.compactNullableString();
  } else {
    _protocolName = null;
  }
  const n2 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('SyncGroupRequest.assignments', v);
  checkCount(r, n2);
  const a3 = new Array<SyncGroupRequestAssignment>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readSyncGroupRequestAssignment(r, v);
  const _assignments: SyncGroupRequestAssignment[] = a3;
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, generationId: _generationId, memberId: _memberId, groupInstanceId: _groupInstanceId, protocolType: _protocolType, protocolName: _protocolName, assignments: _assignments };
}

/** SyncGroupResponse, versions 0-5. */
export interface SyncGroupResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ProtocolType (v5+). */
  protocolType?: string | null;
  /** Kafka: ProtocolName (v5+). */
  protocolName?: string | null;
  /** Kafka: Assignment (v0+). */
  assignment: Buffer;
}

/** Writes {@link SyncGroupResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeSyncGroupResponse(m: SyncGroupResponse, version: number, w: Writer): void {
  checkVersion('SyncGroupResponse', version, 0, 5);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  w.int16(m.errorCode);
  if (v >= 5) {
    w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  if (v >= 5) {
    w.compactNullableString((m.protocolName === undefined ? null : m.protocolName));
  }
  if (v >= 4) w.compactBytes(m.assignment); else w.bytes(m.assignment);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link SyncGroupResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  checkVersion('SyncGroupResponse', version, 0, 5);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const _errorCode: number = r.int16();
  let _protocolType: string | null;
  if (v >= 5) {
    _protocolType = r.compactNullableString();
  } else {
    _protocolType = null;
  }
  let _protocolName: string | null;
  if (v >= 5) {
    _protocolName = r.compactNullableString();
  } else {
    _protocolName = null;
  }
  const _assignment: Buffer = (v >= 4 ? r.compactBytes() : r.bytes());
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, protocolType: _protocolType, protocolName: _protocolName, assignment: _assignment };
}
