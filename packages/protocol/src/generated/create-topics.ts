// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API CreateTopics (key 19), versions 0-7, flexible from 5. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { ZERO_UUID, checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields, taggedData, taggedReader, writeTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link CreateTopicsRequest}. */
export interface CreateTopicsRequestCreatableTopicConfig {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Value (v0+). */
  value: string | null;
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, m: CreateTopicsRequestCreatableTopicConfig, v: number): void {
  if (v >= 5) w.compactString(m.name); else w.string(m.name);
  if (v >= 5) w.compactNullableString(m.value); else w.nullableString(m.value);
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, v: number): CreateTopicsRequestCreatableTopicConfig {
  const _name: string = (v >= 5 ? r.compactString() : r.string());
  const _value: string | null = (v >= 5 ? r.compactNullableString() : r.nullableString());
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { name: _name, value: _value };
}

/** Part of {@link CreateTopicsRequest}. */
export interface CreateTopicsRequestCreatableReplicaAssignment {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: BrokerIds (v0+). */
  brokerIds: number[];
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, m: CreateTopicsRequestCreatableReplicaAssignment, v: number): void {
  w.int32(m.partitionIndex);
  const a0 = m.brokerIds;
  {
    if (v >= 5) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, v: number): CreateTopicsRequestCreatableReplicaAssignment {
  const _partitionIndex: number = r.int32();
  const n2 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('CreateTopicsRequest.brokerIds', v);
  checkCount(r, n2);
  const a3 = new Array<number>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int32();
  const _brokerIds: number[] = a3;
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, brokerIds: _brokerIds };
}

/** Part of {@link CreateTopicsRequest}. */
export interface CreateTopicsRequestCreatableTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: NumPartitions (v0+). */
  numPartitions: number;
  /** Kafka: ReplicationFactor (v0+). */
  replicationFactor: number;
  /** Kafka: Assignments (v0+). */
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  /** Kafka: Configs (v0+). */
  configs: CreateTopicsRequestCreatableTopicConfig[];
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, m: CreateTopicsRequestCreatableTopic, v: number): void {
  if (v >= 5) w.compactString(m.name); else w.string(m.name);
  w.int32(m.numPartitions);
  w.int16(m.replicationFactor);
  const a5 = m.assignments;
  {
    if (v >= 5) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeCreateTopicsRequestCreatableReplicaAssignment(w, a5[i6]!, v); }
  }
  const a7 = m.configs;
  {
    if (v >= 5) w.unsignedVarint(a7.length + 1); else w.int32(a7.length);
    for (let i8 = 0; i8 < a7.length; i8++) { writeCreateTopicsRequestCreatableTopicConfig(w, a7[i8]!, v); }
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableTopic(r: Reader, v: number): CreateTopicsRequestCreatableTopic {
  const _name: string = (v >= 5 ? r.compactString() : r.string());
  const _numPartitions: number = r.int32();
  const _replicationFactor: number = r.int16();
  const n9 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n9 < 0) throw nullOnWire('CreateTopicsRequest.assignments', v);
  checkCount(r, n9);
  const a10 = new Array<CreateTopicsRequestCreatableReplicaAssignment>(n9);
  for (let i11 = 0; i11 < n9; i11++) a10[i11] = readCreateTopicsRequestCreatableReplicaAssignment(r, v);
  const _assignments: CreateTopicsRequestCreatableReplicaAssignment[] = a10;
  const n12 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('CreateTopicsRequest.configs', v);
  checkCount(r, n12);
  const a13 = new Array<CreateTopicsRequestCreatableTopicConfig>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = readCreateTopicsRequestCreatableTopicConfig(r, v);
  const _configs: CreateTopicsRequestCreatableTopicConfig[] = a13;
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { name: _name, numPartitions: _numPartitions, replicationFactor: _replicationFactor, assignments: _assignments, configs: _configs };
}

