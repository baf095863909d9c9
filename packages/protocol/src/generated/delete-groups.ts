// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DeleteGroups (key 42), versions 0-2, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** DeleteGroupsRequest, versions 0-2. */
export interface DeleteGroupsRequest {
  /** Kafka: GroupsNames (v0+). */
  groupsNames: string[];
}

/** Writes {@link DeleteGroupsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteGroupsRequest(m: DeleteGroupsRequest, version: number, w: Writer): void {
  checkVersion('DeleteGroupsRequest', version, 0, 2);
  const v = version;
  const a0 = m.groupsNames;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { if (v >= 2) w.compactString(a0[i1]!); else w.string(a0[i1]!); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteGroupsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  checkVersion('DeleteGroupsRequest', version, 0, 2);
  const v = version;
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DeleteGroupsRequest.groupsNames', v);
  checkCount(r, n2);
  const a3 = new Array<string>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = (v >= 2 ? r.compactString() : r.string());
  const _groupsNames: string[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { groupsNames: _groupsNames };
}

/** Part of {@link DeleteGroupsResponse}. */
export interface DeleteGroupsResponseDeletableGroupResult {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, m: DeleteGroupsResponseDeletableGroupResult, v: number): void {
  if (v >= 2) w.compactString(m.groupId); else w.string(m.groupId);
  w.int16(m.errorCode);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, v: number): DeleteGroupsResponseDeletableGroupResult {
  const _groupId: string = (v >= 2 ? r.compactString() : r.string());
  const _errorCode: number = r.int16();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, errorCode: _errorCode };
}

/** DeleteGroupsResponse, versions 0-2. */
export interface DeleteGroupsResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Results (v0+). */
  results: DeleteGroupsResponseDeletableGroupResult[];
}

/** Writes {@link DeleteGroupsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteGroupsResponse(m: DeleteGroupsResponse, version: number, w: Writer): void {
  checkVersion('DeleteGroupsResponse', version, 0, 2);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a0 = m.results;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeDeleteGroupsResponseDeletableGroupResult(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteGroupsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  checkVersion('DeleteGroupsResponse', version, 0, 2);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DeleteGroupsResponse.results', v);
  checkCount(r, n2);
  const a3 = new Array<DeleteGroupsResponseDeletableGroupResult>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDeleteGroupsResponseDeletableGroupResult(r, v);
  const _results: DeleteGroupsResponseDeletableGroupResult[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, results: _results };
}
