import { KafkaErrorCodes } from '../errors/kafka-error-codes.js';
import { ProtocolError } from '../errors/protocol-error.js';

/** Why a request cannot be decoded although its header can. */
export type UnsupportedRequestReason = 'UNKNOWN_API_KEY' | 'UNSUPPORTED_VERSION';

/** What {@link UnsupportedRequestError} knows of the request. */
export interface UnsupportedRequestInfo {
  readonly reason: UnsupportedRequestReason;
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  /** Null when absent, or when the header could not be read that far. */
  readonly clientId: string | null;
}

/**
 * A request for an api key Rill does not know, or a version of it the codecs cannot read.
 *
 * Carries the header fields so that a broker can answer as Kafka does: an ApiVersions
 * request of an unknown version gets an ApiVersions v0 response with UNSUPPORTED_VERSION
 * (35) and the supported ranges; other cases close the connection. `code` is
 * `INVALID_ARGUMENT` and `kafkaCode` is UNSUPPORTED_VERSION (35) or INVALID_REQUEST (42).
 *
 * @example
 * ```ts
 * try { decodeRequest(frame); } catch (e) {
 *   if (e instanceof UnsupportedRequestError && e.apiKey === ApiKeys.ApiVersions) answerV0(e.correlationId);
 * }
 * ```
 */
export class UnsupportedRequestError extends ProtocolError implements UnsupportedRequestInfo {
  readonly reason: UnsupportedRequestReason;
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;

  constructor(info: UnsupportedRequestInfo, message: string) {
    super('INVALID_ARGUMENT', message, {
      kafkaCode:
        info.reason === 'UNSUPPORTED_VERSION'
          ? KafkaErrorCodes.UNSUPPORTED_VERSION.code
          : KafkaErrorCodes.INVALID_REQUEST.code,
    });
    this.reason = info.reason;
    this.apiKey = info.apiKey;
    this.apiVersion = info.apiVersion;
    this.correlationId = info.correlationId;
    this.clientId = info.clientId;
  }
}
