/**
 * The example of createEmbeddedClient's TSDoc, run as written (on a temp dir), so the
 * documentation stays true.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogEngine } from '@rill/log';
import { expect, it } from 'vitest';
import { createEmbeddedClient } from '../src/index.js';

it('runs the createEmbeddedClient example', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rill-client-example-'));
  try {
    const engine = await LogEngine.open({ dataDir });
    const client = createEmbeddedClient({
      engine,
      coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0 },
    });
    await client.producer().send({ topic: 'orders', key: 'user-1', value: 'hello' });
    const consumer = client.consumer({ 'group.id': 'billing', 'auto.offset.reset': 'earliest' });
    await consumer.subscribe(['orders']);
    const batch = await consumer.poll(1000);
    const producer = client.producer({ 'transactional.id': 'billing-0' });
    await producer.transaction(async (tx) => {
      await tx.send({ topic: 'invoices', key: 'user-1', value: String(batch.count) });
      await tx.sendOffsets([{ topic: 'orders', partition: 0, offset: 1 }], consumer.groupMetadata());
    });
    expect(batch.count).toBe(1);
    expect(await consumer.committed([{ topic: 'orders', partition: 0 }])).toEqual([
      expect.objectContaining({ offset: 1 }),
    ]);
    await client.close();
    await engine.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
