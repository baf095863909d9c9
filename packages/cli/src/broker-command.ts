/** `rill broker`: serve a data directory over the Kafka protocol until SIGINT or SIGTERM. */
import { BrokerError, startBroker, stderrLogger } from '@rill/broker';
import { collectConfig, CliUsageError } from './config-input.js';

export interface BrokerCommandOptions {
  readonly data: string;
  readonly port: string;
  readonly host: string;
  readonly config: readonly string[];
  readonly configFile?: string;
  readonly saslPort?: string;
  readonly saslUsers?: string;
}

function portOf(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliUsageError(`${flag} must be a port number 0-65535, got "${value}"`);
  return n;
}

/** Starts the broker, prints where it listens, and resolves after a clean shutdown. */
export async function runBroker(opts: BrokerCommandOptions): Promise<void> {
  const config = collectConfig(opts.configFile, opts.config);
  if (opts.saslUsers !== undefined && opts.saslPort === undefined) {
    throw new CliUsageError('--sasl-users needs --sasl-port');
  }
  const broker = await startBroker({
    dataDir: opts.data,
    host: opts.host,
    port: portOf('--port', opts.port),
    config,
    logger: stderrLogger,
    ...(opts.saslPort === undefined
      ? {}
      : {
          sasl: {
            port: portOf('--sasl-port', opts.saslPort),
            ...(opts.saslUsers === undefined ? {} : { usersFile: opts.saslUsers }),
          },
        }),
  });
  process.stdout.write(`rill broker listening on ${broker.address}:${broker.port}\n`);
  for (const l of broker.listeners.slice(1)) {
    process.stdout.write(`rill broker ${l.name} listening on ${l.host}:${l.port}\n`);
  }
  stderrLogger.info(`cluster id ${broker.clusterId}, node id ${broker.nodeId}, data in ${opts.data}`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      // A second signal (e.g. Ctrl-C reaching both the launcher and this process) changes nothing.
      if (stopping) return;
      stopping = true;
      stderrLogger.info(`${signal}: shutting down`);
      broker.close().then(resolve, (e: unknown) => {
        stderrLogger.error('shutdown failed', e);
        process.exitCode = 1;
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

/** Exit code and message for an error of `rill broker`. */
export function explain(e: unknown): { code: number; message: string } {
  if (e instanceof CliUsageError) return { code: 2, message: e.message };
  if (e instanceof BrokerError && e.code === 'INVALID_CONFIG') return { code: 2, message: e.message };
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { code: 1, message: `${typeof code === 'string' ? `${code}: ` : ''}${e.message}` };
  }
  return { code: 1, message: String(e) };
}
