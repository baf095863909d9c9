/** Stable codes of {@link CleanerError}. */
export const CleanerErrorCodes = [
  /** `log.cleaner.dedupe.buffer.size` / load factor cannot form a usable offset map. */
  'CLEANER_DEDUPE_BUFFER_INVALID',
  /** The dedupe buffer cannot hold the distinct keys of even one batch, so no pass can progress. */
  'CLEANER_DEDUPE_BUFFER_TOO_SMALL',
  /** The pass was stopped through its AbortSignal; nothing it wrote was finished. */
  'CLEANER_ABORTED',
  /** The segments handed to a pass are out of order or overlap. */
  'CLEANER_INVALID_SEGMENTS',
] as const;

export type CleanerErrorCode = (typeof CleanerErrorCodes)[number];

/**
 * A failure of log compaction. Never retriable as such: the same input fails the same way, except
 * CLEANER_ABORTED, which only means the pass was cancelled and can simply run again later.
 */
export class CleanerError extends Error {
  override readonly name = 'CleanerError';
  readonly code: CleanerErrorCode;
  readonly retriable: boolean;

  constructor(code: CleanerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.retriable = code === 'CLEANER_ABORTED';
  }
}
