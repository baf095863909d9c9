/**
 * The consumer's fetch buffer: records decoded past max.poll.records are returned by the next
 * polls without reading the log again, and dropped on seek, pause and revocation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embeddedEnv, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await env?.close();
  env = undefined;
});

const tp = { topic: 't', partition: 0 };

async function setup(count: number): Promise<EmbeddedEnv> {
  const e = await embeddedEnv();
  await e.engine.createTopic('t', { partitions: 1 });
  const p = e.client.producer({ 'linger.ms': 0 });
  await p.sendBatch(Array.from({ length: count }, (_, i) => ({ topic: 't', partition: 0, value: `v${i}` })));
  await p.close();
  return e;
}

describe('embedded consumer fetch buffer', () => {
  it('serves the rest of a fetch from the buffer, in order, without reading the log again', async () => {
    env = await setup(10);
    const c = env.client.consumer({ 'max.poll.records': 3, 'auto.offset.reset': 'earliest' });
    c.assign([tp]);
    const reads = vi.spyOn(env.engine, 'read');
    const seen: number[] = [];
    const first = await c.poll(1000);
    expect(first.count).toBe(3);
    expect(reads).toHaveBeenCalledTimes(1);
    seen.push(...first.partitions[0]!.records.map((r) => r.offset));
    expect(first.partitions[0]!.nextOffset).toBe(3);
    expect(await c.position(tp)).toBe(3);
    while (seen.length < 10) {
      const got = await c.poll(1000);
      expect(got.count).toBeGreaterThan(0);
      expect(got.count).toBeLessThanOrEqual(3);
      const part = got.partitions[0]!;
      seen.push(...part.records.map((r) => r.offset));
      expect(part.nextOffset).toBe(seen[seen.length - 1]! + 1);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // All ten came out of the one read.
    expect(reads).toHaveBeenCalledTimes(1);
    await c.close();
  });

  it('drops the buffer on seek and on pause', async () => {
    env = await setup(10);
    const c = env.client.consumer({ 'max.poll.records': 4, 'auto.offset.reset': 'earliest' });
    c.assign([tp]);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([0, 1, 2, 3]);
    c.seek(tp, 1);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([1, 2, 3, 4]);
    const reads = vi.spyOn(env.engine, 'read');
    c.pause([tp]);
    expect((await c.poll(0)).count).toBe(0);
    c.resume([tp]);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([5, 6, 7, 8]);
    // Resumed: the dropped buffer is fetched again from the position.
    expect(reads).toHaveBeenCalledTimes(1);
    c.seekToBeginning([tp]);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([0, 1, 2, 3]);
    await c.close();
  });

  it('drops the buffer of a revoked partition: a reassigned one resumes from its position', async () => {
    env = await setup(10);
    const c = env.client.consumer({ 'max.poll.records': 2, 'auto.offset.reset': 'earliest' });
    c.assign([tp]);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([0, 1]);
    c.assign([]);
    c.assign([tp]);
    c.seek(tp, 6);
    expect((await c.poll(1000)).partitions[0]!.records.map((r) => r.offset)).toEqual([6, 7]);
    await c.close();
  });
});
