/**
 * Typed errors of the embedded log. Every error carries a stable string `code`; codes that
 * correspond to a Kafka protocol error also carry Kafka's numeric code (`kafkaCode`), so the
 * broker can answer with it unchanged.
 */

/** Kafka's numeric error code for each LogError code that has a Kafka counterpart. */
const KAFKA_CODES = {
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  MESSAGE_TOO_LARGE: 10,
  INVALID_TOPIC_EXCEPTION: 17,
  RECORD_LIST_TOO_LARGE: 18,
  INVALID_TIMESTAMP: 32,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_CONFIG: 40,
  INVALID_REQUEST: 42,
  UNSUPPORTED_FOR_MESSAGE_FORMAT: 43,
  POLICY_VIOLATION: 44,
  KAFKA_STORAGE_ERROR: 56,
  UNSUPPORTED_COMPRESSION_TYPE: 76,
  INVALID_RECORD: 87,
  // Idempotent producers and transactions.
  OUT_OF_ORDER_SEQUENCE_NUMBER: 45,
  INVALID_PRODUCER_EPOCH: 47,
  INVALID_TXN_STATE: 48,
  TRANSACTION_COORDINATOR_FENCED: 52,
  UNKNOWN_PRODUCER_ID: 59,
  // Rill-specific storage failures surface to Kafka clients as KAFKA_STORAGE_ERROR.
  DISK_FULL: 56,
  FSYNC_FAILED: 56,
  PARTITION_FAILED: 56,
  // A closed engine or partition is "not available here" for a Kafka client.
  CLOSED: 3,
} as const;

/** Codes that exist only inside Rill (no direct Kafka counterpart). */
type RillOnlyCode = 'LOG_DIR_LOCKED';

/** Every stable code a LogError can carry. */
export type LogErrorCode = keyof typeof KAFKA_CODES | RillOnlyCode;

/** Every LogError code, for documentation checks and exhaustive handling. */
export const LOG_ERROR_CODES: readonly LogErrorCode[] = [
  ...(Object.keys(KAFKA_CODES) as (keyof typeof KAFKA_CODES)[]),
  'LOG_DIR_LOCKED',
];

/** Codes a caller may retry (after the condition clears), matching Kafka's RetriableException set. */
const RETRIABLE: ReadonlySet<LogErrorCode> = new Set<LogErrorCode>([
  'CORRUPT_MESSAGE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'KAFKA_STORAGE_ERROR',
]);

/** Options for {@link LogError}. */
export interface LogErrorOptions {
  readonly cause?: unknown;
  /** Overrides the retriable default of the code. */
  readonly retriable?: boolean;
}

/**
 * An error raised by the embedded log.
 *
 * @example
 * ```ts
 * try { await partition.read(-1); }
 * catch (e) { if (e instanceof LogError && e.code === 'OFFSET_OUT_OF_RANGE') console.log(e.kafkaCode); } // 1
 * ```
 */
export class LogError extends Error {
  override readonly name = 'LogError';
  /** Stable, documented code (see docs/errors.md). */
  readonly code: LogErrorCode;
  /** Kafka's numeric error code, or undefined when Kafka has none. */
  readonly kafkaCode: number | undefined;
  /** Whether retrying the same operation later can succeed. */
  readonly retriable: boolean;

  constructor(code: LogErrorCode, message: string, options: LogErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kafkaCode = code in KAFKA_CODES ? KAFKA_CODES[code as keyof typeof KAFKA_CODES] : undefined;
    this.retriable = options.retriable ?? RETRIABLE.has(code);
  }
}

/** True if `e` is a LogError with the given code. */
export function isLogError(e: unknown, code?: LogErrorCode): e is LogError {
  return e instanceof LogError && (code === undefined || e.code === code);
}

/**
 * Map an I/O failure (a Node.js system error) to a LogError: ENOSPC becomes DISK_FULL,
 * anything else KAFKA_STORAGE_ERROR. The original error is kept as `cause`.
 */
export function storageError(what: string, cause: unknown): LogError {
  if (cause instanceof LogError) return cause;
  const errno = (cause as { code?: unknown } | null)?.code;
  if (errno === 'ENOSPC') return new LogError('DISK_FULL', `${what}: no space left on device`, { cause });
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new LogError('KAFKA_STORAGE_ERROR', `${what}: ${detail}`, { cause });
}