/** CreateTopicsRequest, versions 0-7. */
export interface CreateTopicsRequest {
  /** Kafka: Topics (v0+). */
  topics: CreateTopicsRequestCreatableTopic[];
  /** Kafka: TimeoutMs (v0+). */
  timeoutMs: number;
  /** Kafka: ValidateOnly (v1+). */
  validateOnly?: boolean;
}

/** Writes {@link CreateTopicsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeCreateTopicsRequest(m: CreateTopicsRequest, version: number, w: Writer): void {
  checkVersion('CreateTopicsRequest', version, 0, 7);
  const v = version;
  const a15 = m.topics;
  {
    if (v >= 5) w.unsignedVarint(a15.length + 1); else w.int32(a15.length);
    for (let i16 = 0; i16 < a15.length; i16++) { writeCreateTopicsRequestCreatableTopic(w, a15[i16]!, v); }
  }
  w.int32(m.timeoutMs);
  if (v >= 1) {
    w.boolean((m.validateOnly ?? false));
  } else {
    if (m.validateOnly !== undefined && !(m.validateOnly === false)) throw fieldNotInVersion('CreateTopicsRequest.validateOnly', v);
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link CreateTopicsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  checkVersion('CreateTopicsRequest', version, 0, 7);
  const v = version;
  const n17 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n17 < 0) throw nullOnWire('CreateTopicsRequest.topics', v);
  checkCount(r, n17);
  const a18 = new Array<CreateTopicsRequestCreatableTopic>(n17);
  for (let i19 = 0; i19 < n17; i19++) a18[i19] = readCreateTopicsRequestCreatableTopic(r, v);
  const _topics: CreateTopicsRequestCreatableTopic[] = a18;
  const _timeoutMs: number = r.int32();
  let _validateOnly: boolean;
  if (v >= 1) {
    _validateOnly = r.boolean();
  } else {
    _validateOnly = false;
  }
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { topics: _topics, timeoutMs: _timeoutMs, validateOnly: _validateOnly };
}

/** Part of {@link CreateTopicsResponse}. */
export interface CreateTopicsResponseCreatableTopicConfigs {
  /** Kafka: Name (v5+). */
  name: string;
  /** Kafka: Value (v5+). */
  value: string | null;
  /** Kafka: ReadOnly (v5+). */
  readOnly: boolean;
  /** Kafka: ConfigSource (v5+). */
  configSource: number;
  /** Kafka: IsSensitive (v5+). */
  isSensitive: boolean;
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, m: CreateTopicsResponseCreatableTopicConfigs, v: number): void {
  w.compactString(m.name);
  w.compactNullableString(m.value);
  w.boolean(m.readOnly);
  w.int8(m.configSource);
  w.boolean(m.isSensitive);
  w.unsignedVarint(0);
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, v: number): CreateTopicsResponseCreatableTopicConfigs {
  const _name: string = r.compactString();
  const _value: string | null = r.compactNullableString();
  const _readOnly: boolean = r.boolean();
  const _configSource: number = r.int8();
  const _isSensitive: boolean = r.boolean();
  skipTaggedFields(r);
  return { name: _name, value: _value, readOnly: _readOnly, configSource: _configSource, isSensitive: _isSensitive };
}

