// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API TxnOffsetCommit (key 28), versions 0-4, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link TxnOffsetCommitRequest}. */
export interface TxnOffsetCommitRequestPartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: CommittedOffset (v0+). */
  committedOffset: number;
  /** Kafka: CommittedLeaderEpoch (v2+). */
  committedLeaderEpoch?: number;
  /** Kafka: CommittedMetadata (v0+). */
  committedMetadata: string | null;
}

function writeTxnOffsetCommitRequestPartition(w: Writer, m: TxnOffsetCommitRequestPartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int64(m.committedOffset);
  if (v >= 2) {
    w.int32((m.committedLeaderEpoch ?? -1));
  }
  if (v >= 3) w.compactNullableString(m.committedMetadata); else w.nullableString(m.committedMetadata);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitRequestPartition(r: Reader, v: number): TxnOffsetCommitRequestPartition {
  const _partitionIndex: number = r.int32();
  const _committedOffset: number = r.int64();
  let _committedLeaderEpoch: number;
  if (v >= 2) {
    _committedLeaderEpoch = r.int32();
  } else {
    _committedLeaderEpoch = -1;
  }
  const _committedMetadata: string | null = (v >= 3 ? r.compactNullableString() : r.nullableString());
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, committedOffset: _committedOffset, committedLeaderEpoch: _committedLeaderEpoch, committedMetadata: _committedMetadata };
}

/** Part of {@link TxnOffsetCommitRequest}. */
export interface TxnOffsetCommitRequestTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: TxnOffsetCommitRequestPartition[];
}

