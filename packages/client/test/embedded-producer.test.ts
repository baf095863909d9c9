/**
 * The embedded producer on a real engine: batching per partition (linger.ms, batch.size), the
 * sticky partitioner, idempotent stamping, failures reported by flush, auto-created topics.
 */
import { iterateBatches, readBatchHeader } from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedEnv, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** The headers of every batch stored in a partition. */
async function storedBatches(e: EmbeddedEnv, topic: string, partition: number) {
  const out = [];
  let offset = 0;
  for (;;) {
    const { batches, highWatermark } = await e.engine.read(topic, partition, offset);
    for (const b of iterateBatches(batches)) {
      const h = readBatchHeader(b);
      if (h.baseOffset + h.lastOffsetDelta + 1 <= offset) continue;
      out.push(h);
      offset = h.baseOffset + h.lastOffsetDelta + 1;
    }
    if (offset >= highWatermark || batches.length === 0) return out;
  }
}

describe('embedded producer', () => {
  it('collects the sends of one partition within linger.ms into one batch, split at batch.size', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const lingering = env.client.producer({ 'linger.ms': 20 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => lingering.send({ topic: 't', value: `v${i}` })));
    expect((await storedBatches(env, 't', 0)).map((h) => h.recordsCount)).toEqual([10]);

    const small = env.client.producer({ 'linger.ms': 20, 'batch.size': 100 });
    const value = 'x'.repeat(30);
    await Promise.all(Array.from({ length: 6 }, () => small.send({ topic: 't', value })));
    // ~46 bytes per record: two fit under 100 bytes, the third starts the next batch.
    expect((await storedBatches(env, 't', 0)).map((h) => h.recordsCount)).toEqual([10, 2, 2, 2]);
  });

  it('keeps keyless records on one partition per batch and moves on after each batch', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 4 });
    const p = env.client.producer();
    const first = await p.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 't', value: `a${i}` })));
    expect(new Set(first.map((m) => m.partition)).size).toBe(1);
    const second = await p.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic: 't', value: `b${i}` })));
    expect(new Set(second.map((m) => m.partition)).size).toBe(1);
    expect(second[0]!.partition).not.toBe(first[0]!.partition);
  });

  it('stamps idempotent batches with a producer id and consecutive sequences; not with acks=1', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const idempotent = env.client.producer();
    await idempotent.sendBatch([
      { topic: 't', value: 'a' },
      { topic: 't', value: 'b' },
    ]);
    await idempotent.sendBatch([{ topic: 't', value: 'c' }]);
    const plain = env.client.producer({ acks: 1 });
    await plain.send({ topic: 't', value: 'd' });
    const hs = await storedBatches(env, 't', 0);
    expect(hs.map((h) => h.baseSequence)).toEqual([0, 2, -1]);
    expect(hs[0]!.producerId).toBeGreaterThanOrEqual(0);
    expect(hs[1]!.producerId).toBe(hs[0]!.producerId);
    expect(hs[2]!.producerId).toBe(-1);
  });

  it('reports a failed send again in flush, continues after it with a fresh producer id, and refuses sends after close', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1, configs: { 'max.message.bytes': 300 } });
    const p = env.client.producer();
    await p.send({ topic: 't', value: 'ok' });
    const tooBig = p.send({ topic: 't', value: 'x'.repeat(1000) });
    await expect(tooBig).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await expect(p.flush()).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await p.flush();
    const after = await p.send({ topic: 't', value: 'after' });
    expect(after.offset).toBe(1);
    const hs = await storedBatches(env, 't', 0);
    expect(hs[1]!.producerId).not.toBe(hs[0]!.producerId);
    expect(hs[1]!.baseSequence).toBe(0);
    await p.close();
    await expect(p.send({ topic: 't', value: 'late' })).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('creates a missing topic on first send and rejects partitions out of range', async () => {
    env = await embeddedEnv();
    const p = env.client.producer();
    const meta = await p.send({ topic: 'fresh', key: 'k', value: 'v' });
    expect(meta).toMatchObject({ topic: 'fresh', partition: 0, offset: 0 });
    expect(env.engine.listTopics()).toContain('fresh');
    await expect(p.send({ topic: 'fresh', partition: 3, value: 'v' })).rejects.toMatchObject({
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    await env.engine.createPartitions('fresh', 4);
    expect((await p.send({ topic: 'fresh', partition: 3, value: 'v' })).partition).toBe(3);
  });
});
