import { KafkaErrorCodes } from './kafka-error-codes.js';

/** Stable string codes of {@link ProtocolError}. */
export const ProtocolErrorCodes = [
  /** Input ended before a complete value could be read. */
  'TRUNCATED',
  /** Bytes are not a well-formed batch: bad CRC, inconsistent lengths, malformed records. */
  'CORRUPT_MESSAGE',
  /** A record batch with a magic other than 2. */
  'UNSUPPORTED_MAGIC',
  /** Compression codec id 5-7, or a codec that failed to (de)compress. */
  'UNSUPPORTED_COMPRESSION_TYPE',
  /** A structurally valid batch whose content Kafka would reject (e.g. record count mismatch). */
  'INVALID_RECORD',
  /** A value outside what the type (or Rill's safe-integer rule) can hold. */
  'VALUE_OUT_OF_RANGE',
  /** A caller passed arguments that cannot be encoded. */
  'INVALID_ARGUMENT',
] as const;

/** Union of {@link ProtocolErrorCodes}. */
export type ProtocolErrorCode = (typeof ProtocolErrorCodes)[number];

const DEFAULT_KAFKA_CODE: { readonly [K in ProtocolErrorCode]: number | undefined } = {
  TRUNCATED: KafkaErrorCodes.CORRUPT_MESSAGE.code,
  CORRUPT_MESSAGE: KafkaErrorCodes.CORRUPT_MESSAGE.code,
  UNSUPPORTED_MAGIC: KafkaErrorCodes.UNSUPPORTED_FOR_MESSAGE_FORMAT.code,
  UNSUPPORTED_COMPRESSION_TYPE: KafkaErrorCodes.UNSUPPORTED_COMPRESSION_TYPE.code,
  INVALID_RECORD: KafkaErrorCodes.INVALID_RECORD.code,
  VALUE_OUT_OF_RANGE: KafkaErrorCodes.INVALID_RECORD.code,
  INVALID_ARGUMENT: undefined,
};

/** Options of {@link ProtocolError}. */
export interface ProtocolErrorOptions {
  /** Overrides the Kafka error code that this code maps to by default. */
  readonly kafkaCode?: number;
  readonly cause?: unknown;
}

/**
 * Every failure to read, write or validate Kafka bytes.
 *
 * `code` is stable and meant for programs; `kafkaCode` is the Kafka protocol error a
 * broker would answer with (e.g. 2, CORRUPT_MESSAGE, for a bad CRC).
 *
 * @example
 * ```ts
 * try { verifyBatchCrc(buf); } catch (e) {
 *   if (e instanceof ProtocolError && e.code === 'CORRUPT_MESSAGE') { ... }
 * }
 * ```
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  readonly kafkaCode: number | undefined;
  /**
   * Always false: the same bytes fail the same way again. (Kafka calls CORRUPT_MESSAGE
   * retriable because a resend may fix network corruption; a client deciding to resend
   * should look at `kafkaCode` in the broker's response, not at this flag.)
   */
  readonly retriable = false;

  constructor(code: ProtocolErrorCode, message: string, options: ProtocolErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kafkaCode = options.kafkaCode ?? DEFAULT_KAFKA_CODE[code];
  }
}
