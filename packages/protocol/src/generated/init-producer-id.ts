// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API InitProducerId (key 22), versions 0-5, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkVersion, fieldNotInVersion, skipTaggedFields } from '../messages/internal/codec-support.js';

/** InitProducerIdRequest, versions 0-5. */
export interface InitProducerIdRequest {
  /** Kafka: TransactionalId (v0+). */
  transactionalId: string | null;
  /** Kafka: TransactionTimeoutMs (v0+). */
  transactionTimeoutMs: number;
  /** Kafka: ProducerId (v3+). */
  producerId?: number;
  /** Kafka: ProducerEpoch (v3+). */
  producerEpoch?: number;
}

/** Writes {@link InitProducerIdRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeInitProducerIdRequest(m: InitProducerIdRequest, version: number, w: Writer): void {
  checkVersion('InitProducerIdRequest', version, 0, 5);
  const v = version;
  if (v >= 2) w.compactNullableString(m.transactionalId); else w.nullableString(m.transactionalId);
  w.int32(m.transactionTimeoutMs);
  if (v >= 3) {
    w.int64((m.producerId ?? -1));
  } else {
    if (m.producerId !== undefined && !(m.producerId === -1)) throw fieldNotInVersion('InitProducerIdRequest.producerId', v);
  }
  if (v >= 3) {
    w.int16((m.producerEpoch ?? -1));
  } else {
    if (m.producerEpoch !== undefined && !(m.producerEpoch === -1)) throw fieldNotInVersion('InitProducerIdRequest.producerEpoch', v);
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link InitProducerIdRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  checkVersion('InitProducerIdRequest', version, 0, 5);
  const v = version;
  const _transactionalId: string | null = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const _transactionTimeoutMs: number = r.int32();
  let _producerId: number;
  if (v >= 3) {
    _producerId = r.int64();
  } else {
    _producerId = -1;
  }
  let _producerEpoch: number;
  if (v >= 3) {
    _producerEpoch = r.int16();
  } else {
    _producerEpoch = -1;
  }
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { transactionalId: _transactionalId, transactionTimeoutMs: _transactionTimeoutMs, producerId: _producerId, producerEpoch: _producerEpoch };
}

/** InitProducerIdResponse, versions 0-5. */
export interface InitProducerIdResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ProducerId (v0+). */
  producerId: number;
  /** Kafka: ProducerEpoch (v0+). */
  producerEpoch: number;
}

/** Writes {@link InitProducerIdResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeInitProducerIdResponse(m: InitProducerIdResponse, version: number, w: Writer): void {
  checkVersion('InitProducerIdResponse', version, 0, 5);
  const v = version;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link InitProducerIdResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  checkVersion('InitProducerIdResponse', version, 0, 5);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const _errorCode: number = r.int16();
  const _producerId: number = r.int64();
  const _producerEpoch: number = r.int16();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, producerId: _producerId, producerEpoch: _producerEpoch };
}
