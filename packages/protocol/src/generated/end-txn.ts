// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API EndTxn (key 26), versions 0-5, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkVersion, skipTaggedFields } from '../messages/internal/codec-support.js';

/** EndTxnRequest, versions 0-5. */
export interface EndTxnRequest {
  /** Kafka: TransactionalId (v0+). */
  transactionalId: string;
  /** Kafka: ProducerId (v0+). */
  producerId: number;
  /** Kafka: ProducerEpoch (v0+). */
  producerEpoch: number;
  /** Kafka: Committed (v0+). */
  committed: boolean;
}

/** Writes {@link EndTxnRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeEndTxnRequest(m: EndTxnRequest, version: number, w: Writer): void {
  checkVersion('EndTxnRequest', version, 0, 5);
  const v = version;
  if (v >= 3) w.compactString(m.transactionalId); else w.string(m.transactionalId);
  w.int64(m.producerId);
  w.int16(m.producerEpoch);
  w.boolean(m.committed);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link EndTxnRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeEndTxnRequest(r: Reader, version: number): EndTxnRequest {
  checkVersion('EndTxnRequest', version, 0, 5);
  const v = version;
  const _transactionalId: string = (v >= 3 ? r.compactString() : r.string());
  const _producerId: number = r.int64();
  const _producerEpoch: number = r.int16();
  const _committed: boolean = r.boolean();
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { transactionalId: _transactionalId, producerId: _producerId, producerEpoch: _producerEpoch, committed: _committed };
}

/** EndTxnResponse, versions 0-5. */
export interface EndTxnResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ProducerId (v5+). */
  producerId?: number;
  /** Kafka: ProducerEpoch (v5+). */
  producerEpoch?: number;
}

/** Writes {@link EndTxnResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeEndTxnResponse(m: EndTxnResponse, version: number, w: Writer): void {
  checkVersion('EndTxnResponse', version, 0, 5);
  const v = version;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  if (v >= 5) {
    w.int64((m.producerId ?? -1));
  }
  if (v >= 5) {
    w.int16((m.producerEpoch ?? -1));
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link EndTxnResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeEndTxnResponse(r: Reader, version: number): EndTxnResponse {
  checkVersion('EndTxnResponse', version, 0, 5);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const _errorCode: number = r.int16();
  let _producerId: number;
  if (v >= 5) {
    _producerId = r.int64();
  } else {
    _producerId = -1;
  }
  let _producerEpoch: number;
  if (v >= 5) {
    _producerEpoch = r.int16();
  } else {
    _producerEpoch = -1;
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, producerId: _producerId, producerEpoch: _producerEpoch };
}
