// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API LeaveGroup (key 13), versions 0-5, flexible from 4. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link LeaveGroupRequest}. */
export interface LeaveGroupRequestMemberIdentity {
  /** Kafka: MemberId (v3+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v3+). */
  groupInstanceId: string | null;
  /** Kafka: Reason (v5+). */
  reason?: string | null;
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, m: LeaveGroupRequestMemberIdentity, v: number): void {
  if (v >= 4) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 4) w.compactNullableString(m.groupInstanceId); else w.nullableString(m.groupInstanceId);
  if (v >= 5) {
    w.compactNullableString((m.reason === undefined ? null : m.reason));
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupRequestMemberIdentity(r: Reader, v: number): LeaveGroupRequestMemberIdentity {
  const _memberId: string = (v >= 4 ? r.compactString() : r.string());
  const _groupInstanceId: string | null = (v >= 4 ? r.compactNullableString() : r.nullableString());
  let _reason: string | null;
  if (v >= 5) {
    _reason = r.compactNullableString();
  } else {
    _reason = null;
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { memberId: _memberId, groupInstanceId: _groupInstanceId, reason: _reason };
}

/** LeaveGroupRequest, versions 0-5. */
export interface LeaveGroupRequest {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: MemberId (v0-2). */
  memberId?: string;
  /** Kafka: Members (v3+). */
  members?: LeaveGroupRequestMemberIdentity[];
}

/** Writes {@link LeaveGroupRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeLeaveGroupRequest(m: LeaveGroupRequest, version: number, w: Writer): void {
  checkVersion('LeaveGroupRequest', version, 0, 5);
  const v = version;
  if (v >= 4) w.compactString(m.groupId); else w.string(m.groupId);
  if (v <= 2) {
    w.string((m.memberId ?? ""));
  } else {
    if (m.memberId !== undefined && !(m.memberId === "")) throw fieldNotInVersion('LeaveGroupRequest.memberId', v);
  }
  if (v >= 3) {
    const a0 = (m.members ?? []);
    {
      if (v >= 4) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { writeLeaveGroupRequestMemberIdentity(w, a0[i1]!, v); }
    }
  } else {
    if (m.members !== undefined && !(m.members.length === 0)) throw fieldNotInVersion('LeaveGroupRequest.members', v);
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link LeaveGroupRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  checkVersion('LeaveGroupRequest', version, 0, 5);
  const v = version;
  const _groupId: string = (v >= 4 ? r.compactString() : r.string());
  let _memberId: string;
  if (v <= 2) {
    _memberId = r.string();
  } else {
    _memberId = "";
  }
  let _members: LeaveGroupRequestMemberIdentity[];
  if (v >= 3) {
    const n2 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
    if (n2 < 0) throw nullOnWire('LeaveGroupRequest.members', v);
    checkCount(r, n2);
    const a3 = new Array<LeaveGroupRequestMemberIdentity>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = readLeaveGroupRequestMemberIdentity(r, v);
    _members = a3;
  } else {
    _members = [];
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, memberId: _memberId, members: _members };
}

/** Part of {@link LeaveGroupResponse}. */
export interface LeaveGroupResponseMemberResponse {
  /** Kafka: MemberId (v3+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v3+). */
  groupInstanceId: string | null;
  /** Kafka: ErrorCode (v3+). */
  errorCode: number;
}

function writeLeaveGroupResponseMemberResponse(w: Writer, m: LeaveGroupResponseMemberResponse, v: number): void {
  if (v >= 4) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 4) w.compactNullableString(m.groupInstanceId); else w.nullableString(m.groupInstanceId);
  w.int16(m.errorCode);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupResponseMemberResponse(r: Reader, v: number): LeaveGroupResponseMemberResponse {
  const _memberId: string = (v >= 4 ? r.compactString() : r.string());
  const _groupInstanceId: string | null = (v >= 4 ? r.compactNullableString() : r.nullableString());
  const _errorCode: number = r.int16();
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { memberId: _memberId, groupInstanceId: _groupInstanceId, errorCode: _errorCode };
}

/** LeaveGroupResponse, versions 0-5. */
export interface LeaveGroupResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: Members (v3+). */
  members?: LeaveGroupResponseMemberResponse[];
}

/** Writes {@link LeaveGroupResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeLeaveGroupResponse(m: LeaveGroupResponse, version: number, w: Writer): void {
  checkVersion('LeaveGroupResponse', version, 0, 5);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  w.int16(m.errorCode);
  if (v >= 3) {
    const a0 = (m.members ?? []);
    {
      if (v >= 4) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { writeLeaveGroupResponseMemberResponse(w, a0[i1]!, v); }
    }
  } else {
    if (m.members !== undefined && !(m.members.length === 0)) throw fieldNotInVersion('LeaveGroupResponse.members', v);
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link LeaveGroupResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  checkVersion('LeaveGroupResponse', version, 0, 5);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const _errorCode: number = r.int16();
  let _members: LeaveGroupResponseMemberResponse[];
  if (v >= 3) {
    const n2 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
    if (n2 < 0) throw nullOnWire('LeaveGroupResponse.members', v);
    checkCount(r, n2);
    const a3 = new Array<LeaveGroupResponseMemberResponse>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = readLeaveGroupResponseMemberResponse(r, v);
    _members = a3;
  } else {
    _members = [];
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, members: _members };
}
