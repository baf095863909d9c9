// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API Fetch (key 1), versions 0-17, flexible from 12. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { ZERO_UUID, checkCount, checkVersion, fieldNotInVersion, isZeroUuid, nullOnWire, skipTaggedFields, taggedData, taggedReader, writeTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link FetchRequest}. */
export interface FetchRequestForgottenTopic {
  /** Kafka: Topic (v7-12). */
  topic?: string;
  /** Kafka: TopicId (v13+). */
  topicId?: Buffer;
  /** Kafka: Partitions (v7+). */
  partitions: number[];
}

function writeFetchRequestForgottenTopic(w: Writer, m: FetchRequestForgottenTopic, v: number): void {
  if (v <= 12) {
    if (v >= 12) w.compactString((m.topic ?? "")); else w.string((m.topic ?? ""));
  }
  if (v >= 13) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  const a0 = m.partitions;
  {
    if (v >= 12) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  if (v >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchRequestForgottenTopic(r: Reader, v: number): FetchRequestForgottenTopic {
  let _topic: string;
  if (v <= 12) {
    _topic = (v >= 12 ? r.compactString() : r.string());
  } else {
    _topic = "";
  }
  let _topicId: Buffer;
  if (v >= 13) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const n2 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('FetchRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<number>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int32();
  const _partitions: number[] = a3;
  if (v >= 12) {
    skipTaggedFields(r);
  }
  return { topic: _topic, topicId: _topicId, partitions: _partitions };
}

/** Part of {@link FetchRequest}. */
export interface FetchPartition {
  /** Kafka: Partition (v0+). */
  partition: number;
  /** Kafka: CurrentLeaderEpoch (v9+). */
  currentLeaderEpoch?: number;
  /** Kafka: FetchOffset (v0+). */
  fetchOffset: number;
  /** Kafka: LastFetchedEpoch (v12+). */
  lastFetchedEpoch?: number;
  /** Kafka: LogStartOffset (v5+). */
  logStartOffset?: number;
  /** Kafka: PartitionMaxBytes (v0+). */
  partitionMaxBytes: number;
  /** Kafka: ReplicaDirectoryId (v17+, tag 0). */
  replicaDirectoryId?: Buffer;
}

function writeFetchPartition(w: Writer, m: FetchPartition, v: number): void {
  w.int32(m.partition);
  if (v >= 9) {
    w.int32((m.currentLeaderEpoch ?? -1));
  }
  w.int64(m.fetchOffset);
  if (v >= 12) {
    w.int32((m.lastFetchedEpoch ?? -1));
  } else {
    if (m.lastFetchedEpoch !== undefined && !(m.lastFetchedEpoch === -1)) throw fieldNotInVersion('FetchRequest.lastFetchedEpoch', v);
  }
  if (v >= 5) {
    w.int64((m.logStartOffset ?? -1));
  }
  w.int32(m.partitionMaxBytes);
  if (v >= 12) {
    let tagged: TaggedField[] | null = null;
    if (v >= 17 && m.replicaDirectoryId !== undefined && !(isZeroUuid(m.replicaDirectoryId))) {
      const x = m.replicaDirectoryId;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      w.uuid(x);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

function readFetchPartition(r: Reader, v: number): FetchPartition {
  const _partition: number = r.int32();
  let _currentLeaderEpoch: number;
  if (v >= 9) {
    _currentLeaderEpoch = r.int32();
  } else {
    _currentLeaderEpoch = -1;
  }
  const _fetchOffset: number = r.int64();
  let _lastFetchedEpoch: number;
  if (v >= 12) {
    _lastFetchedEpoch = r.int32();
  } else {
    _lastFetchedEpoch = -1;
  }
  let _logStartOffset: number;
  if (v >= 5) {
    _logStartOffset = r.int64();
  } else {
    _logStartOffset = -1;
  }
  const _partitionMaxBytes: number = r.int32();
  let _replicaDirectoryId: Buffer = ZERO_UUID;
  if (v >= 12) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 17) {
          const r = tr;
          _replicaDirectoryId = r.uuid();
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { partition: _partition, currentLeaderEpoch: _currentLeaderEpoch, fetchOffset: _fetchOffset, lastFetchedEpoch: _lastFetchedEpoch, logStartOffset: _logStartOffset, partitionMaxBytes: _partitionMaxBytes, replicaDirectoryId: _replicaDirectoryId };
}

/** Part of {@link FetchRequest}. */
export interface FetchTopic {
  /** Kafka: Topic (v0-12). */
  topic?: string;
  /** Kafka: TopicId (v13+). */
  topicId?: Buffer;
  /** Kafka: Partitions (v0+). */
  partitions: FetchPartition[];
}

function writeFetchTopic(w: Writer, m: FetchTopic, v: number): void {
  if (v <= 12) {
    if (v >= 12) w.compactString((m.topic ?? "")); else w.string((m.topic ?? ""));
  }
  if (v >= 13) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  const a5 = m.partitions;
  {
    if (v >= 12) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeFetchPartition(w, a5[i6]!, v); }
  }
  if (v >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchTopic(r: Reader, v: number): FetchTopic {
  let _topic: string;
  if (v <= 12) {
    _topic = (v >= 12 ? r.compactString() : r.string());
  } else {
    _topic = "";
  }
  let _topicId: Buffer;
  if (v >= 13) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const n7 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('FetchRequest.partitions', v);
  checkCount(r, n7);
  const a8 = new Array<FetchPartition>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readFetchPartition(r, v);
  const _partitions: FetchPartition[] = a8;
  if (v >= 12) {
    skipTaggedFields(r);
  }
  return { topic: _topic, topicId: _topicId, partitions: _partitions };
}

/** Part of {@link FetchRequest}. */
export interface FetchRequestReplicaState {
  /** Kafka: ReplicaId (v15+). */
  replicaId: number;
  /** Kafka: ReplicaEpoch (v15+). */
  replicaEpoch: number;
}

function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return { replicaId: -1, replicaEpoch: -1 };
}

function isDefaultFetchRequestReplicaState(m: FetchRequestReplicaState): boolean {
  return m.replicaId === -1 && m.replicaEpoch === -1;
}

function writeFetchRequestReplicaState(w: Writer, m: FetchRequestReplicaState, v: number): void {
  w.int32(m.replicaId);
  w.int64(m.replicaEpoch);
  w.unsignedVarint(0);
}

function readFetchRequestReplicaState(r: Reader, v: number): FetchRequestReplicaState {
  const _replicaId: number = r.int32();
  const _replicaEpoch: number = r.int64();
  skipTaggedFields(r);
  return { replicaId: _replicaId, replicaEpoch: _replicaEpoch };
}

/** FetchRequest, versions 0-17. */
export interface FetchRequest {
  /** Kafka: ClusterId (v12+, tag 0). */
  clusterId?: string | null;
  /** Kafka: ReplicaId (v0-14). */
  replicaId?: number;
  /** Kafka: ReplicaState (v15+, tag 1). */
  replicaState?: FetchRequestReplicaState;
  /** Kafka: MaxWaitMs (v0+). */
  maxWaitMs: number;
  /** Kafka: MinBytes (v0+). */
  minBytes: number;
  /** Kafka: MaxBytes (v3+). */
  maxBytes?: number;
  /** Kafka: IsolationLevel (v4+). */
  isolationLevel?: number;
  /** Kafka: SessionId (v7+). */
  sessionId?: number;
  /** Kafka: SessionEpoch (v7+). */
  sessionEpoch?: number;
  /** Kafka: Topics (v0+). */
  topics: FetchTopic[];
  /** Kafka: ForgottenTopicsData (v7+). */
  forgottenTopicsData?: FetchRequestForgottenTopic[];
  /** Kafka: RackId (v11+). */
  rackId?: string;
}

/** Writes {@link FetchRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeFetchRequest(m: FetchRequest, version: number, w: Writer): void {
  checkVersion('FetchRequest', version, 0, 17);
  const v = version;
  if (v <= 14) {
    w.int32((m.replicaId ?? -1));
  } else {
    if (m.replicaId !== undefined && !(m.replicaId === -1)) throw fieldNotInVersion('FetchRequest.replicaId', v);
  }
  if (!(v >= 15)) {
    if (m.replicaState !== undefined && !(isDefaultFetchRequestReplicaState(m.replicaState))) throw fieldNotInVersion('FetchRequest.replicaState', v);
  }
  w.int32(m.maxWaitMs);
  w.int32(m.minBytes);
  if (v >= 3) {
    w.int32((m.maxBytes ?? 2147483647));
  }
  if (v >= 4) {
    w.int8((m.isolationLevel ?? 0));
  }
  if (v >= 7) {
    w.int32((m.sessionId ?? 0));
  }
  if (v >= 7) {
    w.int32((m.sessionEpoch ?? -1));
  }
  const a10 = m.topics;
  {
    if (v >= 12) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeFetchTopic(w, a10[i11]!, v); }
  }
  if (v >= 7) {
    const a12 = (m.forgottenTopicsData ?? []);
    {
      if (v >= 12) w.unsignedVarint(a12.length + 1); else w.int32(a12.length);
      for (let i13 = 0; i13 < a12.length; i13++) { writeFetchRequestForgottenTopic(w, a12[i13]!, v); }
    }
  } else {
    if (m.forgottenTopicsData !== undefined && !(m.forgottenTopicsData.length === 0)) throw fieldNotInVersion('FetchRequest.forgottenTopicsData', v);
  }
  if (v >= 11) {
    if (v >= 12) w.compactString((m.rackId ?? "")); else w.string((m.rackId ?? ""));
  }
  if (v >= 12) {
    let tagged: TaggedField[] | null = null;
    if (v >= 12 && m.clusterId !== undefined && !(m.clusterId === null)) {
      const x = m.clusterId;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      w.compactNullableString(x);
      }) });
    }
    if (v >= 15 && m.replicaState !== undefined && !(isDefaultFetchRequestReplicaState(m.replicaState))) {
      const x = m.replicaState;
      (tagged ??= []).push({ tag: 1, data: taggedData((w) => {
      writeFetchRequestReplicaState(w, x, v);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

/** Reads {@link FetchRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeFetchRequest(r: Reader, version: number): FetchRequest {
  checkVersion('FetchRequest', version, 0, 17);
  const v = version;
  let _clusterId: string | null = null;
  let _replicaId: number;
  if (v <= 14) {
    _replicaId = r.int32();
  } else {
    _replicaId = -1;
  }
  let _replicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  const _maxWaitMs: number = r.int32();
  const _minBytes: number = r.int32();
  let _maxBytes: number;
  if (v >= 3) {
    _maxBytes = r.int32();
  } else {
    _maxBytes = 2147483647;
  }
  let _isolationLevel: number;
  if (v >= 4) {
    _isolationLevel = r.int8();
  } else {
    _isolationLevel = 0;
  }
  let _sessionId: number;
  if (v >= 7) {
    _sessionId = r.int32();
  } else {
    _sessionId = 0;
  }
  let _sessionEpoch: number;
  if (v >= 7) {
    _sessionEpoch = r.int32();
  } else {
    _sessionEpoch = -1;
  }
  const n14 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
  if (n14 < 0) throw nullOnWire('FetchRequest.topics', v);
  checkCount(r, n14);
  const a15 = new Array<FetchTopic>(n14);
  for (let i16 = 0; i16 < n14; i16++) a15[i16] = readFetchTopic(r, v);
  const _topics: FetchTopic[] = a15;
  let _forgottenTopicsData: FetchRequestForgottenTopic[];
  if (v >= 7) {
    const n17 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
    if (n17 < 0) throw nullOnWire('FetchRequest.forgottenTopicsData', v);
    checkCount(r, n17);
    const a18 = new Array<FetchRequestForgottenTopic>(n17);
    for (let i19 = 0; i19 < n17; i19++) a18[i19] = readFetchRequestForgottenTopic(r, v);
    _forgottenTopicsData = a18;
  } else {
    _forgottenTopicsData = [];
  }
  let _rackId: string;
  if (v >= 11) {
    _rackId = (v >= 12 ? r.compactString() : r.string());
  } else {
    _rackId = "";
  }
  if (v >= 12) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 12) {
          const r = tr;
          _clusterId = r.compactNullableString();
        } break;
        case 1: if (v >= 15) {
          const r = tr;
          _replicaState = readFetchRequestReplicaState(r, v);
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { clusterId: _clusterId, replicaId: _replicaId, replicaState: _replicaState, maxWaitMs: _maxWaitMs, minBytes: _minBytes, maxBytes: _maxBytes, isolationLevel: _isolationLevel, sessionId: _sessionId, sessionEpoch: _sessionEpoch, topics: _topics, forgottenTopicsData: _forgottenTopicsData, rackId: _rackId };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponseNodeEndpoint {
  /** Kafka: NodeId (v16+). */
  nodeId: number;
  /** Kafka: Host (v16+). */
  host: string;
  /** Kafka: Port (v16+). */
  port: number;
  /** Kafka: Rack (v16+). */
  rack: string | null;
}

function writeFetchResponseNodeEndpoint(w: Writer, m: FetchResponseNodeEndpoint, v: number): void {
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.unsignedVarint(0);
}

function readFetchResponseNodeEndpoint(r: Reader, v: number): FetchResponseNodeEndpoint {
  const _nodeId: number = r.int32();
  const _host: string = r.compactString();
  const _port: number = r.int32();
  const _rack: string | null = r.compactNullableString();
  skipTaggedFields(r);
  return { nodeId: _nodeId, host: _host, port: _port, rack: _rack };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponseAbortedTransaction {
  /** Kafka: ProducerId (v4+). */
  producerId: number;
  /** Kafka: FirstOffset (v4+). */
  firstOffset: number;
}

function writeFetchResponseAbortedTransaction(w: Writer, m: FetchResponseAbortedTransaction, v: number): void {
  w.int64(m.producerId);
  w.int64(m.firstOffset);
  if (v >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseAbortedTransaction(r: Reader, v: number): FetchResponseAbortedTransaction {
  const _producerId: number = r.int64();
  const _firstOffset: number = r.int64();
  if (v >= 12) {
    skipTaggedFields(r);
  }
  return { producerId: _producerId, firstOffset: _firstOffset };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponseSnapshotId {
  /** Kafka: EndOffset (v12+). */
  endOffset: number;
  /** Kafka: Epoch (v12+). */
  epoch: number;
}

function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return { endOffset: -1, epoch: -1 };
}

function isDefaultFetchResponseSnapshotId(m: FetchResponseSnapshotId): boolean {
  return m.endOffset === -1 && m.epoch === -1;
}

function writeFetchResponseSnapshotId(w: Writer, m: FetchResponseSnapshotId, v: number): void {
  w.int64(m.endOffset);
  w.int32(m.epoch);
  w.unsignedVarint(0);
}

function readFetchResponseSnapshotId(r: Reader, v: number): FetchResponseSnapshotId {
  const _endOffset: number = r.int64();
  const _epoch: number = r.int32();
  skipTaggedFields(r);
  return { endOffset: _endOffset, epoch: _epoch };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponseLeaderIdAndEpoch {
  /** Kafka: LeaderId (v12+). */
  leaderId: number;
  /** Kafka: LeaderEpoch (v12+). */
  leaderEpoch: number;
}

function defaultFetchResponseLeaderIdAndEpoch(): FetchResponseLeaderIdAndEpoch {
  return { leaderId: -1, leaderEpoch: -1 };
}

function isDefaultFetchResponseLeaderIdAndEpoch(m: FetchResponseLeaderIdAndEpoch): boolean {
  return m.leaderId === -1 && m.leaderEpoch === -1;
}

function writeFetchResponseLeaderIdAndEpoch(w: Writer, m: FetchResponseLeaderIdAndEpoch, v: number): void {
  w.int32(m.leaderId);
  w.int32(m.leaderEpoch);
  w.unsignedVarint(0);
}

function readFetchResponseLeaderIdAndEpoch(r: Reader, v: number): FetchResponseLeaderIdAndEpoch {
  const _leaderId: number = r.int32();
  const _leaderEpoch: number = r.int32();
  skipTaggedFields(r);
  return { leaderId: _leaderId, leaderEpoch: _leaderEpoch };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponseEpochEndOffset {
  /** Kafka: Epoch (v12+). */
  epoch: number;
  /** Kafka: EndOffset (v12+). */
  endOffset: number;
}

function defaultFetchResponseEpochEndOffset(): FetchResponseEpochEndOffset {
  return { epoch: -1, endOffset: -1 };
}

function isDefaultFetchResponseEpochEndOffset(m: FetchResponseEpochEndOffset): boolean {
  return m.epoch === -1 && m.endOffset === -1;
}

function writeFetchResponseEpochEndOffset(w: Writer, m: FetchResponseEpochEndOffset, v: number): void {
  w.int32(m.epoch);
  w.int64(m.endOffset);
  w.unsignedVarint(0);
}

function readFetchResponseEpochEndOffset(r: Reader, v: number): FetchResponseEpochEndOffset {
  const _epoch: number = r.int32();
  const _endOffset: number = r.int64();
  skipTaggedFields(r);
  return { epoch: _epoch, endOffset: _endOffset };
}

/** Part of {@link FetchResponse}. */
export interface FetchResponsePartitionData {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: HighWatermark (v0+). */
  highWatermark: number;
  /** Kafka: LastStableOffset (v4+). */
  lastStableOffset?: number;
  /** Kafka: LogStartOffset (v5+). */
  logStartOffset?: number;
  /** Kafka: DivergingEpoch (v12+, tag 0). */
  divergingEpoch?: FetchResponseEpochEndOffset;
  /** Kafka: CurrentLeader (v12+, tag 1). */
  currentLeader?: FetchResponseLeaderIdAndEpoch;
  /** Kafka: SnapshotId (v12+, tag 2). */
  snapshotId?: FetchResponseSnapshotId;
  /** Kafka: AbortedTransactions (v4+). */
  abortedTransactions?: FetchResponseAbortedTransaction[] | null;
  /** Kafka: PreferredReadReplica (v11+). */
  preferredReadReplica?: number;
  /** Kafka: Records (v0+). */
  records: Buffer | null;
}

function writeFetchResponsePartitionData(w: Writer, m: FetchResponsePartitionData, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.errorCode);
  w.int64(m.highWatermark);
  if (v >= 4) {
    w.int64((m.lastStableOffset ?? -1));
  }
  if (v >= 5) {
    w.int64((m.logStartOffset ?? -1));
  }
  if (!(v >= 12)) {
    if (m.divergingEpoch !== undefined && !(isDefaultFetchResponseEpochEndOffset(m.divergingEpoch))) throw fieldNotInVersion('FetchResponse.divergingEpoch', v);
  }
  if (!(v >= 12)) {
    if (m.currentLeader !== undefined && !(isDefaultFetchResponseLeaderIdAndEpoch(m.currentLeader))) throw fieldNotInVersion('FetchResponse.currentLeader', v);
  }
  if (!(v >= 12)) {
    if (m.snapshotId !== undefined && !(isDefaultFetchResponseSnapshotId(m.snapshotId))) throw fieldNotInVersion('FetchResponse.snapshotId', v);
  }
  if (v >= 4) {
    const a0 = (m.abortedTransactions === undefined ? [] : m.abortedTransactions);
    if (a0 === null) { if (v >= 12) w.unsignedVarint(0); else w.int32(-1); } else {
      if (v >= 12) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { writeFetchResponseAbortedTransaction(w, a0[i1]!, v); }
    }
  }
  if (v >= 11) {
    w.int32((m.preferredReadReplica ?? -1));
  } else {
    if (m.preferredReadReplica !== undefined && !(m.preferredReadReplica === -1)) throw fieldNotInVersion('FetchResponse.preferredReadReplica', v);
  }
  if (v >= 12) w.compactNullableBytes(m.records); else w.nullableBytes(m.records);
  if (v >= 12) {
    let tagged: TaggedField[] | null = null;
    if (v >= 12 && m.divergingEpoch !== undefined && !(isDefaultFetchResponseEpochEndOffset(m.divergingEpoch))) {
      const x = m.divergingEpoch;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      writeFetchResponseEpochEndOffset(w, x, v);
      }) });
    }
    if (v >= 12 && m.currentLeader !== undefined && !(isDefaultFetchResponseLeaderIdAndEpoch(m.currentLeader))) {
      const x = m.currentLeader;
      (tagged ??= []).push({ tag: 1, data: taggedData((w) => {
      writeFetchResponseLeaderIdAndEpoch(w, x, v);
      }) });
    }
    if (v >= 12 && m.snapshotId !== undefined && !(isDefaultFetchResponseSnapshotId(m.snapshotId))) {
      const x = m.snapshotId;
      (tagged ??= []).push({ tag: 2, data: taggedData((w) => {
      writeFetchResponseSnapshotId(w, x, v);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

function readFetchResponsePartitionData(r: Reader, v: number): FetchResponsePartitionData {
  const _partitionIndex: number = r.int32();
  const _errorCode: number = r.int16();
  const _highWatermark: number = r.int64();
  let _lastStableOffset: number;
  if (v >= 4) {
    _lastStableOffset = r.int64();
  } else {
    _lastStableOffset = -1;
  }
  let _logStartOffset: number;
  if (v >= 5) {
    _logStartOffset = r.int64();
  } else {
    _logStartOffset = -1;
  }
  let _divergingEpoch: FetchResponseEpochEndOffset = defaultFetchResponseEpochEndOffset();
  let _currentLeader: FetchResponseLeaderIdAndEpoch = defaultFetchResponseLeaderIdAndEpoch();
  let _snapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  let _abortedTransactions: FetchResponseAbortedTransaction[] | null;
  if (v >= 4) {
    const n2 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
    let a3: FetchResponseAbortedTransaction[] | null = null;
    if (n2 >= 0) {
      checkCount(r, n2);
      a3 = new Array<FetchResponseAbortedTransaction>(n2);
      for (let i4 = 0; i4 < n2; i4++) a3[i4] = readFetchResponseAbortedTransaction(r, v);
    }
    _abortedTransactions = a3;
  } else {
    _abortedTransactions = [];
  }
  let _preferredReadReplica: number;
  if (v >= 11) {
    _preferredReadReplica = r.int32();
  } else {
    _preferredReadReplica = -1;
  }
  const _records: Buffer | null = (v >= 12 ? r.compactNullableBytes() : r.nullableBytes());
  if (v >= 12) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 12) {
          const r = tr;
          _divergingEpoch = readFetchResponseEpochEndOffset(r, v);
        } break;
        case 1: if (v >= 12) {
          const r = tr;
          _currentLeader = readFetchResponseLeaderIdAndEpoch(r, v);
        } break;
        case 2: if (v >= 12) {
          const r = tr;
          _snapshotId = readFetchResponseSnapshotId(r, v);
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { partitionIndex: _partitionIndex, errorCode: _errorCode, highWatermark: _highWatermark, lastStableOffset: _lastStableOffset, logStartOffset: _logStartOffset, divergingEpoch: _divergingEpoch, currentLeader: _currentLeader, snapshotId: _snapshotId, abortedTransactions: _abortedTransactions, preferredReadReplica: _preferredReadReplica, records: _records };
}

/** Part of {@link FetchResponse}. */
export interface FetchableTopicResponse {
  /** Kafka: Topic (v0-12). */
  topic?: string;
  /** Kafka: TopicId (v13+). */
  topicId?: Buffer;
  /** Kafka: Partitions (v0+). */
  partitions: FetchResponsePartitionData[];
}

function writeFetchableTopicResponse(w: Writer, m: FetchableTopicResponse, v: number): void {
  if (v <= 12) {
    if (v >= 12) w.compactString((m.topic ?? "")); else w.string((m.topic ?? ""));
  }
  if (v >= 13) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  const a5 = m.partitions;
  {
    if (v >= 12) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeFetchResponsePartitionData(w, a5[i6]!, v); }
  }
  if (v >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchableTopicResponse(r: Reader, v: number): FetchableTopicResponse {
  let _topic: string;
  if (v <= 12) {
    _topic = (v >= 12 ? r.compactString() : r.string());
  } else {
    _topic = "";
  }
  let _topicId: Buffer;
  if (v >= 13) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const n7 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('FetchResponse.partitions', v);
  checkCount(r, n7);
  const a8 = new Array<FetchResponsePartitionData>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readFetchResponsePartitionData(r, v);
  const _partitions: FetchResponsePartitionData[] = a8;
  if (v >= 12) {
    skipTaggedFields(r);
  }
  return { topic: _topic, topicId: _topicId, partitions: _partitions };
}

/** FetchResponse, versions 0-17. */
export interface FetchResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v7+). */
  errorCode?: number;
  /** Kafka: SessionId (v7+). */
  sessionId?: number;
  /** Kafka: Responses (v0+). */
  responses: FetchableTopicResponse[];
  /** Kafka: NodeEndpoints (v16+, tag 0). */
  nodeEndpoints?: FetchResponseNodeEndpoint[];
}

/** Writes {@link FetchResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeFetchResponse(m: FetchResponse, version: number, w: Writer): void {
  checkVersion('FetchResponse', version, 0, 17);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  if (v >= 7) {
    w.int16((m.errorCode ?? 0));
  }
  if (v >= 7) {
    w.int32((m.sessionId ?? 0));
  } else {
    if (m.sessionId !== undefined && !(m.sessionId === 0)) throw fieldNotInVersion('FetchResponse.sessionId', v);
  }
  const a10 = m.responses;
  {
    if (v >= 12) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeFetchableTopicResponse(w, a10[i11]!, v); }
  }
  if (!(v >= 16)) {
    if (m.nodeEndpoints !== undefined && !(m.nodeEndpoints.length === 0)) throw fieldNotInVersion('FetchResponse.nodeEndpoints', v);
  }
  if (v >= 12) {
    let tagged: TaggedField[] | null = null;
    if (v >= 16 && m.nodeEndpoints !== undefined && !(m.nodeEndpoints.length === 0)) {
      const x = m.nodeEndpoints;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      const a12 = x;
      {
        w.unsignedVarint(a12.length + 1);
      for (let i13 = 0; i13 < a12.length; i13++) { writeFetchResponseNodeEndpoint(w, a12[i13]!, v); }
      }
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

/** Reads {@link FetchResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeFetchResponse(r: Reader, version: number): FetchResponse {
  checkVersion('FetchResponse', version, 0, 17);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  let _errorCode: number;
  if (v >= 7) {
    _errorCode = r.int16();
  } else {
    _errorCode = 0;
  }
  let _sessionId: number;
  if (v >= 7) {
    _sessionId = r.int32();
  } else {
    _sessionId = 0;
  }
  const n14 = (v >= 12 ? r.unsignedVarint() - 1 : r.int32());
  if (n14 < 0) throw nullOnWire('FetchResponse.responses', v);
  checkCount(r, n14);
  const a15 = new Array<FetchableTopicResponse>(n14);
  for (let i16 = 0; i16 < n14; i16++) a15[i16] = readFetchableTopicResponse(r, v);
  const _responses: FetchableTopicResponse[] = a15;
  let _nodeEndpoints: FetchResponseNodeEndpoint[] = [];
  if (v >= 12) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 16) {
          const r = tr;
          const n17 = r.unsignedVarint() - 1;
          if (n17 < 0) throw nullOnWire('FetchResponse.nodeEndpoints', v);
          checkCount(r, n17);
          const a18 = new Array<FetchResponseNodeEndpoint>(n17);
          for (let i19 = 0; i19 < n17; i19++) a18[i19] = readFetchResponseNodeEndpoint(r, v);
          _nodeEndpoints = a18;
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, sessionId: _sessionId, responses: _responses, nodeEndpoints: _nodeEndpoints };
}
