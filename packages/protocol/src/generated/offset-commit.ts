// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API OffsetCommit (key 8), versions 0-9, flexible from 8. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link OffsetCommitRequest}. */
export interface OffsetCommitRequestPartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: CommittedOffset (v0+). */
  committedOffset: number;
  /** Kafka: CommittedLeaderEpoch (v6+). */
  committedLeaderEpoch?: number;
  /** Kafka: CommitTimestamp (v1). */
  commitTimestamp?: number;
  /** Kafka: CommittedMetadata (v0+). */
  committedMetadata: string | null;
}

function writeOffsetCommitRequestPartition(w: Writer, m: OffsetCommitRequestPartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  if (v >= 6) {
    w.int32((m.committedLeaderEpoch ?? -1));
  }
  if (v >= 1 && v <= 1) {
    w.int64((m.commitTimestamp ?? -1));
  } else {
    if (m.commitTimestamp !== undefined && !(m.commitTimestamp === -1)) throw fieldNotInVersion('OffsetCommitRequest.commitTimestamp', v);
  }
  if (v >= 8) w.compactNullableString(m.committedMetadata); else w.nullableString(m.committedMetadata);
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitRequestPartition(r: Reader, v: number): OffsetCommitRequestPartition {
  const _partitionIndex: number = r.int32();
  const _committedOffset: number = r.int64();
  let _committedLeaderEpoch: number;
  if (v >= 6) {
    _committedLeaderEpoch = r.int32();
  } else {
    _committedLeaderEpoch = -1;
  }
  let _commitTimestamp: number;
  if (v >= 1 && v <= 1) {
    _commitTimestamp = r.int64();
  } else {
    _commitTimestamp = -1;
  }
  const _committedMetadata: string | null = (v >= 8 ? r.compactNullableString() : r.nullableString());
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, committedOffset: _committedOffset, committedLeaderEpoch: _committedLeaderEpoch, commitTimestamp: _commitTimestamp, committedMetadata: _committedMetadata };
}

/** Part of {@link OffsetCommitRequest}. */
export interface OffsetCommitRequestTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: OffsetCommitRequestPartition[];
}

