/**
 * Typed errors of the broker. Each has a stable string `code`; where Kafka has a numeric error
 * code for the condition, `kafkaCode` carries it.
 */

/** Every stable code a BrokerError can carry (see docs/errors.md). */
export const BROKER_ERROR_CODES = [
  /** A frame's declared size is negative or above `socket.request.max.bytes`. */
  'FRAME_TOO_LARGE',
  /** A frame could not be decoded (truncated, trailing bytes, bad field). */
  'MALFORMED_REQUEST',
  /** An api key or version the broker does not serve. */
  'UNSUPPORTED_REQUEST',
  /** A request other than SaslHandshake/SaslAuthenticate/ApiVersions before authentication. */
  'SASL_REQUIRED',
  /** Wrong user name or password. */
  'SASL_AUTHENTICATION_FAILED',
  /** A broker setting is unknown or has an invalid value. */
  'INVALID_CONFIG',
  /** The data directory's meta.properties cannot be read or written. */
  'META_PROPERTIES',
  /** A listener could not bind its host and port (e.g. the port is in use). */
  'LISTEN_FAILED',
  /** The broker is closed or closing. */
  'CLOSED',
  /** A handler failed in a way that has no Kafka error code. */
  'HANDLER_FAILED',
] as const;

/** Union of {@link BROKER_ERROR_CODES}. */
export type BrokerErrorCode = (typeof BROKER_ERROR_CODES)[number];

/** Options of {@link BrokerError}. */
export interface BrokerErrorOptions {
  readonly cause?: unknown;
  /** Kafka's numeric error code for the condition, if it has one. */
  readonly kafkaCode?: number;
}

/**
 * An error raised by the broker.
 *
 * @example
 * ```ts
 * try { await startBroker({ dataDir, config: { 'no.such.key': '1' } }); }
 * catch (e) { if (e instanceof BrokerError && e.code === 'INVALID_CONFIG') console.error(e.message); }
 * ```
 */
export class BrokerError extends Error {
  /** Stable, documented code. */
  readonly code: BrokerErrorCode;
  /** Kafka's numeric error code, or undefined when Kafka has none. */
  readonly kafkaCode: number | undefined;

  constructor(code: BrokerErrorCode, message: string, options: BrokerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BrokerError';
    this.code = code;
    this.kafkaCode = options.kafkaCode;
  }
}
