// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API AddPartitionsToTxn (key 24), versions 0-5, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link AddPartitionsToTxnRequest}. */
export interface AddPartitionsToTxnTopic {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Partitions (v0+). */
  partitions: number[];
}

function writeAddPartitionsToTxnTopic(w: Writer, m: AddPartitionsToTxnTopic, v: number): void {
  if (v >= 3) w.compactString(m.name); else w.string(m.name);
  const a0 = m.partitions;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { w.int32(a0[i1]!); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnTopic(r: Reader, v: number): AddPartitionsToTxnTopic {
  const _name: string = (v >= 3 ? r.compactString() : r.string());
  const n2 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('AddPartitionsToTxnRequest.partitions', v);
  checkCount(r, n2);
  const a3 = new Array<number>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.int32();
  const _partitions: number[] = a3;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { name: _name, partitions: _partitions };
}

/** Part of {@link AddPartitionsToTxnRequest}. */
export interface AddPartitionsToTxnTransaction {
  /** Kafka: TransactionalId (v4+). */
  transactionalId: string;
  /** Kafka: ProducerId (v4+). */
  producerId: number;
  /** Kafka: ProducerEpoch (v4+). */
  producerEpoch: number;
  /** Kafka: VerifyOnly (v4+). */
  verifyOnly: boolean;
  /** Kafka: Topics (v4+). */
  topics: AddPartitionsToTxnTopic[];
}

function writeAddPartitionsToTxnTransaction(w: Writer, m: AddPartitionsToTxnTransaction, v: number): void {
  w.compactString(m.transactionalId);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  w.boolean(m.verifyOnly);
  const a5 = m.topics;
  {
    w.unsignedVarint(a5.length + 1);
    for (let i6 = 0; i6 < a5.length; i6++) { writeAddPartitionsToTxnTopic(w, a5[i6]!, v); }
  }
  w.unsignedVarint(0);
}

function readAddPartitionsToTxnTransaction(r: Reader, v: number): AddPartitionsToTxnTransaction {
  const _transactionalId: string = r.compactString();
  const _producerId: number = r.int64();
  const _producerEpoch: number = r.int16();
  const _verifyOnly: boolean = r.boolean();
  const n7 = r.unsignedVarint() - 1;
  if (n7 < 0) throw nullOnWire('AddPartitionsToTxnRequest.topics', v);
  checkCount(r, n7);
  const a8 = new Array<AddPartitionsToTxnTopic>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readAddPartitionsToTxnTopic(r, v);
  const _topics: AddPartitionsToTxnTopic[] = a8;
  skipTaggedFields(r);
  return { transactionalId: _transactionalId, producerId: _producerId, producerEpoch: _producerEpoch, verifyOnly: _verifyOnly, topics: _topics };
}

/** AddPartitionsToTxnRequest, versions 0-5. */
export interface AddPartitionsToTxnRequest {
  /** Kafka: Transactions (v4+). */
  transactions?: AddPartitionsToTxnTransaction[];
  /** Kafka: V3AndBelowTransactionalId (v0-3). */
  v3AndBelowTransactionalId?: string;
  /** Kafka: V3AndBelowProducerId (v0-3). */
  v3AndBelowProducerId?: number;
  /** Kafka: V3AndBelowProducerEpoch (v0-3). */
  v3AndBelowProducerEpoch?: number;
  /** Kafka: V3AndBelowTopics (v0-3). */
  v3AndBelowTopics?: AddPartitionsToTxnTopic[];
}

/** Writes {@link AddPartitionsToTxnRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAddPartitionsToTxnRequest(m: AddPartitionsToTxnRequest, version: number, w: Writer): void {
  checkVersion('AddPartitionsToTxnRequest', version, 0, 5);
  const v = version;
  if (v >= 4) {
    const a10 = (m.transactions ?? []);
    {
      w.unsignedVarint(a10.length + 1);
      for (let i11 = 0; i11 < a10.length; i11++) { writeAddPartitionsToTxnTransaction(w, a10[i11]!, v); }
    }
  } else {
    if (m.transactions !== undefined && !(m.transactions.length === 0)) throw fieldNotInVersion('AddPartitionsToTxnRequest.transactions', v);
  }
  if (v <= 3) {
    if (v >= 3) w.compactString((m.v3AndBelowTransactionalId ?? "")); else w.string((m.v3AndBelowTransactionalId ?? ""));
  } else {
    if (m.v3AndBelowTransactionalId !== undefined && !(m.v3AndBelowTransactionalId === "")) throw fieldNotInVersion('AddPartitionsToTxnRequest.v3AndBelowTransactionalId', v);
  }
  if (v <= 3) {
    w.int64((m.v3AndBelowProducerId ?? 0));
  } else {
    if (m.v3AndBelowProducerId !== undefined && !(m.v3AndBelowProducerId === 0)) throw fieldNotInVersion('AddPartitionsToTxnRequest.v3AndBelowProducerId', v);
  }
  if (v <= 3) {
    w.int16((m.v3AndBelowProducerEpoch ?? 0));
  } else {
    if (m.v3AndBelowProducerEpoch !== undefined && !(m.v3AndBelowProducerEpoch === 0)) throw fieldNotInVersion('AddPartitionsToTxnRequest.v3AndBelowProducerEpoch', v);
  }
  if (v <= 3) {
    const a12 = (m.v3AndBelowTopics ?? []);
    {
      if (v >= 3) w.unsignedVarint(a12.length + 1); else w.int32(a12.length);
      for (let i13 = 0; i13 < a12.length; i13++) { writeAddPartitionsToTxnTopic(w, a12[i13]!, v); }
    }
  } else {
    if (m.v3AndBelowTopics !== undefined && !(m.v3AndBelowTopics.length === 0)) throw fieldNotInVersion('AddPartitionsToTxnRequest.v3AndBelowTopics', v);
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AddPartitionsToTxnRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeAddPartitionsToTxnRequest(r: Reader, version: number): AddPartitionsToTxnRequest {
  checkVersion('AddPartitionsToTxnRequest', version, 0, 5);
  const v = version;
  let _transactions: AddPartitionsToTxnTransaction[];
  if (v >= 4) {
    const n14 = r.unsignedVarint() - 1;
    if (n14 < 0) throw nullOnWire('AddPartitionsToTxnRequest.transactions', v);
    checkCount(r, n14);
    const a15 = new Array<AddPartitionsToTxnTransaction>(n14);
    for (let i16 = 0; i16 < n14; i16++) a15[i16] = readAddPartitionsToTxnTransaction(r, v);
    _transactions = a15;
  } else {
    _transactions = [];
  }
  let _v3AndBelowTransactionalId: string;
  if (v <= 3) {
    _v3AndBelowTransactionalId = (v >= 3 ? r.compactString() : r.string());
  } else {
    _v3AndBelowTransactionalId = "";
  }
  let _v3AndBelowProducerId: number;
  if (v <= 3) {
    _v3AndBelowProducerId = r.int64();
  } else {
    _v3AndBelowProducerId = 0;
  }
  let _v3AndBelowProducerEpoch: number;
  if (v <= 3) {
    _v3AndBelowProducerEpoch = r.int16();
  } else {
    _v3AndBelowProducerEpoch = 0;
  }
  let _v3AndBelowTopics: AddPartitionsToTxnTopic[];
  if (v <= 3) {
    const n17 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
    if (n17 < 0) throw nullOnWire('AddPartitionsToTxnRequest.v3AndBelowTopics', v);
    checkCount(r, n17);
    const a18 = new Array<AddPartitionsToTxnTopic>(n17);
    for (let i19 = 0; i19 < n17; i19++) a18[i19] = readAddPartitionsToTxnTopic(r, v);
    _v3AndBelowTopics = a18;
  } else {
    _v3AndBelowTopics = [];
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { transactions: _transactions, v3AndBelowTransactionalId: _v3AndBelowTransactionalId, v3AndBelowProducerId: _v3AndBelowProducerId, v3AndBelowProducerEpoch: _v3AndBelowProducerEpoch, v3AndBelowTopics: _v3AndBelowTopics };
}

/** Part of {@link AddPartitionsToTxnResponse}. */
export interface AddPartitionsToTxnPartitionResult {
  /** Kafka: PartitionIndex (v0+). */
  partitionIndex: number;
  /** Kafka: PartitionErrorCode (v0+). */
  partitionErrorCode: number;
}

function writeAddPartitionsToTxnPartitionResult(w: Writer, m: AddPartitionsToTxnPartitionResult, v: number): void {
  w.int32(m.partitionIndex);
  w.int16(m.partitionErrorCode);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnPartitionResult(r: Reader, v: number): AddPartitionsToTxnPartitionResult {
  const _partitionIndex: number = r.int32();
  const _partitionErrorCode: number = r.int16();
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { partitionIndex: _partitionIndex, partitionErrorCode: _partitionErrorCode };
}

/** Part of {@link AddPartitionsToTxnResponse}. */
export interface AddPartitionsToTxnTopicResult {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: ResultsByPartition (v0+). */
  resultsByPartition: AddPartitionsToTxnPartitionResult[];
}

function writeAddPartitionsToTxnTopicResult(w: Writer, m: AddPartitionsToTxnTopicResult, v: number): void {
  if (v >= 3) w.compactString(m.name); else w.string(m.name);
  const a0 = m.resultsByPartition;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeAddPartitionsToTxnPartitionResult(w, a0[i1]!, v); }
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnTopicResult(r: Reader, v: number): AddPartitionsToTxnTopicResult {
  const _name: string = (v >= 3 ? r.compactString() : r.string());
  const n2 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('AddPartitionsToTxnResponse.resultsByPartition', v);
  checkCount(r, n2);
  const a3 = new Array<AddPartitionsToTxnPartitionResult>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readAddPartitionsToTxnPartitionResult(r, v);
  const _resultsByPartition: AddPartitionsToTxnPartitionResult[] = a3;
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { name: _name, resultsByPartition: _resultsByPartition };
}

/** Part of {@link AddPartitionsToTxnResponse}. */
export interface AddPartitionsToTxnResult {
  /** Kafka: TransactionalId (v4+). */
  transactionalId: string;
  /** Kafka: TopicResults (v4+). */
  topicResults: AddPartitionsToTxnTopicResult[];
}

function writeAddPartitionsToTxnResult(w: Writer, m: AddPartitionsToTxnResult, v: number): void {
  w.compactString(m.transactionalId);
  const a5 = m.topicResults;
  {
    w.unsignedVarint(a5.length + 1);
    for (let i6 = 0; i6 < a5.length; i6++) { writeAddPartitionsToTxnTopicResult(w, a5[i6]!, v); }
  }
  w.unsignedVarint(0);
}

function readAddPartitionsToTxnResult(r: Reader, v: number): AddPartitionsToTxnResult {
  const _transactionalId: string = r.compactString();
  const n7 = r.unsignedVarint() - 1;
  if (n7 < 0) throw nullOnWire('AddPartitionsToTxnResponse.topicResults', v);
  checkCount(r, n7);
  const a8 = new Array<AddPartitionsToTxnTopicResult>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readAddPartitionsToTxnTopicResult(r, v);
  const _topicResults: AddPartitionsToTxnTopicResult[] = a8;
  skipTaggedFields(r);
  return { transactionalId: _transactionalId, topicResults: _topicResults };
}

/** AddPartitionsToTxnResponse, versions 0-5. */
export interface AddPartitionsToTxnResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: ErrorCode (v4+). */
  errorCode?: number;
  /** Kafka: ResultsByTransaction (v4+). */
  resultsByTransaction?: AddPartitionsToTxnResult[];
  /** Kafka: ResultsByTopicV3AndBelow (v0-3). */
  resultsByTopicV3AndBelow?: AddPartitionsToTxnTopicResult[];
}

/** Writes {@link AddPartitionsToTxnResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAddPartitionsToTxnResponse(m: AddPartitionsToTxnResponse, version: number, w: Writer): void {
  checkVersion('AddPartitionsToTxnResponse', version, 0, 5);
  const v = version;
  w.int32(m.throttleTimeMs);
  if (v >= 4) {
    w.int16((m.errorCode ?? 0));
  }
  if (v >= 4) {
    const a10 = (m.resultsByTransaction ?? []);
    {
      w.unsignedVarint(a10.length + 1);
      for (let i11 = 0; i11 < a10.length; i11++) { writeAddPartitionsToTxnResult(w, a10[i11]!, v); }
    }
  } else {
    if (m.resultsByTransaction !== undefined && !(m.resultsByTransaction.length === 0)) throw fieldNotInVersion('AddPartitionsToTxnResponse.resultsByTransaction', v);
  }
  if (v <= 3) {
    const a12 = (m.resultsByTopicV3AndBelow ?? []);
    {
      if (v >= 3) w.unsignedVarint(a12.length + 1); else w.int32(a12.length);
      for (let i13 = 0; i13 < a12.length; i13++) { writeAddPartitionsToTxnTopicResult(w, a12[i13]!, v); }
    }
  } else {
    if (m.resultsByTopicV3AndBelow !== undefined && !(m.resultsByTopicV3AndBelow.length === 0)) throw fieldNotInVersion('AddPartitionsToTxnResponse.resultsByTopicV3AndBelow', v);
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AddPartitionsToTxnResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeAddPartitionsToTxnResponse(r: Reader, version: number): AddPartitionsToTxnResponse {
  checkVersion('AddPartitionsToTxnResponse', version, 0, 5);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  let _errorCode: number;
  if (v >= 4) {
    _errorCode = r.int16();
  } else {
    _errorCode = 0;
  }
  let _resultsByTransaction: AddPartitionsToTxnResult[];
  if (v >= 4) {
    const n14 = r.unsignedVarint() - 1;
    if (n14 < 0) throw nullOnWire('AddPartitionsToTxnResponse.resultsByTransaction', v);
    checkCount(r, n14);
    const a15 = new Array<AddPartitionsToTxnResult>(n14);
    for (let i16 = 0; i16 < n14; i16++) a15[i16] = readAddPartitionsToTxnResult(r, v);
    _resultsByTransaction = a15;
  } else {
    _resultsByTransaction = [];
  }
  let _resultsByTopicV3AndBelow: AddPartitionsToTxnTopicResult[];
  if (v <= 3) {
    const n17 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
    if (n17 < 0) throw nullOnWire('AddPartitionsToTxnResponse.resultsByTopicV3AndBelow', v);
    checkCount(r, n17);
    const a18 = new Array<AddPartitionsToTxnTopicResult>(n17);
    for (let i19 = 0; i19 < n17; i19++) a18[i19] = readAddPartitionsToTxnTopicResult(r, v);
    _resultsByTopicV3AndBelow = a18;
  } else {
    _resultsByTopicV3AndBelow = [];
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, resultsByTransaction: _resultsByTransaction, resultsByTopicV3AndBelow: _resultsByTopicV3AndBelow };
}
