// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API ListGroups (key 16), versions 0-5, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** ListGroupsRequest, versions 0-5. */
export interface ListGroupsRequest {
  /** Kafka: StatesFilter (v4+). */
  statesFilter?: string[];
  /** Kafka: TypesFilter (v5+). */
  typesFilter?: string[];
}

/** Writes {@link ListGroupsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeListGroupsRequest(m: ListGroupsRequest, version: number, w: Writer): void {
  checkVersion('ListGroupsRequest', version, 0, 5);
  const v = version;
  if (v >= 4) {
    const a0 = (m.statesFilter ?? []);
    {
      w.unsignedVarint(a0.length + 1);
      for (let i1 = 0; i1 < a0.length; i1++) { w.compactString(a0[i1]!); }
    }
  } else {
    if (m.statesFilter !== undefined && !(m.statesFilter.length === 0)) throw fieldNotInVersion('ListGroupsRequest.statesFilter', v);
  }
  if (v >= 5) {
    const a2 = (m.typesFilter ?? []);
    {
      w.unsignedVarint(a2.length + 1);
      for (let i3 = 0; i3 < a2.length; i3++) { w.compactString(a2[i3]!); }
    }
  } else {
    if (m.typesFilter !== undefined && !(m.typesFilter.length === 0)) throw fieldNotInVersion('ListGroupsRequest.typesFilter', v);
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ListGroupsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeListGroupsRequest(r: Reader, version: number): ListGroupsRequest {
  checkVersion('ListGroupsRequest', version, 0, 5);
  const v = version;
  let _statesFilter: string[];
  if (v >= 4) {
    const n4 = r.unsignedVarint() - 1;
    if (n4 < 0) throw nullOnWire('ListGroupsRequest.statesFilter', v);
    checkCount(r, n4);
    const a5 = new Array<string>(n4);
    for (let i6 = 0; i6 < n4; i6++) a5[i6] = r.compactString();
    _statesFilter = a5;
  } else {
    _statesFilter = [];
  }
  let _typesFilter: string[];
  if (v >= 5) {
    const n7 = r.unsignedVarint() - 1;
    if (n7 < 0) throw nullOnWire('ListGroupsRequest.typesFilter', v);
    checkCount(r, n7);
    const a8 = new Array<string>(n7);
    for (let i9 = 0; i9 < n7; i9++) a8[i9] = r.compactString();
    _typesFilter = a8;
  } else {
    _typesFilter = [];
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { statesFilter: _statesFilter, typesFilter: _typesFilter };
}

/** Part of {@link ListGroupsResponse}. */
export interface ListGroupsResponseListedGroup {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: ProtocolType (v0+). */
  protocolType: string;
  /** Kafka: GroupState (v4+). */
  groupState?: string;
  /** Kafka: GroupType (v5+). */
  groupType?: string;
}

function writeListGroupsResponseListedGroup(w: Writer, m: ListGroupsResponseListedGroup, v: number): void {
  if (v >= 3) w.compactString(m.groupId); else w.string(m.groupId);
  if (v >= 3) w.compactString(m.protocolType); else w.string(m.protocolType);
  if (v >= 4) {
    w.compactString((m.groupState ?? ""));
  }
  if (v >= 5) {
    w.compactString((m.groupType ?? ""));
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readListGroupsResponseListedGroup(r: Reader, v: number): ListGroupsResponseListedGroup {
  const _groupId: string = (v >= 3 ? r.compactString() : r.string());
  const _protocolType: string = (v >= 3 ? r.compactString() : r.string());
  let _groupState: string;
  if (v >= 4) {
    _groupState = r.compactString();
  } else {
    _groupState = "";
  }
  let _groupType: string;
  if (v >= 5) {
    _groupType = r.compactString();
  } else {
    _groupType = "";
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, protocolType: _protocolType, groupState: _groupState, groupType: _groupType };
}

/** ListGroupsResponse, versions 0-5. */
export interface ListGroupsResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: Groups (v0+). */
  groups: ListGroupsResponseListedGroup[];
}

/** Writes {@link ListGroupsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeListGroupsResponse(m: ListGroupsResponse, version: number, w: Writer): void {
  checkVersion('ListGroupsResponse', version, 0, 5);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  w.int16(m.errorCode);
  const a0 = m.groups;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeListGroupsResponseListedGroup(w, a0[i1]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ListGroupsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  checkVersion('ListGroupsResponse', version, 0, 5);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const _errorCode: number = r.int16();
  const n2 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('ListGroupsResponse.groups', v);
  checkCount(r, n2);
  const a3 = new Array<ListGroupsResponseListedGroup>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readListGroupsResponseListedGroup(r, v);
  const _groups: ListGroupsResponseListedGroup[] = a3;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, groups: _groups };
}
