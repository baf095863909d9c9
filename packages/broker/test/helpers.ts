import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  silentLogger,
  startBroker,
  type BrokerLogger,
  type BrokerOptions,
  type RunningBroker,
} from '@rill/broker';

/** A logger that records lines, for assertions on typed errors. */
export function recordingLogger(): BrokerLogger & { lines: string[] } {
  const lines: string[] = [];
  const fmt = (e: unknown): string =>
    e instanceof Error
      ? ` ${(e as { code?: string }).code ?? ''} ${e.message}`
      : e === undefined
        ? ''
        : ` ${String(e)}`;
  return {
    lines,
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m, e) => lines.push(`ERROR ${m}${fmt(e)}`),
    debug: (m) => lines.push(`DEBUG ${m}`),
  };
}

/** Waits until `pred` holds, polling each `stepMs`, failing after `timeoutMs`. */
export async function until(pred: () => boolean, timeoutMs = 5000, stepMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export function tempDir(prefix = 'rill-broker-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a broker on a free port in a fresh directory; `stop` closes it and removes the directory. */
export async function withBroker(
  options: Partial<BrokerOptions> = {},
): Promise<{ broker: RunningBroker; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? tempDir();
  // One offsets partition and no initial rebalance delay keep tests fast.
  const config = {
    'offsets.topic.num.partitions': 1,
    'group.initial.rebalance.delay.ms': 0,
    ...options.config,
  };
  const broker = await startBroker({ port: 0, logger: silentLogger, ...options, config, dataDir });
  return {
    broker,
    dataDir,
    stop: async () => {
      await broker.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
