// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API ListOffsets (key 2), versions 0-10, flexible from 6. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link ListOffsetsRequest}. */
export interface ListOffsetsPartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: CurrentLeaderEpoch (v4+). */
  currentLeaderEpoch?: number;
  /** Kafka: Timestamp (v0+). */
  timestamp: number;
  /** Kafka: MaxNumOffsets (v0). */
  maxNumOffsets?: number;
}

function writeListOffsetsPartition(w: Writer, m: ListOffsetsPartition, v: number): void {
  w.int32(m.partitionIndex);
  if (v >= 4) {
    w.int32((m.currentLeaderEpoch ?? -1));
  }
  w.int64(m.timestamp);
  if (v <= 0) {
    w.int32((m.maxNumOffsets ?? 1));
  } else {
    if (m.maxNumOffsets !== undefined && !(m.maxNumOffsets === 1)) throw fieldNotInVersion('ListOffsetsRequest.maxNumOffsets', v);
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsPartition(r: Reader, v: number): ListOffsetsPartition {
  const _partitionIndex: number = r.int32();
  let _currentLeaderEpoch: number;
  if (v >= 4) {
    _currentLeaderEpoch = r.int32();
  } else {
    _currentLeaderEpoch = -1;
  }
  const _timestamp: number = r.int64();
  let _maxNumOffsets: number;
  if (v <= 0) {
    _maxNumOffsets = r.int32();
  } else {
    _maxNumOffsets = 1;
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, currentLeaderEpoch: _currentLeaderEpoch, timestamp: _timestamp, maxNumOffsets: _maxNumOffsets };
}

/** Part of {@link ListOffsetsRequest}. */
export interface ListOffsetsTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: ListOffsetsPartition[];
}

function writeListOffsetsTopic(w: Writer, m: ListOffsetsTopic, v: number): void {
  if (v >= 6) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 6) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeListOffsetsPartition(w, a0[i1]!, v); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsTopic(r: Reader, v: number): ListOffsetsTopic {
  const _name: string = (v >= 6 ? r.compactString() : r.string());
  const n2 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('ListOffsetsRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<ListOffsetsPartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readListOffsetsPartition(r, v);
  const _partitions: ListOffsetsPartition[] = a3;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** ListOffsetsRequest, versions 0-10. */
export interface ListOffsetsRequest {
  /** Kafka: ReplicaId (v0+). */
  replicaId: number;
  /** Kafka: IsolationLevel (v2+). */
  isolationLevel?: number;
  /** Kafka: Topics (v0+). */
  topics: ListOffsetsTopic[];
  /** Kafka: TimeoutMs (v10+). */
  timeoutMs?: number;
}

/** Writes {@link ListOffsetsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeListOffsetsRequest(m: ListOffsetsRequest, version: number, w: Writer): void {
  checkVersion('ListOffsetsRequest', version, 0, 10);
  const v = version;
  w.int32(m.replicaId);
  if (v >= 2) {
    w.int8((m.isolationLevel ?? 0));
  } else {
    if (m.isolationLevel !== undefined && !(m.isolationLevel === 0)) throw fieldNotInVersion('ListOffsetsRequest.isolationLevel', v);
  }
  const a5 = m.topics;
  {
    if (v >= 6) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeListOffsetsTopic(w, a5[i6]!, v); }
  }
  if (v >= 10) {
    w.int32((m.timeoutMs ?? 0));
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ListOffsetsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  checkVersion('ListOffsetsRequest', version, 0, 10);
  const v = version;
  const _replicaId: number = r.int32();
  let _isolationLevel: number;
  if (v >= 2) {
    _isolationLevel = r.int8();
  } else {
    _isolationLevel = 0;
  }
  const n7 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('ListOffsetsRequest.topics', v);
  checkCount(r, n7);
  const a8 = new Array<ListOffsetsTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readListOffsetsTopic(r, v);
  const _topics: ListOffsetsTopic[] = a8;
  let _timeoutMs: number;
  if (v >= 10) {
    _timeoutMs = r.int32();
  } else {
    _timeoutMs = 0;
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { replicaId: _replicaId, isolationLevel: _isolationLevel, topics: _topics, timeoutMs: _timeoutMs };
}

/** Part of {@link ListOffsetsResponse}. */
export interface ListOffsetsPartitionResponse {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: OldStyleOffsets (v0). */
  oldStyleOffsets?: number[];
  /** Kafka: Timestamp (v1+). */
  timestamp?: number;
  /** Kafka: Offset (v1+). */
  offset?: number;
  /** Kafka: LeaderEpoch (v4+). */
  leaderEpoch?: number;
}

function writeListOffsetsPartitionResponse(w: Writer, m: ListOffsetsPartitionResponse, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  if (v <= 0) {
    const a0 = (m.oldStyleOffsets ?? []);
    {
      w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { w.int64(a0[i1]!); }
    }
  } else {
    if (m.oldStyleOffsets !== undefined && !(m.oldStyleOffsets.length === 0)) throw fieldNotInVersion('ListOffsetsResponse.oldStyleOffsets', v);
  }
  if (v >= 1) {
    w.int64((m.timestamp ?? -1));
  } else {
    if (m.timestamp !== undefined && !(m.timestamp === -1)) throw fieldNotInVersion('ListOffsetsResponse.timestamp', v);
  }
  if (v >= 1) {
    w.int64((m.offset ?? -1));
  } else {
    if (m.offset !== undefined && !(m.offset === -1)) throw fieldNotInVersion('ListOffsetsResponse.offset', v);
  }
  if (v >= 4) {
    w.int32((m.leaderEpoch ?? -1));
  } else {
    if (m.leaderEpoch !== undefined && !(m.leaderEpoch === -1)) throw fieldNotInVersion('ListOffsetsResponse.leaderEpoch', v);
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsPartitionResponse(r: Reader, v: number): ListOffsetsPartitionResponse {
  const _partitionIndex: number = r.int32();
  const _errorCode: number = r.int16();
  let _oldStyleOffsets: number[];
  if (v <= 0) {
    const n2 = r.int32();
    if (n2 < 0) throw nullOnWire('ListOffsetsResponse.oldStyleOffsets', v);
    checkCount(r, n2);
    const a3 = new Array<number>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int64();
    _oldStyleOffsets = a3;
  } else {
    _oldStyleOffsets = [];
  }
  let _timestamp: number;
  if (v >= 1) {
    _timestamp = r.int64();
  } else {
    _timestamp = -1;
  }
  let _offset: number;
  if (v >= 1) {
    _offset = r.int64();
  } else {
    _offset = -1;
  }
  let _leaderEpoch: number;
  if (v >= 4) {
    _leaderEpoch = r.int32();
  } else {
    _leaderEpoch = -1;
  }
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, errorCode: _errorCode, oldStyleOffsets: _oldStyleOffsets, timestamp: _timestamp, offset: _offset, leaderEpoch: _leaderEpoch };
}

/** Part of {@link ListOffsetsResponse}. */
export interface ListOffsetsTopicResponse {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: ListOffsetsPartitionResponse[];
}

function writeListOffsetsTopicResponse(w: Writer, m: ListOffsetsTopicResponse, v: number): void {
  if (v >= 6) w.compactString(m.name); else w.string(m.name);
  const a5 = m.partitions;
  {
    if (v >= 6) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeListOffsetsPartitionResponse(w, a5[i6]!, v); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsTopicResponse(r: Reader, v: number): ListOffsetsTopicResponse {
  const _name: string = (v >= 6 ? r.compactString() : r.string());
  const n7 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('ListOffsetsResponse.partitions', v);
  checkCount(r, n7);
  const a8 = new Array<ListOffsetsPartitionResponse>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readListOffsetsPartitionResponse(r, v);
  const _partitions: ListOffsetsPartitionResponse[] = a8;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** ListOffsetsResponse, versions 0-10. */
export interface ListOffsetsResponse {
  /** Kafka: ThrottleTimeMs (v2+). */
  throttleTimeMs?: number;
  /** Kafka: Topics (v0+). */
  topics: ListOffsetsTopicResponse[];
}

/** Writes {@link ListOffsetsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeListOffsetsResponse(m: ListOffsetsResponse, version: number, w: Writer): void {
  checkVersion('ListOffsetsResponse', version, 0, 10);
  const v = version;
  if (v >= 2) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a10 = m.topics;
  {
    if (v >= 6) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeListOffsetsTopicResponse(w, a10[i11]!, v); }
  }
  if (v >= 6) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ListOffsetsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  checkVersion('ListOffsetsResponse', version, 0, 10);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 2) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n12 = (v >= 6 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('ListOffsetsResponse.topics', v);
  checkCount(r, n12);
  const a13 = new Array<ListOffsetsTopicResponse>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = readListOffsetsTopicResponse(r, v);
  const _topics: ListOffsetsTopicResponse[] = a13;
  if (v >= 6) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics };
}
