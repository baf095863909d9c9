// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API Metadata (key 3), versions 0-12, flexible from 9. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { ZERO_UUID, checkCount, checkVersion, fieldNotInVersion, nullNotAllowed, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link MetadataRequest}. */
export interface MetadataRequestTopic {
  /** Kafka: TopicId (v10+). */
  topicId?: Buffer;
  /** Kafka: Name (v0+). */
  name: string | null;
}

function writeMetadataRequestTopic(w: Writer, m: MetadataRequestTopic, v: number): void {
  if (v >= 10) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  if (m.name === null && !(v >= 10)) throw nullNotAllowed('MetadataRequest.name', v);
  if (v >= 9) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataRequestTopic(r: Reader, v: number): MetadataRequestTopic {
  let _topicId: Buffer;
  if (v >= 10) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const x0 = (v >= 9 ? r.compactNullableString() : r.nullableString());
  if (x0 === null && !(v >= 10)) throw nullOnWire('MetadataRequest.name', v);
  const _name: string | null = x0;
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { topicId: _topicId, name: _name };
}

/** MetadataRequest, versions 0-12. */
export interface MetadataRequest {
  /** Kafka: Topics (v0+). */
  topics: MetadataRequestTopic[] | null;
  /** Kafka: AllowAutoTopicCreation (v4+). */
  allowAutoTopicCreation?: boolean;
  /** Kafka: IncludeClusterAuthorizedOperations (v8-10). */
  includeClusterAuthorizedOperations?: boolean;
  /** Kafka: IncludeTopicAuthorizedOperations (v8+). */
  includeTopicAuthorizedOperations?: boolean;
}

/** Writes {@link MetadataRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeMetadataRequest(m: MetadataRequest, version: number, w: Writer): void {
  checkVersion('MetadataRequest', version, 0, 12);
  const v = version;
  if (m.topics === null && !(v >= 1)) throw nullNotAllowed('MetadataRequest.topics', v);
  const a1 = m.topics;
  if (a1 === null) { if (v >= 9) w.unsignedVarint(0); else w.int32(-1); } else {
    if (v >= 9) w.unsignedVarint(a1.length + 1); else w.int32(a1.length);
    for (let i2 = 0; i2 < a1.length; i2++) { writeMetadataRequestTopic(w, a1[i2]!, v); }
  }
  if (v >= 4) {
    w.boolean((m.allowAutoTopicCreation ?? true));
  } else {
    if (m.allowAutoTopicCreation !== undefined && !(m.allowAutoTopicCreation === true)) throw fieldNotInVersion('MetadataRequest.allowAutoTopicCreation', v);
  }
  if (v >= 8 && v <= 10) {
    w.boolean((m.includeClusterAuthorizedOperations ?? false));
  } else {
    if (m.includeClusterAuthorizedOperations !== undefined && !(m.includeClusterAuthorizedOperations === false)) throw fieldNotInVersion('MetadataRequest.includeClusterAuthorizedOperations', v);
  }
  if (v >= 8) {
    w.boolean((m.includeTopicAuthorizedOperations ?? false));
  } else {
    if (m.includeTopicAuthorizedOperations !== undefined && !(m.includeTopicAuthorizedOperations === false)) throw fieldNotInVersion('MetadataRequest.includeTopicAuthorizedOperations', v);
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link MetadataRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeMetadataRequest(r: Reader, version: number): MetadataRequest {
  checkVersion('MetadataRequest', version, 0, 12);
  const v = version;
  const n3 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  let a4: MetadataRequestTopic[] | null = null;
  if (n3 >= 0) {
    checkCount(r, n3);
    a4 = new Array<MetadataRequestTopic>(n3);
    for (let i5 = 0; i5 < n3; i5++) a4[i5] = readMetadataRequestTopic(r, v);
  }
  const x6 = a4;
  if (x6 === null && !(v >= 1)) throw nullOnWire('MetadataRequest.topics', v);
  const _topics: MetadataRequestTopic[] | null = x6;
  let _allowAutoTopicCreation: boolean;
  if (v >= 4) {
    _allowAutoTopicCreation = r.boolean();
  } else {
    _allowAutoTopicCreation = true;
  }
  let _includeClusterAuthorizedOperations: boolean;
  if (v >= 8 && v <= 10) {
    _includeClusterAuthorizedOperations = r.boolean();
  } else {
    _includeClusterAuthorizedOperations = false;
  }
  let _includeTopicAuthorizedOperations: boolean;
  if (v >= 8) {
    _includeTopicAuthorizedOperations = r.boolean();
  } else {
    _includeTopicAuthorizedOperations = false;
  }
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { topics: _topics, allowAutoTopicCreation: _allowAutoTopicCreation, includeClusterAuthorizedOperations: _includeClusterAuthorizedOperations, includeTopicAuthorizedOperations: _includeTopicAuthorizedOperations };
}

/** Part of {@link MetadataResponse}. */
export interface MetadataResponsePartition {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: LeaderId (v0+). */
  leaderId: number;
  /** Kafka: LeaderEpoch (v7+). */
  leaderEpoch?: number;
  /** Kafka: ReplicaNodes (v0+). */
  replicaNodes: number[];
  /** Kafka: IsrNodes (v0+). */
  isrNodes: number[];
  /** Kafka: OfflineReplicas (v5+). */
  offlineReplicas?: number[];
}

function writeMetadataResponsePartition(w: Writer, m: MetadataResponsePartition, v: number): void {
  w.int16(m.errorCode);
  w.int32(m.partitionIndex);
  w.int32(m.leaderId);
  if (v >= 7) {
    w.int32((m.leaderEpoch ?? -1));
  }
  const a0 = m.replicaNodes;
  {
    if (v >= 9) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  const a2 = m.isrNodes;
  {
    if (v >= 9) w.unsignedVarint(a2.length + 1); else w.int32(a2.length);
    for (let i3 = 0; i3 < a2.length; i3++) { w.int32(a2[i3]!); }
  }
  if (v >= 5) {
    const a4 = (m.offlineReplicas ?? []);
    {
      if (v >= 9) w.unsignedVarint(a4.length + 1); else w.int32(a4.length);
      for (let i5 = 0; i5 < a4.length; i5++) { w.int32(a4[i5]!); }
    }
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponsePartition(r: Reader, v: number): MetadataResponsePartition {
  const _errorCode: number = r.int16();
  const _partitionIndex: number = r.int32();
  const _leaderId: number = r.int32();
  let _leaderEpoch: number;
  if (v >= 7) {
    _leaderEpoch = r.int32();
  } else {
    _leaderEpoch = -1;
  }
  const n6 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n6 < 0) throw nullOnWire('MetadataResponse.replicaNodes', v);
  checkCount(r, n6);
  const a7 = new Array<number>(n6);
  for (let i8 = 0; i8 < n6; i8++) a7[i8] = r.int32();
  const _replicaNodes: number[] = a7;
  const n9 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n9 < 0) throw nullOnWire('MetadataResponse.isrNodes', v);
  checkCount(r, n9);
  const a10 = new Array<number>(n9);
  for (let i11 = 0; i11 < n9; i11++) a10[i11] = r.int32();
  const _isrNodes: number[] = a10;
  let _offlineReplicas: number[];
  if (v >= 5) {
    const n12 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
    if (n12 < 0) throw nullOnWire('MetadataResponse.offlineReplicas', v);
    checkCount(r, n12);
    const a13 = new Array<number>(n12);
    for (let i14 = 0; i14 < n12; i14++) a13[i14] = r.int32();
    _offlineReplicas = a13;
  } else {
    _offlineReplicas = [];
  }
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, partitionIndex: _partitionIndex, leaderId: _leaderId, leaderEpoch: _leaderEpoch, replicaNodes: _replicaNodes, isrNodes: _isrNodes, offlineReplicas: _offlineReplicas };
}

/** Part of {@link MetadataResponse}. */
export interface MetadataResponseTopic {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: Name (v0+). */
  name: string | null;
  /** Kafka: TopicId (v10+). */
  topicId?: Buffer;
  /** Kafka: IsInternal (v1+). */
  isInternal?: boolean;
  /** Kafka: Partitions (v0+). */
  partitions: MetadataResponsePartition[];
  /** Kafka: TopicAuthorizedOperations (v8+). */
  topicAuthorizedOperations?: number;
}

function writeMetadataResponseTopic(w: Writer, m: MetadataResponseTopic, v: number): void {
  w.int16(m.errorCode);
  if (m.name === null && !(v >= 12)) throw nullNotAllowed('MetadataResponse.name', v);
  if (v >= 9) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (v >= 10) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  if (v >= 1) {
    w.boolean((m.isInternal ?? false));
  }
  const a15 = m.partitions;
  {
    if (v >= 9) w.unsignedVarint(a15.length + 1); else w.int32(a15.length);
    for (let i16 = 0; i16 < a15.length; i16++) { writeMetadataResponsePartition(w, a15[i16]!, v); }
  }
  if (v >= 8) {
    w.int32((m.topicAuthorizedOperations ?? -2147483648));
  } else {
    if (m.topicAuthorizedOperations !== undefined && !(m.topicAuthorizedOperations === -2147483648)) throw fieldNotInVersion('MetadataResponse.topicAuthorizedOperations', v);
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponseTopic(r: Reader, v: number): MetadataResponseTopic {
  const _errorCode: number = r.int16();
  const x17 = (v >= 9 ? r.compactNullableString() : r.nullableString());
  if (x17 === null && !(v >= 12)) throw nullOnWire('MetadataResponse.name', v);
  const _name: string | null = x17;
  let _topicId: Buffer;
  if (v >= 10) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  let _isInternal: boolean;
  if (v >= 1) {
    _isInternal = r.boolean();
  } else {
    _isInternal = false;
  }
  const n18 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n18 < 0) throw nullOnWire('MetadataResponse.partitions', v);
  checkCount(r, n18);
  const a19 = new Array<MetadataResponsePartition>(n18);
  for (let i20 = 0; i20 < n18; i20++) a19[i20] = readMetadataResponsePartition(r, v);
  const _partitions: MetadataResponsePartition[] = a19;
  let _topicAuthorizedOperations: number;
  if (v >= 8) {
    _topicAuthorizedOperations = r.int32();
  } else {
    _topicAuthorizedOperations = -2147483648;
  }
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, name: _name, topicId: _topicId, isInternal: _isInternal, partitions: _partitions, topicAuthorizedOperations: _topicAuthorizedOperations };
}

/** Part of {@link MetadataResponse}. */
export interface MetadataResponseBroker {
  /** Kafka: NodeId (v0+). */
  nodeId: number;
  /** Kafka: Host (v0+). */
  host: string;
  /** Kafka: Port (v0+). */
  port: number;
  /** Kafka: Rack (v1+). */
  rack?: string | null;
}

function writeMetadataResponseBroker(w: Writer, m: MetadataResponseBroker, v: number): void {
  w.int32(m.nodeId);
  if (v >= 9) w.compactString(m.host); else w.string(m.host);
  w.int32(m.port);
  if (v >= 1) {
    if (v >= 9) w.compactNullableString((m.rack === undefined ? null : m.rack)); else w.nullableString((m.rack === undefined ? null : m.rack));
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponseBroker(r: Reader, v: number): MetadataResponseBroker {
  const _nodeId: number = r.int32();
  const _host: string = (v >= 9 ? r.compactString() : r.string());
  const _port: number = r.int32();
  let _rack: string | null;
  if (v >= 1) {
    _rack = (v >= 9 ? r.compactNullableString() : r.nullableString());
  } else {
    _rack = null;
  }
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { nodeId: _nodeId, host: _host, port: _port, rack: _rack };
}

/** MetadataResponse, versions 0-12. */
export interface MetadataResponse {
  /** Kafka: ThrottleTimeMs (v3+). */
  throttleTimeMs?: number;
  /** Kafka: Brokers (v0+). */
  brokers: MetadataResponseBroker[];
  /** Kafka: ClusterId (v2+). */
  clusterId?: string | null;
  /** Kafka: ControllerId (v1+). */
  controllerId?: number;
  /** Kafka: Topics (v0+). */
  topics: MetadataResponseTopic[];
  /** Kafka: ClusterAuthorizedOperations (v8-10). */
  clusterAuthorizedOperations?: number;
}

/** Writes {@link MetadataResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeMetadataResponse(m: MetadataResponse, version: number, w: Writer): void {
  checkVersion('MetadataResponse', version, 0, 12);
  const v = version;
  if (v >= 3) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a21 = m.brokers;
  {
    if (v >= 9) w.unsignedVarint(a21.length + 1); else w.int32(a21.length);
    for (let i22 = 0; i22 < a21.length; i22++) { writeMetadataResponseBroker(w, a21[i22]!, v); }
  }
  if (v >= 2) {
    if (v >= 9) w.compactNullableString((m.clusterId === undefined ? null : m.clusterId)); else w.nullableString((m.clusterId === undefined ? null : m.clusterId));
  }
  if (v >= 1) {
    w.int32((m.controllerId ?? -1));
  }
  const a23 = m.topics;
  {
    if (v >= 9) w.unsignedVarint(a23.length + 1); else w.int32(a23.length);
    for (let i24 = 0; i24 < a23.length; i24++) { writeMetadataResponseTopic(w, a23[i24]!, v); }
  }
  if (v >= 8 && v <= 10) {
    w.int32((m.clusterAuthorizedOperations ?? -2147483648));
  } else {
    if (m.clusterAuthorizedOperations !== undefined && !(m.clusterAuthorizedOperations === -2147483648)) throw fieldNotInVersion('MetadataResponse.clusterAuthorizedOperations', v);
  }
  if (v >= 9) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link MetadataResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeMetadataResponse(r: Reader, version: number): MetadataResponse {
  checkVersion('MetadataResponse', version, 0, 12);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 3) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n25 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n25 < 0) throw nullOnWire('MetadataResponse.brokers', v);
  checkCount(r, n25);
  const a26 = new Array<MetadataResponseBroker>(n25);
  for (let i27 = 0; i27 < n25; i27++) a26[i27] = readMetadataResponseBroker(r, v);
  const _brokers: MetadataResponseBroker[] = a26;
  let _clusterId: string | null;
  if (v >= 2) {
    _clusterId = (v >= 9 ? r.compactNullableString() : r.nullableString());
  } else {
    _clusterId = null;
  }
  let _controllerId: number;
  if (v >= 1) {
    _controllerId = r.int32();
  } else {
    _controllerId = -1;
  }
  const n28 = (v >= 9 ? r.unsignedVarint() - 1 : r.int32());
  if (n28 < 0) throw nullOnWire('MetadataResponse.topics', v);
  checkCount(r, n28);
  const a29 = new Array<MetadataResponseTopic>(n28);
  for (let i30 = 0; i30 < n28; i30++) a29[i30] = readMetadataResponseTopic(r, v);
  const _topics: MetadataResponseTopic[] = a29;
  let _clusterAuthorizedOperations: number;
  if (v >= 8 && v <= 10) {
    _clusterAuthorizedOperations = r.int32();
  } else {
    _clusterAuthorizedOperations = -2147483648;
  }
  if (v >= 9) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, brokers: _brokers, clusterId: _clusterId, controllerId: _controllerId, topics: _topics, clusterAuthorizedOperations: _clusterAuthorizedOperations };
}
