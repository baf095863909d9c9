// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API JoinGroup (key 11), versions 0-9, flexible from 6. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullNotAllowed, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link JoinGroupRequest}. */
export interface JoinGroupRequestProtocol {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Metadata (v0+). */
  metadata: Buffer;
}

function writeJoinGroupRequestProtocol(w: Writer, m: JoinGroupRequestProtocol, v: number): void {
  if (v >= 6) w.compactString(m.name); else w.string(m.name);
  if (v >= 6) w.compactBytes(m.metadata); else w.bytes(m.metadata);
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupRequestProtocol(r: Reader, v: number): JoinGroupRequestProtocol {
  const _name: string = (v >= 6 ? r.compactString() : r.string());
  const _metadata: Buffer = (v >= 6 ? r.compactBytes() : r.bytes());
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { name: _name, metadata: _metadata };
}

/** JoinGroupRequest, versions 0-9. */
export interface JoinGroupRequest {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: SessionTimeoutMs (v0+). */
  sessionTimeoutMs: number;
  /** Kafka: RebalanceTimeoutMs (v1+). */
  rebalanceTimeoutMs?: number;
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v5+). */
  groupInstanceId?: string | null;
  /** Kafka: ProtocolType (v0+). */
  protocolType: string;
  /** Kafka: Protocols (v0+). */
  protocols: JoinGroupRequestProtocol[];
  /** Kafka: Reason (v8+). */
  reason?: string | null;
}

/** Writes {@link JoinGroupRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeJoinGroupRequest(m: JoinGroupRequest, version: number, w: Writer): void {
  checkVersion('JoinGroupRequest', version, 0, 9);
  const v = version;
  if (v >= 6) w.compactString(m.groupId); else w.string(m.groupId);
  w.int32(m.sessionTimeoutMs);
  if (v >= 1) {
    w.int32((m.rebalanceTimeoutMs ?? -1));
  }
  if (v >= 6) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 5) {
    if (v >= 6) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  } else {
    if (m.groupInstanceId !== undefined && !(m.groupInstanceId === null)) throw fieldNotInVersion('JoinGroupRequest.groupInstanceId', v);
  }
  if (v >= 6) w.compactString(m.protocolType); else w.string(m.protocolType);
  const a0 = m.protocols;
  {
    if (v >= 6) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeJoinGroupRequestProtocol(w, a0[i1]!, v); }
  }
  if (v >= 8) {
    w.compactNullableString((m.reason === undefined ? null : m.reason));
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link JoinGroupRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  checkVersion('JoinGroupRequest', version, 0, 9);
  const v = version;
  const _groupId: string = (v >= 6 ? r.compactString() : r.string());
  const _sessionTimeoutMs: number = r.int32();
  let _rebalanceTimeoutMs: number;
  if (v >= 1) {
    _rebalanceTimeoutMs = r.int32();
  } else {
    _rebalanceTimeoutMs = -1;
  }
  const _memberId: string = (v >= 6 ? r.compactString() : r.string());
  let _groupInstanceId: string | null;
  if (v >= 5) {
    _groupInstanceId = (v >= 6 ? r.compactNullableString() : r.nullableString());
  } else {
    _groupInstanceId = null;
  }
  const _protocolType: string = (v >= 6 ? r.compactString() : r.string());
  const n2 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('JoinGroupRequest.protocols', v);
  checkCount(r, n2);
  const a3 = new Array<JoinGroupRequestProtocol>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readJoinGroupRequestProtocol(r, v);
  const _protocols: JoinGroupRequestProtocol[] = a3;
  let _reason: string | null;
  if (v >= 8) {
    _reason = r.compactNullableString();
  } else {
    _reason = null;
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, sessionTimeoutMs: _sessionTimeoutMs, rebalanceTimeoutMs: _rebalanceTimeoutMs, memberId: _memberId, groupInstanceId: _groupInstanceId, protocolType: _protocolType, protocols: _protocols, reason: _reason };
}

/** Part of {@link JoinGroupResponse}. */
export interface JoinGroupResponseMember {
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v5+). */
  groupInstanceId?: string | null;
  /** Kafka: Metadata (v0+). */
  metadata: Buffer;
}

