/** The broker's log sink: one line per event, errors with their stable code. */

/** Where the broker reports what happens. Every method must not throw. */
export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
  /** `error` is usually a BrokerError, LogError or ProtocolError with a `code`. */
  error(message: string, error?: unknown): void;
  /** Optional per-request tracing (each request as it starts); absent means off. */
  debug?(message: string): void;
}

function describe(error: unknown): string {
  if (error === undefined) return '';
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = error.cause === undefined ? '' : `; caused by${describe(error.cause)}`;
    return ` [${error.name}${typeof code === 'string' ? ` ${code}` : ''}] ${error.message}${cause}`;
  }
  return ` ${String(error)}`;
}

/** Writes `level message` lines to stderr (stdout stays free for the listening line). */
export const stderrLogger: BrokerLogger = {
  info: (m) => process.stderr.write(`rill broker INFO ${m}\n`),
  warn: (m) => process.stderr.write(`rill broker WARN ${m}\n`),
  error: (m, e) => process.stderr.write(`rill broker ERROR ${m}${describe(e)}\n`),
};

/** Discards everything (tests that assert on behaviour, not logs). */
export const silentLogger: BrokerLogger = { info: () => {}, warn: () => {}, error: () => {} };

export { describe as describeError };
