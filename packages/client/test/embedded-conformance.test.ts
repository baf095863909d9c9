/**
 * The client conformance suite against the embedded implementation: a real engine on a fresh
 * temp dir and a real group coordinator per test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogEngine } from '@rill/log';
import { createEmbeddedClient } from '../src/index.js';
import { clientConformanceSuite } from '../src/conformance/index.js';

clientConformanceSuite(
  'embedded',
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rill-client-conformance-'));
    const engine = await LogEngine.open({ dataDir });
    const client = createEmbeddedClient({
      engine,
      coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0, 'offsets.topic.num.partitions': 4 },
    });
    return {
      client,
      consumerDefaults: { 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 50 },
      close: async () => {
        await client.close();
        await engine.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  {},
);
