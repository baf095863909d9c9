// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DeleteRecords (key 21), versions 0-2, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link DeleteRecordsRequest}. */
export interface DeleteRecordsPartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: Offset (v0+). */
  offset: number;
}

function writeDeleteRecordsPartition(w: Writer, m: DeleteRecordsPartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.offset);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsPartition(r: Reader, v: number): DeleteRecordsPartition {
  const _partitionIndex: number = r.int32();
  const _offset: number = r.int64();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, offset: _offset };
}

/** Part of {@link DeleteRecordsRequest}. */
export interface DeleteRecordsTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: DeleteRecordsPartition[];
}

function writeDeleteRecordsTopic(w: Writer, m: DeleteRecordsTopic, v: number): void {
  if (v >= 2) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeDeleteRecordsPartition(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsTopic(r: Reader, v: number): DeleteRecordsTopic {
  const _name: string = (v >= 2 ? r.compactString() : r.string());
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DeleteRecordsRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<DeleteRecordsPartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDeleteRecordsPartition(r, v);
  const _partitions: DeleteRecordsPartition[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** DeleteRecordsRequest, versions 0-2. */
export interface DeleteRecordsRequest {
  /** Kafka: Topics (v0+). */
  topics: DeleteRecordsTopic[];
  /** Kafka: TimeoutMs (v0+). */
  timeoutMs: number;
}

/** Writes {@link DeleteRecordsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteRecordsRequest(m: DeleteRecordsRequest, version: number, w: Writer): void {
  checkVersion('DeleteRecordsRequest', version, 0, 2);
  const v = version;
  const a5 = m.topics;
  {
    if (v >= 2) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeDeleteRecordsTopic(w, a5[i6]!, v); }
  }
  w.int32(m.timeoutMs);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteRecordsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  checkVersion('DeleteRecordsRequest', version, 0, 2);
  const v = version;
  const n7 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('DeleteRecordsRequest.topics', v);
  checkCount(r, n7);
  const a8 = new Array<DeleteRecordsTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readDeleteRecordsTopic(r, v);
  const _topics: DeleteRecordsTopic[] = a8;
  const _timeoutMs: number = r.int32();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { topics: _topics, timeoutMs: _timeoutMs };
}

/** Part of {@link DeleteRecordsResponse}. */
export interface DeleteRecordsPartitionResult {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: LowWatermark (v0+). */
  lowWatermark: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

function writeDeleteRecordsPartitionResult(w: Writer, m: DeleteRecordsPartitionResult, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.lowWatermark);
  w.int16(m.errorCode);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsPartitionResult(r: Reader, v: number): DeleteRecordsPartitionResult {
  const _partitionIndex: number = r.int32();
  const _lowWatermark: number = r.int64();
  const _errorCode: number = r.int16();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, lowWatermark: _lowWatermark, errorCode: _errorCode };
}

/** Part of {@link DeleteRecordsResponse}. */
export interface DeleteRecordsTopicResult {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: DeleteRecordsPartitionResult[];
}

function writeDeleteRecordsTopicResult(w: Writer, m: DeleteRecordsTopicResult, v: number): void {
  if (v >= 2) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeDeleteRecordsPartitionResult(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsTopicResult(r: Reader, v: number): DeleteRecordsTopicResult {
  const _name: string = (v >= 2 ? r.compactString() : r.string());
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('DeleteRecordsResponse.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<DeleteRecordsPartitionResult>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDeleteRecordsPartitionResult(r, v);
  const _partitions: DeleteRecordsPartitionResult[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** DeleteRecordsResponse, versions 0-2. */
export interface DeleteRecordsResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Topics (v0+). */
  topics: DeleteRecordsTopicResult[];
}

/** Writes {@link DeleteRecordsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteRecordsResponse(m: DeleteRecordsResponse, version: number, w: Writer): void {
  checkVersion('DeleteRecordsResponse', version, 0, 2);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a5 = m.topics;
  {
    if (v >= 2) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeDeleteRecordsTopicResult(w, a5[i6]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteRecordsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  checkVersion('DeleteRecordsResponse', version, 0, 2);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n7 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('DeleteRecordsResponse.topics', v);
  checkCount(r, n7);
  const a8 = new Array<DeleteRecordsTopicResult>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readDeleteRecordsTopicResult(r, v);
  const _topics: DeleteRecordsTopicResult[] = a8;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics };
}
