// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DescribeGroups (key 15), versions 0-5, flexible from 5. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** DescribeGroupsRequest, versions 0-5. */
export interface DescribeGroupsRequest {
  /** Kafka: Groups (v0+). */
  groups: string[];
  /** Kafka: IncludeAuthorizedOperations (v3+). */
  includeAuthorizedOperations?: boolean;
}

/** Writes {@link DescribeGroupsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeGroupsRequest(m: DescribeGroupsRequest, version: number, w: Writer): void {
  checkVersion('DescribeGroupsRequest', version, 0, 5);
  const v = version;
  const a0 = m.groups;
  {
    if (v >= 5) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { if (v >= 5) w.compactString(a0[i1]!); else w.string(a0[i1]!); }
  }
  if (v >= 3) {
    w.boolean((m.includeAuthorizedOperations ?? false));
  } else {
    if (m.includeAuthorizedOperations !== undefined && !(m.includeAuthorizedOperations === false)) throw fieldNotInVersion('DescribeGroupsRequest.includeAuthorizedOperations', v);
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DescribeGroupsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  checkVersion('DescribeGroupsRequest', version, 0, 5);
  const v = version;
  const n2 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DescribeGroupsRequest.groups', v);
  checkCount(r, n2);
  const a3 = new Array<string>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = (v >= 5 ? r.compactString() : r.string());
  const _groups: string[] = a3;
  let _includeAuthorizedOperations: boolean;
  if (v >= 3) {
    _includeAuthorizedOperations = r.boolean();
  } else {
    _includeAuthorizedOperations = false;
  }
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { groups: _groups, includeAuthorizedOperations: _includeAuthorizedOperations };
}

/** Part of {@link DescribeGroupsResponse}. */
export interface DescribeGroupsResponseDescribedGroupMember {
  /** Kafka: MemberId (v0+). */
  memberId: string;
  /** Kafka: GroupInstanceId (v4+). */
  groupInstanceId?: string | null;
  /** Kafka: ClientId (v0+). */
  clientId: string;
  /** Kafka: ClientHost (v0+). */
  clientHost: string;
  /** Kafka: MemberMetadata (v0+). */
  memberMetadata: Buffer;
  /** Kafka: MemberAssignment (v0+). */
  memberAssignment: Buffer;
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, m: DescribeGroupsResponseDescribedGroupMember, v: number): void {
  if (v >= 5) w.compactString(m.memberId); else w.string(m.memberId);
  if (v >= 4) {
    if (v >= 5) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  }
  if (v >= 5) w.compactString(m.clientId); else w.string(m.clientId);
  if (v >= 5) w.compactString(m.clientHost); else w.string(m.clientHost);
  if (v >= 5) w.compactBytes(m.memberMetadata); else w.bytes(m.memberMetadata);
  if (v >= 5) w.compactBytes(m.memberAssignment); else w.bytes(m.memberAssignment);
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, v: number): DescribeGroupsResponseDescribedGroupMember {
  const _memberId: string = (v >= 5 ? r.compactString() : r.string());
  let _groupInstanceId: string | null;
  if (v >= 4) {
    _groupInstanceId = (v >= 5 ? r.compactNullableString() : r.nullableString());
  } else {
    _groupInstanceId = null;
  }
  const _clientId: string = (v >= 5 ? r.compactString() : r.string());
  const _clientHost: string = (v >= 5 ? r.compactString() : r.string());
  const _memberMetadata: Buffer = (v >= 5 ? r.compactBytes() : r.bytes());
  const _memberAssignment: Buffer = (v >= 5 ? r.compactBytes() : r.bytes());
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { memberId: _memberId, groupInstanceId: _groupInstanceId, clientId: _clientId, clientHost: _clientHost, memberMetadata: _memberMetadata, memberAssignment: _memberAssignment };
}

/** Part of {@link DescribeGroupsResponse}. */
export interface DescribeGroupsResponseDescribedGroup {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: GroupState (v0+). */
  groupState: string;
  /** Kafka: ProtocolType (v0+). */
  protocolType: string;
  /** Kafka: ProtocolData (v0+). */
  protocolData: string;
  /** Kafka: Members (v0+). */
  members: DescribeGroupsResponseDescribedGroupMember[];
  /** Kafka: AuthorizedOperations (v3+). */
  authorizedOperations?: number;
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, m: DescribeGroupsResponseDescribedGroup, v: number): void {
  w.int16(m.errorCode);
  if (v >= 5) w.compactString(m.groupId); else w.string(m.groupId);
  if (v >= 5) w.compactString(m.groupState); else w.string(m.groupState);
  if (v >= 5) w.compactString(m.protocolType); else w.string(m.protocolType);
  if (v >= 5) w.compactString(m.protocolData); else w.string(m.protocolData);
  const a0 = m.members;
  {
    if (v >= 5) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeDescribeGroupsResponseDescribedGroupMember(w, a0[i1]!, v); }
  }
  if (v >= 3) {
    w.int32((m.authorizedOperations ?? -2147483648));
  } else {
    if (m.authorizedOperations !== undefined && !(m.authorizedOperations === -2147483648)) throw fieldNotInVersion('DescribeGroupsResponse.authorizedOperations', v);
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, v: number): DescribeGroupsResponseDescribedGroup {
  const _errorCode: number = r.int16();
  const _groupId: string = (v >= 5 ? r.compactString() : r.string());
  const _groupState: string = (v >= 5 ? r.compactString() : r.string());
  const _protocolType: string = (v >= 5 ? r.compactString() : r.string());
  const _protocolData: string = (v >= 5 ? r.compactString() : r.string());
  const n2 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DescribeGroupsResponse.members', v);
  checkCount(r, n2);
  const a3 = new Array<DescribeGroupsResponseDescribedGroupMember>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDescribeGroupsResponseDescribedGroupMember(r, v);
  const _members: DescribeGroupsResponseDescribedGroupMember[] = a3;
  let _authorizedOperations: number;
  if (v >= 3) {
    _authorizedOperations = r.int32();
  } else {
    _authorizedOperations = -2147483648;
  }
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, groupId: _groupId, groupState: _groupState, protocolType: _protocolType, protocolData: _protocolData, members: _members, authorizedOperations: _authorizedOperations };
}

/** DescribeGroupsResponse, versions 0-5. */
export interface DescribeGroupsResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: Groups (v0+). */
  groups: DescribeGroupsResponseDescribedGroup[];
}

/** Writes {@link DescribeGroupsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeGroupsResponse(m: DescribeGroupsResponse, version: number, w: Writer): void {
  checkVersion('DescribeGroupsResponse', version, 0, 5);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a5 = m.groups;
  {
    if (v >= 5) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeDescribeGroupsResponseDescribedGroup(w, a5[i6]!, v); }
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DescribeGroupsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  checkVersion('DescribeGroupsResponse', version, 0, 5);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n7 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('DescribeGroupsResponse.groups', v);
  checkCount(r, n7);
  const a8 = new Array<DescribeGroupsResponseDescribedGroup>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readDescribeGroupsResponseDescribedGroup(r, v);
  const _groups: DescribeGroupsResponseDescribedGroup[] = a8;
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, groups: _groups };
}