function writeTxnOffsetCommitRequestTopic(w: Writer, m: TxnOffsetCommitRequestTopic, v: number): void {
  if (v >= 3) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeTxnOffsetCommitRequestPartition(w, a0[i1]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitRequestTopic(r: Reader, v: number): TxnOffsetCommitRequestTopic {
  const _name: string = (v >= 3 ? r.compactString() : r.string());
  const n2 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('TxnOffsetCommitRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<TxnOffsetCommitRequestPartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readTxnOffsetCommitRequestPartition(r, v);
  const _partitions: TxnOffsetCommitRequestPartition[] = a3;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** TxnOffsetCommitRequest, versions 0-4. */
export interface TxnOffsetCommitRequest {
  /** Kafka: TransactionalId (v0+). */
  transactionalId: string;
  /** Kafka: GroupId (v0+). */
  groupId: string;
  /** Kafka: ProducerId (v0+). */
  producerId: number;
  /** Kafka: ProducerEpoch (v0+). */
  producerEpoch: number;
  /** Kafka: GenerationId (v3+). */
  generationId?: number;
  /** Kafka: MemberId (v3+). */
  memberId?: string;
  /** Kafka: GroupInstanceId (v3+). */
  groupInstanceId?: string | null;
  /** Kafka: Topics (v0+). */
  topics: TxnOffsetCommitRequestTopic[];
}

/** Writes {@link TxnOffsetCommitRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeTxnOffsetCommitRequest(m: TxnOffsetCommitRequest, version: number, w: Writer): void {
  checkVersion('TxnOffsetCommitRequest', version, 0, 4);
  const v = version;
  if (v >= 3) w.compactString(m.transactionalId); else w.string(m.transactionalId);
  if (v >= 3) w.compactString(m.groupId); else w.string(m.groupId);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  if (v >= 3) {
    w.int32((m.generationId ?? -1));
  } else {
    if (m.generationId !== undefined && !(m.generationId === -1)) throw fieldNotInVersion('TxnOffsetCommitRequest.generationId', v);
  }
  if (v >= 3) {
    w.compactString((m.memberId ?? ""));
  } else {
    if (m.memberId !== undefined && !(m.memberId === "")) throw fieldNotInVersion('TxnOffsetCommitRequest.memberId', v);
  }
  if (v >= 3) {
    w.compactNullableString((m.groupInstanceId === undefined ? null : m.groupInstanceId));
  } else {
    if (m.groupInstanceId !== undefined && !(m.groupInstanceId === null)) throw fieldNotInVersion('TxnOffsetCommitRequest.groupInstanceId', v);
  }
  const a5 = m.topics;
  {
    if (v >= 3) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeTxnOffsetCommitRequestTopic(w, a5[i6]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link TxnOffsetCommitRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeTxnOffsetCommitRequest(r: Reader, version: number): TxnOffsetCommitRequest {
  checkVersion('TxnOffsetCommitRequest', version, 0, 4);
  const v = version;
  const _transactionalId: string = (v >= 3 ? r.compactString() : r.string());
  const _groupId: string = (v >= 3 ? r.compactString() : r.string());
  const _producerId: number = r.int64();
  const _producerEpoch: number = r.int16();
  let _generationId: number;
  if (v >= 3) {
    _generationId = r.int32();
  } else {
    _generationId = -1;
  }
  let _memberId: string;
  if (v >= 3) {
    _memberId = r.compactString();
  } else {
    _memberId = "";
  }
  let _groupInstanceId: string | null;
  if (v >= 3) {
    _groupInstanceId = r.compactNullableString();
  } else {
    _groupInstanceId = null;
  }
  const n7 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('TxnOffsetCommitRequest.topics', v);
  checkCount(r, n7);
  const a8 = new Array<TxnOffsetCommitRequestTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readTxnOffsetCommitRequestTopic(r, v);
  const _topics: TxnOffsetCommitRequestTopic[] = a8;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { transactionalId: _transactionalId, groupId: _groupId, producerId: _producerId, producerEpoch: _producerEpoch, generationId: _generationId, memberId: _memberId, groupInstanceId: _groupInstanceId, topics: _topics };
}

/** Part of {@link TxnOffsetCommitResponse}. */
export interface TxnOffsetCommitResponsePartition {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

function writeTxnOffsetCommitResponsePartition(w: Writer, m: TxnOffsetCommitResponsePartition, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitResponsePartition(r: Reader, v: number): TxnOffsetCommitResponsePartition {
  const _partitionIndex: number = r.int32();
  const _errorCode: number = r.int16();
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, errorCode: _errorCode };
}

/** Part of {@link TxnOffsetCommitResponse}. */
export interface TxnOffsetCommitResponseTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: TxnOffsetCommitResponsePartition[];
}

function writeTxnOffsetCommitResponseTopic(w: Writer, m: TxnOffsetCommitResponseTopic, v: number): void {
  if (v >= 3) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeTxnOffsetCommitResponsePartition(w, a0[i1]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitResponseTopic(r: Reader, v: number): TxnOffsetCommitResponseTopic {
  const _name: string = (v >= 3 ? r.compactString() : r.string());
  const n2 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('TxnOffsetCommitResponse.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<TxnOffsetCommitResponsePartition>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readTxnOffsetCommitResponsePartition(r, v);
  const _partitions: TxnOffsetCommitResponsePartition[] = a3;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** TxnOffsetCommitResponse, versions 0-4. */
export interface TxnOffsetCommitResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Topics (v0+). */
  topics: TxnOffsetCommitResponseTopic[];
}

/** Writes {@link TxnOffsetCommitResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeTxnOffsetCommitResponse(m: TxnOffsetCommitResponse, version: number, w: Writer): void {
  checkVersion('TxnOffsetCommitResponse', version, 0, 4);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a5 = m.topics;
  {
    if (v >= 3) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeTxnOffsetCommitResponseTopic(w, a5[i6]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link TxnOffsetCommitResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeTxnOffsetCommitResponse(r: Reader, version: number): TxnOffsetCommitResponse {
  checkVersion('TxnOffsetCommitResponse', version, 0, 4);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n7 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('TxnOffsetCommitResponse.topics', v);
  checkCount(r, n7);
  const a8 = new Array<TxnOffsetCommitResponseTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readTxnOffsetCommitResponseTopic(r, v);
  const _topics: TxnOffsetCommitResponseTopic[] = a8;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics };
}
