// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API OffsetFetch (key 9), versions 0-9, flexible from 6. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullNotAllowed, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link OffsetFetchRequest}. */
export interface OffsetFetchRequestTopics {
  /** Kafka: Name (v8+). */
  name: string;
  /** Kafka: PartitionIndexes (v8+). */
  partitionIndexes: number[];
}

function writeOffsetFetchRequestTopics(w: Writer, m: OffsetFetchRequestTopics, v: number): void {
  w.compactString(m.name);
  const a0 = m.partitionIndexes;
  {
    w.unsignedVarint(a0.length + 1);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  w.unsignedVarint(0);
}

function readOffsetFetchRequestTopics(r: Reader, v: number): OffsetFetchRequestTopics {
  const _name: string = r.compactString();
  const n2 = r.unsignedVarint() - 1;
  if (n2 < 0) throw nullOnWire('OffsetFetchRequest.partitionIndexes', v);
  checkCount(r, n2);
  const a3 = new Array<number>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int32();
  const _partitionIndexes: number[] = a3;
  skipTaggedFields(r);
  return { name: _name, partitionIndexes: _partitionIndexes };
}

/** Part of {@link OffsetFetchRequest}. */
export interface OffsetFetchRequestGroup {
  /** Kafka: GroupId (v8+). */
  groupId: string;
  /** Kafka: MemberId (v9+). */
  memberId?: string | null;
  /** Kafka: MemberEpoch (v9+). */
  memberEpoch?: number;
  /** Kafka: Topics (v8+). */
  topics: OffsetFetchRequestTopics[] | null;
}

function writeOffsetFetchRequestGroup(w: Writer, m: OffsetFetchRequestGroup, v: number): void {
  w.compactString(m.groupId);
  if (v >= 9) {
    w.compactNullableString((m.memberId === undefined ? null : m.memberId));
  }
  if (v >= 9) {
    w.int32((m.memberEpoch ?? -1));
  }
  const a5 = m.topics;
  if (a5 === null) { w.unsignedVarint(0); } else {
    w.unsignedVarint(a5.length + 1);
    for (let i6 = 0; i6 < a5.length; i6++) { writeOffsetFetchRequestTopics(w, a5[i6]!, v); }
  }
  w.unsignedVarint(0);
}

function readOffsetFetchRequestGroup(r: Reader, v: number): OffsetFetchRequestGroup {
  const _groupId: string = r.compactString();
  let _memberId: string | null;
  if (v >= 9) {
    _memberId = r.compactNullableString();
  } else {
    _memberId = null;
  }
  let _memberEpoch: number;
  if (v >= 9) {
    _memberEpoch = r.int32();
  } else {
    _memberEpoch = -1;
  }
  const n7 = r.unsignedVarint() - 1;
  let a8: OffsetFetchRequestTopics[] | null = null;
  if (n7 >= 0) {
    checkCount(r, n7);
    a8 = new Array<OffsetFetchRequestTopics>(n7);
    for (let i9 = 0; i9 < n7; i9++) a8[i9] = readOffsetFetchRequestTopics(r, v);
  }
  const _topics: OffsetFetchRequestTopics[] | null = a8;
  skipTaggedFields(r);
  return { groupId: _groupId, memberId: _memberId, memberEpoch: _memberEpoch, topics: _topics };
}

/** Part of {@link OffsetFetchRequest}. */
export interface OffsetFetchRequestTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: PartitionIndexes (v0+). */
  partitionIndexes: number[];
}