/** Part of {@link CreateTopicsResponse}. */
export interface CreateTopicsResponseCreatableTopicResult {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: TopicId (v7+). */
  topicId?: Buffer;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v1+). */
  errorMessage?: string | null;
  /** Kafka: TopicConfigErrorCode (v5+, tag 0). */
  topicConfigErrorCode?: number;
  /** Kafka: NumPartitions (v5+). */
  numPartitions?: number;
  /** Kafka: ReplicationFactor (v5+). */
  replicationFactor?: number;
  /** Kafka: Configs (v5+). */
  configs?: CreateTopicsResponseCreatableTopicConfigs[] | null;
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, m: CreateTopicsResponseCreatableTopicResult, v: number): void {
  if (v >= 5) w.compactString(m.name); else w.string(m.name);
  if (v >= 7) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  w.int16(m.errorCode);
  if (v >= 1) {
    if (v >= 5) w.compactNullableString((m.errorMessage === undefined ? "" : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? "" : m.errorMessage));
  }
  if (v >= 5) {
    w.int32((m.numPartitions ?? -1));
  }
  if (v >= 5) {
    w.int16((m.replicationFactor ?? -1));
  }
  if (v >= 5) {
    const a0 = (m.configs === undefined ? [] : m.configs);
    if (a0 === null) { w.unsignedVarint(0); } else {
      w.unsignedVarint(a0.length + 1);
      for (let i1 = 0; i1 < a0.length; i1++) { writeCreateTopicsResponseCreatableTopicConfigs(w, a0[i1]!, v); }
    }
  }
  if (v >= 5) {
    let tagged: TaggedField[] | null = null;
    if (v >= 5 && m.topicConfigErrorCode !== undefined && !(m.topicConfigErrorCode === 0)) {
      const x = m.topicConfigErrorCode;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      w.int16(x);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, v: number): CreateTopicsResponseCreatableTopicResult {
  const _name: string = (v >= 5 ? r.compactString() : r.string());
  let _topicId: Buffer;
  if (v >= 7) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const _errorCode: number = r.int16();
  let _errorMessage: string | null;
  if (v >= 1) {
    _errorMessage = (v >= 5 ? r.compactNullableString() : r.nullableString());
  } else {
    _errorMessage = "";
  }
  let _topicConfigErrorCode: number = 0;
  let _numPartitions: number;
  if (v >= 5) {
    _numPartitions = r.int32();
  } else {
    _numPartitions = -1;
  }
  let _replicationFactor: number;
  if (v >= 5) {
    _replicationFactor = r.int16();
  } else {
    _replicationFactor = -1;
  }
  let _configs: CreateTopicsResponseCreatableTopicConfigs[] | null;
  if (v >= 5) {
    const n2 = r.unsignedVarint() - 1;
    let a3: CreateTopicsResponseCreatableTopicConfigs[] | null = null;
    if (n2 >= 0) {
      checkCount(r, n2);
      a3 = new Array<CreateTopicsResponseCreatableTopicConfigs>(n2);
      for (let i4 = 0; i4 < n2; i4++) a3[i4] = readCreateTopicsResponseCreatableTopicConfigs(r, v);
    }
    _configs = a3;
  } else {
    _configs = [];
  }
  if (v >= 5) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 5) {
          const r = tr;
          _topicConfigErrorCode = r.int16();
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { name: _name, topicId: _topicId, errorCode: _errorCode, errorMessage: _errorMessage, topicConfigErrorCode: _topicConfigErrorCode, numPartitions: _numPartitions, replicationFactor: _replicationFactor, configs: _configs };
}

/** CreateTopicsResponse, versions 0-7. */
export interface CreateTopicsResponse {
  /** Kafka: ThrottleTimeMs (v2+). */
  throttleTimeMs?: number;
  /** Kafka: Topics (v0+). */
  topics: CreateTopicsResponseCreatableTopicResult[];
}

/** Writes {@link CreateTopicsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeCreateTopicsResponse(m: CreateTopicsResponse, version: number, w: Writer): void {
  checkVersion('CreateTopicsResponse', version, 0, 7);
  const v = version;
  if (v >= 2) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a5 = m.topics;
  {
    if (v >= 5) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeCreateTopicsResponseCreatableTopicResult(w, a5[i6]!, v); }
  }
  if (v >= 5) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link CreateTopicsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeCreateTopicsResponse(r: Reader, version: number): CreateTopicsResponse {
  checkVersion('CreateTopicsResponse', version, 0, 7);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 2) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n7 = (v >= 5 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('CreateTopicsResponse.topics', v);
  checkCount(r, n7);
  const a8 = new Array<CreateTopicsResponseCreatableTopicResult>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readCreateTopicsResponseCreatableTopicResult(r, v);
  const _topics: CreateTopicsResponseCreatableTopicResult[] = a8;
  if (v >= 5) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, topics: _topics };
}