function writeOffsetCommitRequestTopic(w: Writer, m: OffsetCommitRequestTopic, v: number): void {
  if (v >= 8) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 8) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeOffsetCommitRequestPartition(w, a0[i1]!, v); }
  }
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitRequestTopic(r: Reader, v: number): OffsetCommitRequestTopic {
  const _name: string = (v >= 8 ? r.compactString() : r.string());
  const n2 = (v >= 8 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('OffsetCommitRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<OffsetCommitRequestPartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readOffsetCommitRequestPartition(r, v);
  const _partitions: OffsetCommitRequestPartition[] = a3;
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** OffsetCommitRequest, versions 0-9. */
export interface OffsetCommitRequest {
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: GenerationIdOrMemberEpoch (v1+). */
  generationIdOrMemberEpoch?: number;
  /** Kafka: MemberId (v1+). */
  memberId?: string;
  /** Kafka: GroupInstanceId (v7+). */
  groupInstanceId?: string | null;
  /** Kafka: RetentionTimeMs (v2-4). */
  retentionTimeMs?: number;
  /** Kafka: Topics (v0+). */
  topics: OffsetCommitRequestTopic[];
}

/** Writes {@link OffsetCommitRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeOffsetCommitRequest(m: OffsetCommitRequest, version: number, w: Writer): void {
  checkVersion('OffsetCommitRequest', version, 0, 9);
  const v = version;
  if (v >= 8) w.compactString(m.groupId); else w.string(m.groupId);
  if (v >= 1) {
    w.int32((m.generationIdOrMemberEpoch ?? -1));
  }
  if (v >= 1) {
    if (v >= 8) w.compactString((m.memberId ?? "")); else w.string((m.memberId ?? ""));
  }
  if (v >= 7) {
    if (v >= 8) w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId)); else w.nullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  } else {
    if (m.groupInstanceId !== undefined && !(m.groupInstanceId === null)) throw fieldNotInVersion('OffsetCommitRequest.groupInstanceId', v);
  }
  if (v >= 2 && v <= 4) {
    w.int64((m.retentionTimeMs ?? -1));
  }
  const a5 = m.topics;
  {
    if (v >= 8) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeOffsetCommitRequestTopic(w, a5[i6]!, v); }
  }
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link OffsetCommitRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  checkVersion('OffsetCommitRequest', version, 0, 9);
  const v = version;
  const _groupId: string = (v >= 8 ? r.compactString() : r.string());
  let _generationIdOrMemberEpoch: number;
  if (v >= 1) {
    _generationIdOrMemberEpoch = r.int32();
  } else {
    _generationIdOrMemberEpoch = -1;
  }
  let _memberId: string;
  if (v >= 1) {
    _memberId = (v >= 8 ? r.compactString() : r.string());
  } else {
    _memberId = "";
  }
  let _groupInstanceId: string | null;
  if (v >= 7) {
    _groupInstanceId = (v >= 8 ? r.compactNullableString() : r.nullableString());
  } else {
    _groupInstanceId = null;
  }
  let _retentionTimeMs: number;
  if (v >= 2 && v <= 4) {
    _retentionTimeMs = r.int64();
  } else {
    _retentionTimeMs = -1;
  }
  const n7 = (v >= 8 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('OffsetCommitRequest.topics', v);
  checkCount(r, n7);
  const a8 = new Array<OffsetCommitRequestTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readOffsetCommitRequestTopic(r, v);
  const _topics: OffsetCommitRequestTopic[] = a8;
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { groupId: _groupId, generationIdOrMemberEpoch: _generationIdOrMemberEpoch, memberId: _memberId, groupInstanceId: _groupInstanceId, retentionTimeMs: _retentionTimeMs, topics: _topics };
}

/** Part of {@link OffsetCommitResponse}. */
export interface OffsetCommitResponsePartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

function writeOffsetCommitResponsePartition(w: Writer, m: OffsetCommitResponsePartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitResponsePartition(r: Reader, v: number): OffsetCommitResponsePartition {
  const _partitionIndex: number = r.int32();
  const _errorCode: number = r.int16();
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, errorCode: _errorCode };
}

/** Part of {@link OffsetCommitResponse}. */
export interface OffsetCommitResponseTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: OffsetCommitResponsePartition[];
}

function writeOffsetCommitResponseTopic(w: Writer, m: OffsetCommitResponseTopic, v: number): void {
  if (v >= 8) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 8) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeOffsetCommitResponsePartition(w, a0[i1]!, v); }
  }
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitResponseTopic(r: Reader, v: number): OffsetCommitResponseTopic {
  const _name: string = (v >= 8 ? r.compactString() : r.string());
  const n2 = (v >= 8 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('OffsetCommitResponse.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<OffsetCommitResponsePartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readOffsetCommitResponsePartition(r, v);
  const _partitions: OffsetCommitResponsePartition[] = a3;
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** OffsetCommitResponse, versions 0-9. */
export interface OffsetCommitResponse {
  /** Kafka: ThrottleTimeMs (v3+). */
  throttleTimeMs?: number;
  /** Kafka: Topics (v0+). */
  topics: OffsetCommitResponseTopic[];
}

/** Writes {@link OffsetCommitResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeOffsetCommitResponse(m: OffsetCommitResponse, version: number, w: Writer): void {
  checkVersion('OffsetCommitResponse', version, 0, 9);
  const v = version;
  if (v >= 3) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a5 = m.topics;
  {
    if (v >= 8) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeOffsetCommitResponseTopic(w, a5[i6]!, v); }
  }
  if (v >= 8) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link OffsetCommitResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  checkVersion('OffsetCommitResponse', version, 0, 9);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 3) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n7 = (v >= 8 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('OffsetCommitResponse.topics', v);
  checkCount(r, n7);
  const a8 = new Array<OffsetCommitResponseTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readOffsetCommitResponseTopic(r, v);
  const _topics: OffsetCommitResponseTopic[] = a8;
  if (v >= 8) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics };
}