function writeJoinGroupResponseMember(w: Writer, m: JoinGroupResponseMember, v: number): void {
  if (v >= 6) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 5) {
    if (v >= 6) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (v >= 6) w.compactBytes(m.metadata); else w.bytes(m.metadata);
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupResponseMember(r: Reader, v: number): JoinGroupResponseMember {
  const _memberId: string = (v >= 6 ? r.compactString() : r.string());
  let _groupInstanceId: string | null;
  if (v >= 5) {
    _groupInstanceId = (v >= 6 ? r.compactNullableString() : r.nullableString());
  } else {
    _groupInstanceId = null;
  }
  const _metadata: Buffer = (v >= 6 ? r.compactBytes() : r.bytes());
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { memberId: _memberId, groupInstanceId: _groupInstanceId, metadata: _metadata };
}

/** JoinGroupResponse, versions 0-9. */
export interface JoinGroupResponse {
  /** Kafka: ThrottleTimeMs (v2+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: GenerationId (v0+). */
  generationId: number;
  /** Kafka: ProtocolType (v7+). */
  protocolType?: string | null;
  /** Kafka: ProtocolName (v0+). */
  protocolName: string | null;
  /** Kafka: Leader (v0+). */
  leader: string;
  /** Kafka: SkipAssignment (v9+). */
  skipAssignment?: boolean;
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: Members (v0+). */
  members: JoinGroupResponseMember[];
}

/** Writes {@link JoinGroupResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeJoinGroupResponse(m: JoinGroupResponse, version: number, w: Writer): void {
  checkVersion('JoinGroupResponse', version, 0, 9);
  const v = version;
  if (v >= 2) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  w.int16(m.errorCode);
  w.int32(m.generationId);
  if (v >= 7) {
    w.compactNullableString((m.protocolType === undefined ? null : m.protocolType));
  }
  if (m.protocolName === null && !(v >= 7)) throw nullNotAllowed('JoinGroupResponse.protocolName', v);
  if (v >= 6) w.compactNullableString(m.protocolName); else w.nullableString(m.protocolName);
  if (v >= 6) w.compactString(m.leader); else w.string(m.leader);
  if (v >= 9) {
    w.boolean((m.skipAssignment ?? false));
  } else {
    if (m.skipAssignment !== undefined && !(m.skipAssignment === false)) throw fieldNotInVersion('JoinGroupResponse.skipAssignment', v);
  }
  if (v >= 6) w.compactString(m.memberId); else w.string(m.memberId);
  const a0 = m.members;
  {
    if (v >= 6) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeJoinGroupResponseMember(w, a0[i1]!, v); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link JoinGroupResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  checkVersion('JoinGroupResponse', version, 0, 9);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 2) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const _errorCode: number = r.int16();
  const _generationId: number = r.int32();
  let _protocolType: string | null;
  if (v >= 7) {
    _protocolType = r.compactNullableString();
  } else {
    _protocolType = null;
  }
  const x2 = (v >= 6 ? r.compactNullableString() : r.nullableString());
  if (x2 === null && !(v >= 7)) throw nullOnWire('JoinGroupResponse.protocolName', v);
  const _protocolName: string | null = x2;
  const _leader: string = (v >= 6 ? r.compactString() : r.string());
  let _skipAssignment: boolean;
  if (v >= 9) {
    _skipAssignment = r.boolean();
  } else {
    _skipAssignment = false;
  }
  const _memberId: string = (v >= 6 ? r.compactString() : r.string());
  const n3 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n3 < 0) throw nullOnWire('JoinGroupResponse.members', v);
  checkCount(r, n3);
  const a4 = new Array<JoinGroupResponseMember>(n3);
  for (let i5 = 0; i5 < n3; i5++) a4[i5] = readJoinGroupResponseMember(r, v);
  const _members: JoinGroupResponseMember[] = a4;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, generationId: _generationId, protocolType: _protocolType, protocolName: _protocolName, leader: _leader, skipAssignment: _skipAssignment, memberId: _memberId, members: _members };
}
