// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API AddOffsetsToTxn (key 25), versions 0-4, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkVersion, skipTaggedFields } from '../messages/internal/codec-support.js';

/** AddOffsetsToTxnRequest, versions 0-4. */
export interface AddOffsetsToTxnRequest {
  /** Kafka: TransactionalId (v0+). */
  transactionalId: string;
  /** Kafka: ProducerId (v0+). */
  producerId: number;
  /** Kafka: ProducerEpoch (v0+). */
  producerEpoch: number;
  /** Kafka: GroupId (v0+). */
  groupId: string;
}

/** Writes {@link AddOffsetsToTxnRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAddOffsetsToTxnRequest(m: AddOffsetsToTxnRequest, version: number, w: Writer): void {
  checkVersion('AddOffsetsToTxnRequest', version, 0, 4);
  const v = version;
  if (v >= 3) w.compactString(m.transactionalId); else w.string(m.transactionalId);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  if (v >= 3) w.compactString(m.groupId); else w.string(m.groupId);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AddOffsetsToTxnRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeAddOffsetsToTxnRequest(r: Reader, version: number): AddOffsetsToTxnRequest {
  checkVersion('AddOffsetsToTxnRequest', version, 0, 4);
  const v = version;
  const _transactionalId: string = (v >= 3 ? r.compactString() : r.string());
  const _producerId: number = r.int64();
  const _producerEpoch: number = r.int16();
  const _groupId: string = (v >= 3 ? r.compactString() : r.string());
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { transactionalId: _transactionalId, producerId: _producerId, producerEpoch: _producerEpoch, groupId: _groupId };
}

/** AddOffsetsToTxnResponse, versions 0-4. */
export interface AddOffsetsToTxnResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
}

/** Writes {@link AddOffsetsToTxnResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAddOffsetsToTxnResponse(m: AddOffsetsToTxnResponse, version: number, w: Writer): void {
  checkVersion('AddOffsetsToTxnResponse', version, 0, 4);
  const v = version;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AddOffsetsToTxnResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeAddOffsetsToTxnResponse(r: Reader, version: number): AddOffsetsToTxnResponse {
  checkVersion('AddOffsetsToTxnResponse', version, 0, 4);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const _errorCode: number = r.int16();
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode };
}