function writeOffsetFetchRequestTopic(w: Writer, m: OffsetFetchRequestTopic, v: number): void {
  if (v >= 6) w.compactString(m.name); else w.string(m.name);
  const a10 = m.partitionIndexes;
  {
    if (v >= 6) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { w.int32(a10[i11]!); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchRequestTopic(r: Reader, v: number): OffsetFetchRequestTopic {
  const _name: string = (v >= 6 ? r.compactString() : r.string());
  const n12 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('OffsetFetchRequest.partitionIndexes', v);
  checkCount(r, n12);
  const a13 = new Array<number>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = r.int32();
  const _partitionIndexes: number[] = a13;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { name: _name, partitionIndexes: _partitionIndexes };
}

/** OffsetFetchRequest, versions 0-9. */
export interface OffsetFetchRequest {
  /** Kafka: GroupId (v0-7). */
  groupId?: string;
  /** Kafka: Topics (v0-7). */
  topics?: OffsetFetchRequestTopic[] | null;
  /** Kafka: Groups (v8+). */
  groups?: OffsetFetchRequestGroup[];
  /** Kafka: RequireStable (v7+). */
  requireStable?: boolean;
}

/** Writes {@link OffsetFetchRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeOffsetFetchRequest(m: OffsetFetchRequest, version: number, w: Writer): void {
  checkVersion('OffsetFetchRequest', version, 0, 9);
  const v = version;
  if (v <= 7) {
    if (v >= 6) w.compactString((m.groupId ?? "")); else w.string((m.groupId ?? ""));
  } else {
    if (m.groupId !== undefined && !(m.groupId === "")) throw fieldNotInVersion('OffsetFetchRequest.groupId', v);
  }
  if (v <= 7) {
    if ((m.topics === undefined ? [] : m.topics) === null && !(v >= 2)) throw nullNotAllowed('OffsetFetchRequest.topics', v);
    const a15 = (m.topics === undefined ? [] : m.topics);
    if (a15 === null) { if (v >= 6) w.unsignedVarint(0); else w.int32(-1); } else {
      if (v >= 6) w.unsignedVarint(a15.length + 1); else w.int32(a15.length);
      for (let i16 = 0; i16 < a15.length; i16++) { writeOffsetFetchRequestTopic(w, a15[i16]!, v); }
    }
  } else {
    if (m.topics !== undefined && !((m.topics !== null && m.topics.length === 0))) throw fieldNotInVersion('OffsetFetchRequest.topics', v);
  }
  if (v >= 8) {
    const a17 = (m.groups ?? []);
    {
      w.unsignedVarint(a17.length + 1);
      for (let i18 = 0; i18 < a17.length; i18++) { writeOffsetFetchRequestGroup(w, a17[i18]!, v); }
    }
  } else {
    if (m.groups !== undefined && !(m.groups.length === 0)) throw fieldNotInVersion('OffsetFetchRequest.groups', v);
  }
  if (v >= 7) {
    w.boolean((m.requireStable ?? false));
  } else {
    if (m.requireStable !== undefined && !(m.requireStable === false)) throw fieldNotInVersion('OffsetFetchRequest.requireStable', v);
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link OffsetFetchRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  checkVersion('OffsetFetchRequest', version, 0, 9);
  const v = version;
  let _groupId: string;
  if (v <= 7) {
    _groupId = (v >= 6 ? r.compactString() : r.string());
  } else {
    _groupId = "";
  }
  let _topics: OffsetFetchRequestTopic[] | null;
  if (v <= 7) {
    const n19 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
    let a20: OffsetFetchRequestTopic[] | null = null;
    if (n19 >= 0) {
      checkCount(r, n19);
      a20 = new Array<OffsetFetchRequestTopic>(n19);
      for (let i21 = 0; i21 < n19; i21++) a20[i21] = readOffsetFetchRequestTopic(r, v);
    }
    const x22 = a20;
    if (x22 === null && !(v >= 2)) throw nullOnWire('OffsetFetchRequest.topics', v);
    _topics = x22;
  } else {
    _topics = [];
  }
  let _groups: OffsetFetchRequestGroup[];
  if (v >= 8) {
    const n23 = r.unsignedVarint() - 1;
    if (n23 < 0) throw nullOnWire('OffsetFetchRequest.groups', v);
    checkCount(r, n23);
    const a24 = new Array<OffsetFetchRequestGroup>(n23);
    for (let i25 = 0; i25 < n23; i25++) a24[i25] = readOffsetFetchRequestGroup(r, v);
    _groups = a24;
  } else {
    _groups = [];
  }
  let _requireStable: boolean;
  if (v >= 7) {
    _requireStable = r.boolean();
  } else {
    _requireStable = false;
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, topics: _topics, groups: _groups, requireStable: _requireStable };
}

/** Part of {@link OffsetFetchResponse}. */
export interface OffsetFetchResponsePartitions {
  /** Kafka: PartitionIndex (v8+). */
  partitionIndex: number;
  /** Kafka: CommittedOffset (v8+). */
  committedOffset: number;
  /** Kafka: CommittedLeaderEpoch (v8+). */
  committedLeaderEpoch: number;
  /** Kafka: Metadata (v8+). */
  metadata: string | null;
  /** Kafka: ErrorCode (v8+). */
  errorCode: number;
}

function writeOffsetFetchResponsePartitions(w: Writer, m: OffsetFetchResponsePartitions, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  w.int32(m.committedLeaderEpoch);
  w.compactNullableString(m.metadata);
  w.int16(m.errorCode);
  w.unsignedVarint(0);
}

function readOffsetFetchResponsePartitions(r: Reader, v: number): OffsetFetchResponsePartitions {
  const _partitionIndex: number = r.int32();
  const _committedOffset: number = r.int64();
  const _committedLeaderEpoch: number = r.int32();
  const _metadata: string | null = r.compactNullableString();
  const _errorCode: number = r.int16();
  skipTaggedFields(r);
  return { partitionIndex: _partitionIndex, committedOffset: _committedOffset, committedLeaderEpoch: _committedLeaderEpoch, metadata: _metadata, errorCode: _errorCode };
}

/** Part of {@link OffsetFetchResponse}. */
export interface OffsetFetchResponseTopics {
  /** Kafka: Name (v8+). */
  name: string;
  /** Kafka: Partitions (v8+). */
  partitions: OffsetFetchResponsePartitions[];
}

function writeOffsetFetchResponseTopics(w: Writer, m: OffsetFetchResponseTopics, v: number): void {
  w.compactString(m.name);
  const a0 = m.partitions;
  {
    w.unsignedVarint(a0.length + 1);
    for (let i1 = 0; i1 < a0.length; i1++) { writeOffsetFetchResponsePartitions(w, a0[i1]!, v); }
  }
  w.unsignedVarint(0);
}

function readOffsetFetchResponseTopics(r: Reader, v: number): OffsetFetchResponseTopics {
  const _name: string = r.compactString();
  const n2 = r.unsignedVarint() - 1;
  if (n2 < 0) throw nullOnWire('OffsetFetchResponse.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<OffsetFetchResponsePartitions>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readOffsetFetchResponsePartitions(r, v);
  const _partitions: OffsetFetchResponsePartitions[] = a3;
  skipTaggedFields(r);
  return { name: _name, partitions: _partitions };
}

/** Part of {@link OffsetFetchResponse}. */
export interface OffsetFetchResponseGroup {
  /** Kafka: GroupId (v8+). */
  groupId: string;
  /** Kafka: Topics (v8+). */
  topics: OffsetFetchResponseTopics[];
  /** Kafka: ErrorCode (v8+). */
  errorCode: number;
}

function writeOffsetFetchResponseGroup(w: Writer, m: OffsetFetchResponseGroup, v: number): void {
  w.compactString(m.groupId);
  const a5 = m.topics;
  {
    w.unsignedVarint(a5.length + 1);
    for (let i6 = 0; i6 < a5.length; i6++) { writeOffsetFetchResponseTopics(w, a5[i6]!, v); }
  }
  w.int16(m.errorCode);
  w.unsignedVarint(0);
}

function readOffsetFetchResponseGroup(r: Reader, v: number): OffsetFetchResponseGroup {
  const _groupId: string = r.compactString();
  const n7 = r.unsignedVarint() - 1;
  if (n7 < 0) throw nullOnWire('OffsetFetchResponse.topics', v);
  checkCount(r, n7);
  const a8 = new Array<OffsetFetchResponseTopics>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readOffsetFetchResponseTopics(r, v);
  const _topics: OffsetFetchResponseTopics[] = a8;
  const _errorCode: number = r.int16();
  skipTaggedFields(r);
  return { groupId: _groupId, topics: _topics, errorCode: _errorCode };
}

/** Part of {@link OffsetFetchResponse}. */
export interface OffsetFetchResponsePartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: CommittedOffset (v0+). */
  committedOffset: number;
  /** Kafka: CommittedLeaderEpoch (v5+). */
  committedLeaderEpoch?: number;
  /** Kafka: Metadata (v0+). */
  metadata: string | null;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

function writeOffsetFetchResponsePartition(w: Writer, m: OffsetFetchResponsePartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  if (v >= 5) {
    w.int32((m.committedLeaderEpoch ?? -1));
  }
  if (v >= 6) w.compactNullableString(m.metadata); else w.nullableString(m.metadata);
  w.int16(m.errorCode);
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponsePartition(r: Reader, v: number): OffsetFetchResponsePartition {
  const _partitionIndex: number = r.int32();
  const _committedOffset: number = r.int64();
  let _committedLeaderEpoch: number;
  if (v >= 5) {
    _committedLeaderEpoch = r.int32();
  } else {
    _committedLeaderEpoch = -1;
  }
  const _metadata: string | null = (v >= 6 ? r.compactNullableString() : r.nullableString());
  const _errorCode: number = r.int16();
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, committedOffset: _committedOffset, committedLeaderEpoch: _committedLeaderEpoch, metadata: _metadata, errorCode: _errorCode };
}

/** Part of {@link OffsetFetchResponse}. */
export interface OffsetFetchResponseTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: OffsetFetchResponsePartition[];
}

function writeOffsetFetchResponseTopic(w: Writer, m: OffsetFetchResponseTopic, v: number): void {
  if (v >= 6) w.compactString(m.name); else w.string(m.name);
  const a10 = m.partitions;
  {
    if (v >= 6) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeOffsetFetchResponsePartition(w, a10[i11]!, v); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponseTopic(r: Reader, v: number): OffsetFetchResponseTopic {
  const _name: string = (v >= 6 ? r.compactString() : r.string());
  const n12 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('OffsetFetchResponse.partitions', v);
  checkCount(r, n12);
  const a13 = new Array<OffsetFetchResponsePartition>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = readOffsetFetchResponsePartition(r, v);
  const _partitions: OffsetFetchResponsePartition[] = a13;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** OffsetFetchResponse, versions 0-9. */
export interface OffsetFetchResponse {
  /** Kafka: ThrottleTimeMs (v3+). */
  throttleTimeMs?: number;
  /** Kafka: Topics (v0-7). */
  topics?: OffsetFetchResponseTopic[];
  /** Kafka: ErrorCode (v2-7). */
  errorCode?: number;
  /** Kafka: Groups (v8+). */
  groups?: OffsetFetchResponseGroup[];
}

/** Writes {@link OffsetFetchResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeOffsetFetchResponse(m: OffsetFetchResponse, version: number, w: Writer): void {
  checkVersion('OffsetFetchResponse', version, 0, 9);
  const v = version;
  if (v >= 3) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  if (v <= 7) {
    const a15 = (m.topics ?? []);
    {
      if (v >= 6) w.unsignedVarint(a15.length + 1); else w.int32(a15.length);
      for (let i16 = 0; i16 < a15.length; i16++) { writeOffsetFetchResponseTopic(w, a15[i16]!, v); }
    }
  } else {
    if (m.topics !== undefined && !(m.topics.length === 0)) throw fieldNotInVersion('OffsetFetchResponse.topics', v);
  }
  if (v >= 2 && v <= 7) {
    w.int16((m.errorCode ?? 0));
  }
  if (v >= 8) {
    const a17 = (m.groups ?? []);
    {
      w.unsignedVarint(a17.length + 1);
      for (let i18 = 0; i18 < a17.length; i18++) { writeOffsetFetchResponseGroup(w, a17[i18]!, v); }
    }
  } else {
    if (m.groups !== undefined && !(m.groups.length === 0)) throw fieldNotInVersion('OffsetFetchResponse.groups', v);
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link OffsetFetchResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  checkVersion('OffsetFetchResponse', version, 0, 9);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 3) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  let _topics: OffsetFetchResponseTopic[];
  if (v <= 7) {
    const n19 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
    if (n19 < 0) throw nullOnWire('OffsetFetchResponse.topics', v);
    checkCount(r, n19);
    const a20 = new Array<OffsetFetchResponseTopic>(n19);
    for (let i21 = 0; i21 < n19; i21++) a20[i21] = readOffsetFetchResponseTopic(r, v);
    _topics = a20;
  } else {
    _topics = [];
  }
  let _errorCode: number;
  if (v >= 2 && v <= 7) {
    _errorCode = r.int16();
  } else {
    _errorCode = 0;
  }
  let _groups: OffsetFetchResponseGroup[];
  if (v >= 8) {
    const n22 = r.unsignedVarint() - 1;
    if (n22 < 0) throw nullOnWire('OffsetFetchResponse.groups', v);
    checkCount(r, n22);
    const a23 = new Array<OffsetFetchResponseGroup>(n22);
    for (let i24 = 0; i24 < n22; i24++) a23[i24] = readOffsetFetchResponseGroup(r, v);
    _groups = a23;
  } else {
    _groups = [];
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics, errorCode: _errorCode, groups: _groups };
}
