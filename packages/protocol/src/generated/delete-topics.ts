// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DeleteTopics (key 20), versions 0-6, flexible from 4. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { ZERO_UUID, checkCount, checkVersion, fieldNotInVersion, nullNotAllowed, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link DeleteTopicsRequest}. */
export interface DeleteTopicsRequestDeleteTopicState {
  /** Kafka: Name (v6+). */
  name: string | null;
  /** Kafka: TopicId (v6+). */
  topicId: Buffer;
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, m: DeleteTopicsRequestDeleteTopicState, v: number): void {
  w.compactNullableString(m.name);
  w.uuid(m.topicId);
  w.unsignedVarint(0);
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, v: number): DeleteTopicsRequestDeleteTopicState {
  const _name: string | null = r.compactNullableString();
  const _topicId: Buffer = r.uuid();
  skipTaggedFields(r);
  return { name: _name, topicId: _topicId };
}

/** DeleteTopicsRequest, versions 0-6. */
export interface DeleteTopicsRequest {
  /** Kafka: Topics (v6+). */
  topics?: DeleteTopicsRequestDeleteTopicState[];
  /** Kafka: TopicNames (v0-5). */
  topicNames?: string[];
  /** Kafka: TimeoutMs (v0+). */
  timeoutMs: number;
}

/** Writes {@link DeleteTopicsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteTopicsRequest(m: DeleteTopicsRequest, version: number, w: Writer): void {
  checkVersion('DeleteTopicsRequest', version, 0, 6);
  const v = version;
  if (v >= 6) {
    const a0 = (m.topics ?? []);
    {
      w.unsignedVarint(a0.length + 1);
      for (let i1 = 0; i1 < a0.length; i1++) { writeDeleteTopicsRequestDeleteTopicState(w, a0[i1]!, v); }
    }
  } else {
    if (m.topics !== undefined && !(m.topics.length === 0)) throw fieldNotInVersion('DeleteTopicsRequest.topics', v);
  }
  if (v <= 5) {
    const a2 = (m.topicNames ?? []);
    {
      if (v >= 4) w.unsignedVarint(a2.length + 1); else w.int32(a2.length);
      for (let i3 = 0; i3 < a2.length; i3++) { if (v >= 4) w.compactString(a2[i3]!); else w.string(a2[i3]!); }
    }
  }
  w.int32(m.timeoutMs);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteTopicsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  checkVersion('DeleteTopicsRequest', version, 0, 6);
  const v = version;
  let _topics: DeleteTopicsRequestDeleteTopicState[];
  if (v >= 6) {
    const n4 = r.unsignedVarint() - 1;
    if (n4 < 0) throw nullOnWire('DeleteTopicsRequest.topics', v);
    checkCount(r, n4);
    const a5 = new Array<DeleteTopicsRequestDeleteTopicState>(n4);
    for (let i6 = 0; i6 < n4; i6++) a5[i6] = readDeleteTopicsRequestDeleteTopicState(r, v);
    _topics = a5;
  } else {
    _topics = [];
  }
  let _topicNames: string[];
  if (v <= 5) {
    const n7 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
    if (n7 < 0) throw nullOnWire('DeleteTopicsRequest.topicNames', v);
    checkCount(r, n7);
    const a8 = new Array<string>(n7);
    for (let i9 = 0; i9 < n7; i9++) a8[i9] = (v >= 4 ? r.compactString() : r.string());
    _topicNames = a8;
  } else {
    _topicNames = [];
  }
  const _timeoutMs: number = r.int32();
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { topics: _topics, topicNames: _topicNames, timeoutMs: _timeoutMs };
}

/** Part of {@link DeleteTopicsResponse}. */
export interface DeleteTopicsResponseDeletableTopicResult {
  /** Kafka: Name (v0+). */
  name: string | null;
  /** Kafka: TopicId (v6+). */
  topicId?: Buffer;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v5+). */
  errorMessage?: string | null;
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, m: DeleteTopicsResponseDeletableTopicResult, v: number): void {
  if (m.name === null && !(v >= 6)) throw nullNotAllowed('DeleteTopicsResponse.name', v);
  if (v >= 4) w.compactNullableString(m.name); else w.nullableString(m.name);
  if (v >= 6) {
    w.uuid((m.topicId ?? ZERO_UUID));
  }
  w.int16(m.errorCode);
  if (v >= 5) {
    w.compactNullableString((m.errorMessage === undefined ? null : m.errorMessage));
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, v: number): DeleteTopicsResponseDeletableTopicResult {
  const x0 = (v >= 4 ? r.compactNullableString() : r.nullableString());
  if (x0 === null && !(v >= 6)) throw nullOnWire('DeleteTopicsResponse.name', v);
  const _name: string | null = x0;
  let _topicId: Buffer;
  if (v >= 6) {
    _topicId = r.uuid();
  } else {
    _topicId = ZERO_UUID;
  }
  const _errorCode: number = r.int16();
  let _errorMessage: string | null;
  if (v >= 5) {
    _errorMessage = r.compactNullableString();
  } else {
    _errorMessage = null;
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { name: _name, topicId: _topicId, errorCode: _errorCode, errorMessage: _errorMessage };
}

/** DeleteTopicsResponse, versions 0-6. */
export interface DeleteTopicsResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: Responses (v0+). */
  responses: DeleteTopicsResponseDeletableTopicResult[];
}

/** Writes {@link DeleteTopicsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDeleteTopicsResponse(m: DeleteTopicsResponse, version: number, w: Writer): void {
  checkVersion('DeleteTopicsResponse', version, 0, 6);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  const a1 = m.responses;
  {
    if (v >= 4) w.unsignedVarint(a1.length + 1); else w.int32(a1.length);
    for (let i2 = 0; i2 < a1.length; i2++) { writeDeleteTopicsResponseDeletableTopicResult(w, a1[i2]!, v); }
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DeleteTopicsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  checkVersion('DeleteTopicsResponse', version, 0, 6);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  const n3 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  if (n3 < 0) throw nullOnWire('DeleteTopicsResponse.responses', v);
  checkCount(r, n3);
  const a4 = new Array<DeleteTopicsResponseDeletableTopicResult>(n3);
  for (let i5 = 0; i5 < n3; i5++) a4[i5] = readDeleteTopicsResponseDeletableTopicResult(r, v);
  const _responses: DeleteTopicsResponseDeletableTopicResult[] = a4;
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, responses: _responses };
}
