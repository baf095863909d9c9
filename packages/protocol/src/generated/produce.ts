// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API Produce (key 0), versions 0-11, flexible from 9. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields, taggedData, taggedReader, writeTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link ProduceRequest}. */
export interface ProduceRequestPartitionProduceData {
  /** Kafka: Index (v0+). */
  index: number;
  /** Kafka: Records (v0+). */
  records: Buffer | null;
}

function writeProduceRequestPartitionProduceData(w: Writer, m: ProduceRequestPartitionProduceData, v: number): void {
  w.int32(m.index);
  if (v >= 9) w.compactNullableBytes(m.records); else w.nullableBytes(m.records);
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceRequestPartitionProduceData(r: Reader, v: number): ProduceRequestPartitionProduceData {
  const _index: number = r.int32();
  const _records: Buffer | null = (v >= 9 ? r.compactNullableBytes() : r.nullableBytes());
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { index: _index, records: _records };
}

/** Part of {@link ProduceRequest}. */
export interface ProduceRequestTopicProduceData {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: PartitionData (v0+). */
  partitionData: ProduceRequestPartitionProduceData[];
}

function writeProduceRequestTopicProduceData(w: Writer, m: ProduceRequestTopicProduceData, v: number): void {
  if (v >= 9) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitionData;
  {
    if (v >= 9) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeProduceRequestPartitionProduceData(w, a0[i1]!, v); }
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceRequestTopicProduceData(r: Reader, v: number): ProduceRequestTopicProduceData {
  const _name: string = (v >= 9 ? r.compactString() : r.string());
  const n2 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('ProduceRequest.partitionData', v);
  checkCount(r, n2);
  const a3 = new Array<ProduceRequestPartitionProduceData>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readProduceRequestPartitionProduceData(r, v);
  const _partitionData: ProduceRequestPartitionProduceData[] = a3;
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { name: _name, partitionData: _partitionData };
}

/** ProduceRequest, versions 0-11. */
export interface ProduceRequest {
  /** Kafka: TransactionalId (v3+). */
  transactionalId?: string | null;
  /** Kafka: Acks (v0+). */
  acks: number;
  /** Kafka: TimeoutMs (v0+). */
  timeoutMs: number;
  /** Kafka: TopicData (v0+). */
  topicData: ProduceRequestTopicProduceData[];
}

/** Writes {@link ProduceRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeProduceRequest(m: ProduceRequest, version: number, w: Writer): void {
  checkVersion('ProduceRequest', version, 0, 11);
  const v = version;
  if (v >= 3) {
    if (v >= 9) w.compactNullableString((m.transactionalId === undefined ? null : m.transactionalId)); else w.nullableString((m.transactionalId === undefined ? null : m.transactionalId));
  } else {
    if (m.transactionalId !== undefined && !(m.transactionalId === null)) throw fieldNotInVersion('ProduceRequest.transactionalId', v);
  }
  w.int16(m.acks);
  w.int32(m.timeoutMs);
  const a5 = m.topicData;
  {
    if (v >= 9) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeProduceRequestTopicProduceData(w, a5[i6]!, v); }
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ProduceRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeProduceRequest(r: Reader, version: number): ProduceRequest {
  checkVersion('ProduceRequest', version, 0, 11);
  const v = version;
  let _transactionalId: string | null;
  if (v >= 3) {
    _transactionalId = (v >= 9 ? r.compactNullableString() : r.nullableString());
  } else {
    _transactionalId = null;
  }
  const _acks: number = r.int16();
  const _timeoutMs: number = r.int32();
  const n7 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('ProduceRequest.topicData', v);
  checkCount(r, n7);
  const a8 = new Array<ProduceRequestTopicProduceData>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readProduceRequestTopicProduceData(r, v);
  const _topicData: ProduceRequestTopicProduceData[] = a8;
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { transactionalId: _transactionalId, acks: _acks, timeoutMs: _timeoutMs, topicData: _topicData };
}

/** Part of {@link ProduceResponse}. */
export interface ProduceResponseNodeEndpoint {
  /** Kafka: NodeId (v10+). */
  nodeId: number;
  /** Kafka: Host (v10+). */
  host: string;
  /** Kafka: Port (v10+). */
  port: number;
  /** Kafka: Rack (v10+). */
  rack: string | null;
}

function writeProduceResponseNodeEndpoint(w: Writer, m: ProduceResponseNodeEndpoint, v: number): void {
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.unsignedVarint(0);
}

function readProduceResponseNodeEndpoint(r: Reader, v: number): ProduceResponseNodeEndpoint {
  const _nodeId: number = r.int32();
  const _host: string = r.compactString();
  const _port: number = r.int32();
  const _rack: string | null = r.compactNullableString();
  skipTaggedFields(r);
  return { nodeId: _nodeId, host: _host, port: _port, rack: _rack };
}

/** Part of {@link ProduceResponse}. */
export interface ProduceResponseLeaderIdAndEpoch {
  /** Kafka: LeaderId (v10+). */
  leaderId: number;
  /** Kafka: LeaderEpoch (v10+). */
  leaderEpoch: number;
}

function defaultProduceResponseLeaderIdAndEpoch(): ProduceResponseLeaderIdAndEpoch {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultProduceResponseLeaderIdAndEpoch(m: ProduceResponseLeaderIdAndEpoch): boolean {
  return m.leaderId === -1 && m.leaderEpoch === -1;
}

function writeProduceResponseLeaderIdAndEpoch(w: Writer, m: ProduceResponseLeaderIdAndEpoch, v: number): void {
  w.int32(m.leaderId);
  w.int32(m.leaderEpoch);
  w.unsignedVarint(0);
}

function readProduceResponseLeaderIdAndEpoch(r: Reader, v: number): ProduceResponseLeaderIdAndEpoch {
  const _leaderId: number = r.int32();
  const _leaderEpoch: number = r.int32();
  skipTaggedFields(r);
  return { leaderId: _leaderId, leaderEpoch: _leaderEpoch };
}

/** Part of {@link ProduceResponse}. */
export interface ProduceResponseBatchIndexAndErrorMessage {
  /** Kafka: BatchIndex (v8+). */
  batchIndex: number;
  /** Kafka: BatchIndexErrorMessage (v8+). */
  batchIndexErrorMessage: string | null;
}

function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, m: ProduceResponseBatchIndexAndErrorMessage, v: number): void {
  w.int32(m.batchIndex);
  if (v >= 9) w.compactNullableString(m.batchIndexErrorMessage); else w.nullableString(m.batchIndexErrorMessage);
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseBatchIndexAndErrorMessage(r: Reader, v: number): ProduceResponseBatchIndexAndErrorMessage {
  const _batchIndex: number = r.int32();
  const _batchIndexErrorMessage: string | null = (v >= 9 ? r.compactNullableString() : r.nullableString());
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { batchIndex: _batchIndex, batchIndexErrorMessage: _batchIndexErrorMessage };
}

/** Part of {@link ProduceResponse}. */
export interface ProduceResponsePartitionProduceResponse {
  /** Kafka: Index (v0+). */
  index: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: BaseOffset (v0+). */
  baseOffset: number;
  /** Kafka: LogAppendTimeMs (v2+). */
  logAppendTimeMs?: number;
  /** Kafka: LogStartOffset (v5+). */
  logStartOffset?: number;
  /** Kafka: RecordErrors (v8+). */
  recordErrors?: ProduceResponseBatchIndexAndErrorMessage[];
  /** Kafka: ErrorMessage (v8+). */
  errorMessage?: string | null;
  /** Kafka: CurrentLeader (v10+, tag 0). */
  currentLeader?: ProduceResponseLeaderIdAndEpoch;
}

function writeProduceResponsePartitionProduceResponse(w: Writer, m: ProduceResponsePartitionProduceResponse, v: number): void {
  w.int32(m.index);
  w.int16(m.errorCode);
  w.int64(m.baseOffset);
  if (v >= 2) {
    w.int64((m.logAppendTimeMs ?? -1));
  }
  if (v >= 5) {
    w.int64((m.logStartOffset ?? -1));
  }
  if (v >= 8) {
    const a0 = (m.recordErrors ?? []);
    {
      if (v >= 9) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { writeProduceResponseBatchIndexAndErrorMessage(w, a0[i1]!, v); }
    }
  }
  if (v >= 8) {
    if (v >= 9) w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (!(v >= 10)) {
    if (m.currentLeader !== undefined && !(isDefaultProduceResponseLeaderIdAndEpoch(m.currentLeader))) throw fieldNotInVersion('ProduceResponse.currentLeader', v);
  }
  if (v >= 9) {
    let tagged: TaggedField[] | null = null;
    if (v >= 10 && m.currentLeader !== undefined && !(isDefaultProduceResponseLeaderIdAndEpoch(m.currentLeader))) {
      const x = m.currentLeader;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      writeProduceResponseLeaderIdAndEpoch(w, x, v);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

function readProduceResponsePartitionProduceResponse(r: Reader, v: number): ProduceResponsePartitionProduceResponse {
  const _index: number = r.int32();
  const _errorCode: number = r.int16();
  const _baseOffset: number = r.int64();
  let _logAppendTimeMs: number;
  if (v >= 2) {
    _logAppendTimeMs = r.int64();
  } else {
    _logAppendTimeMs = -1;
  }
  let _logStartOffset: number;
  if (v >= 5) {
    _logStartOffset = r.int64();
  } else {
    _logStartOffset = -1;
  }
  let _recordErrors: ProduceResponseBatchIndexAndErrorMessage[];
  if (v >= 8) {
    const n2 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
    if (n2 < 0) throw nullOnWire('ProduceResponse.recordErrors', v);
    checkCount(r, n2);
    const a3 = new Array<ProduceResponseBatchIndexAndErrorMessage>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = readProduceResponseBatchIndexAndErrorMessage(r, v);
    _recordErrors = a3;
  } else {
    _recordErrors = [];
  }
  let _errorMessage: string | null;
  if (v >= 8) {
    _errorMessage = (v >= 9 ? r.compactNullableString() : r.nullableString());
  } else {
    _errorMessage = null;
  }
  let _currentLeader: ProduceResponseLeaderIdAndEpoch = defaultProduceResponseLeaderIdAndEpoch();
  if (v >= 9) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 10) {
          const r = tr;
          _currentLeader = readProduceResponseLeaderIdAndEpoch(r, v);
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { index: _index, errorCode: _errorCode, baseOffset: _baseOffset, logAppendTimeMs: _logAppendTimeMs, logStartOffset: _logStartOffset, recordErrors: _recordErrors, errorMessage: _errorMessage, currentLeader: _currentLeader };
}

/** Part of {@link ProduceResponse}. */
export interface ProduceResponseTopicProduceResponse {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: PartitionResponses (v0+). */
  partitionResponses: ProduceResponsePartitionProduceResponse[];
}

function writeProduceResponseTopicProduceResponse(w: Writer, m: ProduceResponseTopicProduceResponse, v: number): void {
  if (v >= 9) w.compactString(m.name); else w.string(m.name);
  const a5 = m.partitionResponses;
  {
    if (v >= 9) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeProduceResponsePartitionProduceResponse(w, a5[i6]!, v); }
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceResponseTopicProduceResponse(r: Reader, v: number): ProduceResponseTopicProduceResponse {
  const _name: string = (v >= 9 ? r.compactString() : r.string());
  const n7 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('ProduceResponse.partitionResponses', v);
  checkCount(r, n7);
  const a8 = new Array<ProduceResponsePartitionProduceResponse>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readProduceResponsePartitionProduceResponse(r, v);
  const _partitionResponses: ProduceResponsePartitionProduceResponse[] = a8;
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { name: _name, partitionResponses: _partitionResponses };
}

/** ProduceResponse, versions 0-11. */
export interface ProduceResponse {
  /** Kafka: Responses (v0+). */
  responses: ProduceResponseTopicProduceResponse[];
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: NodeEndpoints (v10+, tag 0). */
  nodeEndpoints?: ProduceResponseNodeEndpoint[];
}

/** Writes {@link ProduceResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeProduceResponse(m: ProduceResponse, version: number, w: Writer): void {
  checkVersion('ProduceResponse', version, 0, 11);
  const v = version;
  const a10 = m.responses;
  {
    if (v >= 9) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeProduceResponseTopicProduceResponse(w, a10[i11]!, v); }
  }
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  if (!(v >= 10)) {
    if (m.nodeEndpoints !== undefined && !(m.nodeEndpoints.length === 0)) throw fieldNotInVersion('ProduceResponse.nodeEndpoints', v);
  }
  if (v >= 9) {
    let tagged: TaggedField[] | null = null;
    if (v >= 10 && m.nodeEndpoints !== undefined && !(m.nodeEndpoints.length === 0)) {
      const x = m.nodeEndpoints;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      const a12 = x;
      {
        w.unsignedVarint(a12.length + 1);
      for (let i13 = 0; i13 < a12.length; i13++) { writeProduceResponseNodeEndpoint(w, a12[i13]!, v); }
      }
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

/** Reads {@link ProduceResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeProduceResponse(r: Reader, version: number): ProduceResponse {
  checkVersion('ProduceResponse', version, 0, 11);
  const v = version;
  const n14 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n14 < 0) throw nullOnWire('ProduceResponse.responses', v);
  checkCount(r, n14);
  const a15 = new Array<ProduceResponseTopicProduceResponse>(n14);
  for (let i16 = 0; i16 < n14; i16++) a15[i16] = readProduceResponseTopicProduceResponse(r, v);
  const _responses: ProduceResponseTopicProduceResponse[] = a15;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  let _nodeEndpoints: ProduceResponseNodeEndpoint[] = [];
  if (v >= 9) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 10) {
          const r = tr;
          const n17 = r.unsignedVarint() - 1;
          if (n17 < 0) throw nullOnWire('ProduceResponse.nodeEndpoints', v);
          checkCount(r, n17);
          const a18 = new Array<ProduceResponseNodeEndpoint>(n17);
          for (let i19 = 0; i19 < n17; i19++) a18[i19] = readProduceResponseNodeEndpoint(r, v);
          _nodeEndpoints = a18;
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { responses: _responses, throttleTimeMs: _throttleTimeMs, nodeEndpoints: _nodeEndpoints };
}
