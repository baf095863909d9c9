/**
 * A real engine on a temp dir with an embedded client over it, for the embedded tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LogEngine,
  type Clock,
  type GroupCoordinatorConfigInput,
  type TxnCoordinatorConfigInput,
} from '@rill/log';
import { createEmbeddedClient, type EmbeddedClient } from '../../src/index.js';

export interface EmbeddedEnv {
  readonly engine: LogEngine;
  readonly client: EmbeddedClient;
  close(): Promise<void>;
}

export async function embeddedEnv(
  options: {
    clock?: Clock;
    coordinatorConfig?: GroupCoordinatorConfigInput;
    transactionConfig?: TxnCoordinatorConfigInput;
  } = {},
): Promise<EmbeddedEnv> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rill-client-embedded-'));
  const engine = await LogEngine.open({ dataDir });
  const client = createEmbeddedClient({
    engine,
    coordinatorConfig: {
      'group.initial.rebalance.delay.ms': 0,
      'offsets.topic.num.partitions': 4,
      ...options.coordinatorConfig,
    },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.transactionConfig === undefined ? {} : { transactionConfig: options.transactionConfig }),
  });
  return {
    engine,
    client,
    close: async () => {
      await client.close();
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolve when `cond` holds, checking after every macrotask turn; fail after `boundMs` of real time. */
export async function until(cond: () => boolean, what: string, boundMs = 20_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${boundMs} ms waiting for ${what}`);
    await new Promise<void>((r) => setTimeout(r, 1));
  }
}
