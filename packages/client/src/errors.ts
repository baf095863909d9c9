/**
 * Typed errors of the client interface. Every implementation (embedded, kafkajs-backed) reports
 * failures as {@link ClientError}: Kafka protocol errors keep Kafka's name as `code` and Kafka's
 * numeric code as `kafkaCode`; failures that only exist in a client get a Rill code.
 */
import { KafkaErrorCodes, kafkaErrorByCode, type KafkaErrorName } from '@rill/protocol';

/**
 * Codes that exist only on the client side (no Kafka protocol counterpart). Java's client
 * raises the same situations as exceptions without an error code (IllegalStateException,
 * TimeoutException, NoOffsetForPartitionException, SchemaException, ...).
 */
export const ClientOnlyErrorCodes = [
  /** The producer, consumer or admin was closed (or is closing). */
  'CLOSED',
  /** An operation did not complete within its timeout (`max.block.ms`, `default.api.timeout.ms`, ...). */
  'TIMEOUT',
  /** The call is not allowed in the current state (e.g. commitTransaction without beginTransaction). */
  'ILLEGAL_STATE',
  /** A caller passed an argument that can never be valid (negative offset, empty topic list, ...). */
  'INVALID_ARGUMENT',
  /** `auto.offset.reset=none` and a partition has no committed offset (Java's NoOffsetForPartitionException). */
  'NO_OFFSET_FOR_PARTITION',
  /** Consumer-protocol bytes (subscription or assignment) that cannot be parsed (Java's SchemaException). */
  'MALFORMED_CONSUMER_PROTOCOL',
  /** The group's assignment protocol, or a leader-computed assignment, broke its rules (e.g. the cooperative two-phase rule). */
  'INVALID_ASSIGNMENT',
  /** The implementation does not offer this feature (e.g. KIP-447 group metadata on a kafkajs-backed client). */
  'UNSUPPORTED',
] as const;

/** Union of {@link ClientOnlyErrorCodes}. */
export type ClientOnlyErrorCode = (typeof ClientOnlyErrorCodes)[number];

/** Every stable code a {@link ClientError} can carry: a Kafka error name (never `NONE`) or a client-only code. */
export type ClientErrorCode = Exclude<KafkaErrorName, 'NONE'> | ClientOnlyErrorCode;

const CLIENT_ONLY: ReadonlySet<string> = new Set(ClientOnlyErrorCodes);

/** True if `code` is a code a {@link ClientError} can carry. */
export function isClientErrorCode(code: unknown): code is ClientErrorCode {
  return (
    typeof code === 'string' &&
    (CLIENT_ONLY.has(code) || (code !== 'NONE' && Object.hasOwn(KafkaErrorCodes, code)))
  );
}

/** Options of {@link ClientError}. */
export interface ClientErrorOptions {
  readonly cause?: unknown;
  /** Overrides the default: Kafka's retriable flag for Kafka codes, `TIMEOUT` retriable, others not. */
  readonly retriable?: boolean;
  /** The topic, partition, group or transactional id the error is about, for messages and handlers. */
  readonly resource?: string;
}

/**
 * An error raised through the client interface.
 *
 * @example
 * ```ts
 * try { await producer.commitTransaction(); }
 * catch (e) {
 *   if (e instanceof ClientError && e.code === 'PRODUCER_FENCED') { // another instance took over
 *     console.log(e.kafkaCode); // 90
 *   }
 * }
 * ```
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  /** Stable, documented code (see docs/errors.md). */
  readonly code: ClientErrorCode;
  /** Kafka's numeric error code, or undefined for client-only codes. */
  readonly kafkaCode: number | undefined;
  /** Whether retrying the same operation later can succeed. */
  readonly retriable: boolean;
  /** What the error is about (topic, `topic-partition`, group id, transactional id), if known. */
  readonly resource: string | undefined;

  constructor(code: ClientErrorCode, message: string, options: ClientErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    const kafka = CLIENT_ONLY.has(code) ? undefined : KafkaErrorCodes[code as KafkaErrorName];
    this.kafkaCode = kafka?.code;
    this.retriable = options.retriable ?? kafka?.retriable ?? code === 'TIMEOUT';
    this.resource = options.resource;
  }
}

/** True if `e` is a ClientError, optionally with one of the given codes. */
export function isClientError(e: unknown, ...codes: readonly ClientErrorCode[]): e is ClientError {
  return e instanceof ClientError && (codes.length === 0 || codes.includes(e.code));
}

/**
 * Convert any error raised below the client interface into a {@link ClientError}, keeping the
 * original as `cause`. Recognises, without importing their classes: errors whose `code` is
 * already a client code (LogError's Kafka-named codes), errors with a numeric `kafkaCode`
 * (LogError, ProtocolError), and kafkajs' protocol errors (`type` = Kafka name, numeric `code`).
 * Anything else becomes `UNKNOWN_SERVER_ERROR`, because to a client it is an unexpected failure
 * on the serving side.
 *
 * @example
 * ```ts
 * try { await engine.append(topic, records); } catch (e) { throw toClientError(e, topic); }
 * ```
 */
export function toClientError(e: unknown, resource?: string): ClientError {
  if (e instanceof ClientError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    code?: unknown;
    type?: unknown;
    kafkaCode?: unknown;
    retriable?: unknown;
    message?: unknown;
  };
  const message = typeof err.message === 'string' ? err.message : String(e);
  const retriable = typeof err.retriable === 'boolean' ? err.retriable : undefined;
  const opts = (code: ClientErrorCode): ClientErrorOptions => {
    const base: { cause: unknown; resource?: string; retriable?: boolean } = { cause: e };
    if (resource !== undefined) base.resource = resource;
    // Keep the source's retriable decision only when it speaks about the same Kafka condition.
    if (retriable !== undefined && code !== 'UNKNOWN_SERVER_ERROR') base.retriable = retriable;
    return base;
  };
  if (isClientErrorCode(err.code)) return new ClientError(err.code, message, opts(err.code));
  if (isClientErrorCode(err.type)) return new ClientError(err.type, message, opts(err.type));
  const numeric =
    typeof err.kafkaCode === 'number' ? err.kafkaCode : typeof err.code === 'number' ? err.code : undefined;
  if (numeric !== undefined) {
    const known = kafkaErrorByCode(numeric);
    if (known !== undefined && known.name !== 'NONE')
      return new ClientError(known.name, message, opts(known.name));
  }
  return new ClientError('UNKNOWN_SERVER_ERROR', message, opts('UNKNOWN_SERVER_ERROR'));
}
