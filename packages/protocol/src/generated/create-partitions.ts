// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API CreatePartitions (key 37), versions 0-3, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link CreatePartitionsRequest}. */
export interface CreatePartitionsAssignment {
  /** Kafka: BrokerIds (v0+). */
  brokerIds: number[];
}

function writeCreatePartitionsAssignment(w: Writer, m: CreatePartitionsAssignment, v: number): void {
  const a0 = m.brokerIds;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsAssignment(r: Reader, v: number): CreatePartitionsAssignment {
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('CreatePartitionsRequest.brokerIds', v);
  checkCount(r, n2);
  const a3 = new Array<number>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int32();
  const _brokerIds: number[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { brokerIds: _brokerIds };
}

/** Part of {@link CreatePartitionsRequest}. */
export interface CreatePartitionsTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Count (v0+). */
  count: number;
  /** Kafka: Assignments (v0+). */
  assignments: CreatePartitionsAssignment[] | null;
}

function writeCreatePartitionsTopic(w: Writer, m: CreatePartitionsTopic, v: number): void {
  if (v >= 2) w.compactString(m.name); else w.string(m.name);
  w.int32(m.count);
  const a5 = m.assignments;
  if (a5 === null) { if (v >= 2) w.unsignedVarint(0); else w.int32(-1); } else {
    if (v >= 2) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeCreatePartitionsAssignment(w, a5[i6]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsTopic(r: Reader, v: number): CreatePartitionsTopic {
  const _name: string = (v >= 2 ? r.compactString() : r.string());
  const _count: number = r.int32();
  const n7 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  let a8: CreatePartitionsAssignment[] | null = null;
  if (n7 >= 0) {
    checkCount(r, n7);
    a8 = new Array<CreatePartitionsAssignment>(n7);
    for (let i9 = 0; i9 < n7; i9++) a8[i9] = readCreatePartitionsAssignment(r, v);
  }
  const _assignments: CreatePartitionsAssignment[] | null = a8;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { name: _name, count: _count, assignments: _assignments };
}

/** CreatePartitionsRequest, versions 0-3. */
export interface CreatePartitionsRequest {
  /** Kafka: Topics (v0+). */
  topics: CreatePartitionsTopic[];
  /** Kafka: TimeoutMs (v0+). */
  timeoutMs: number;
  /** Kafka: ValidateOnly (v0+). */
  validateOnly: boolean;
}

/** Writes {@link CreatePartitionsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeCreatePartitionsRequest(m: CreatePartitionsRequest, version: number, w: Writer): void {
  checkVersion('CreatePartitionsRequest', version, 0, 3);
  const v = version;
  const a10 = m.topics;
  {
    if (v >= 2) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeCreatePartitionsTopic(w, a10[i11]!, v); }
  }
  w.int32(m.timeoutMs);
  w.boolean(m.validateOnly);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link CreatePartitionsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  checkVersion('CreatePartitionsRequest', version, 0, 3);
  const v = version;
  const n12 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('CreatePartitionsRequest.topics', v);
  checkCount(r, n12);
  const a13 = new Array<CreatePartitionsTopic>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = readCreatePartitionsTopic(r, v);
  const _topics: CreatePartitionsTopic[] = a13;
  const _timeoutMs: number = r.int32();
  const _validateOnly: boolean = r.boolean();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { topics: _topics, timeoutMs: _timeoutMs, validateOnly: _validateOnly };
}

/** Part of {@link CreatePartitionsResponse}. */
export interface CreatePartitionsTopicResult {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v0+). */
  errorMessage: string | null;
}

function writeCreatePartitionsTopicResult(w: Writer, m: CreatePartitionsTopicResult, v: number): void {
  if (v >= 2) w.compactString(m.name); else w.string(m.name);
  w.int16(m.errorCode);
  if (v >= 2) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsTopicResult(r: Reader, v: number): CreatePartitionsTopicResult {
  const _name: string = (v >= 2 ? r.compactString() : r.string());
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = (v >= 2 ? r.compactNullableString() : r.nullableString());
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { name: _name, errorCode: _errorCode, errorMessage: _errorMessage };
}

/** CreatePartitionsResponse, versions 0-3. */
export interface CreatePartitionsResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Results (v0+). */
  results: CreatePartitionsTopicResult[];
}

/** Writes {@link CreatePartitionsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeCreatePartitionsResponse(m: CreatePartitionsResponse, version: number, w: Writer): void {
  checkVersion('CreatePartitionsResponse', version, 0, 3);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a0 = m.results;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeCreatePartitionsTopicResult(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link CreatePartitionsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  checkVersion('CreatePartitionsResponse', version, 0, 3);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('CreatePartitionsResponse.results', v);
  checkCount(r, n2);
  const a3 = new Array<CreatePartitionsTopicResult>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readCreatePartitionsTopicResult(r, v);
  const _results: CreatePartitionsTopicResult[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, results: _results };
}
