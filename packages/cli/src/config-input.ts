/** Broker settings from `--config-file` (server.properties style) and repeated `--config k=v`. */
import { readFileSync } from 'node:fs';
import { parseProperties } from '@rill/broker';

/** A setting given on the command line could not be read. */
export class CliUsageError extends Error {
  readonly code = 'CLI_USAGE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliUsageError';
  }
}

/** Parses one `--config key=value`. */
export function parseConfigArg(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new CliUsageError(`--config expects key=value, got "${arg}"`);
  return [arg.slice(0, eq).trim(), arg.slice(eq + 1).trim()];
}

/** The file's settings, then the command line's (which win). */
export function collectConfig(file: string | undefined, args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliUsageError(`cannot read --config-file ${file}`, { cause: e });
    }
    for (const [k, v] of parseProperties(text)) out[k] = v;
  }
  for (const a of args) {
    const [k, v] = parseConfigArg(a);
    out[k] = v;
  }
  return out;
}
