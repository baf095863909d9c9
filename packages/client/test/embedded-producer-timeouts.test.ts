/**
 * The embedded producer's delivery.timeout.ms, request.timeout.ms and acks=0, on a manual clock.
 * A stalled disk is simulated by holding the real engine's calls until released (they then run
 * for real): Kafka's semantics are that a timed-out send may still have been written.
 */
import { ManualClock, type LogEngine } from '@rill/log';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embeddedEnv, until, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await env?.close();
  env = undefined;
});

/** Hold calls of `method` on the real engine until `release()`; then each goes through. */
function stall(
  engine: LogEngine,
  method: 'appendToPartition' | 'initProducerId',
): {
  calls: () => number;
  release: () => void;
} {
  const real = engine[method].bind(engine) as (...args: unknown[]) => Promise<unknown>;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  let calls = 0;
  vi.spyOn(engine, method).mockImplementation(((...args: unknown[]) => {
    calls++;
    return gate.then(() => real(...args));
  }) as never);
  return { calls: () => calls, release: () => open() };
}

function settledFlag(p: Promise<unknown>): () => boolean {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

describe('embedded producer timeouts and acks', () => {
  it('fails a send whose append outlives request.timeout.ms with TIMEOUT; the records may still land', async () => {
    const clock = new ManualClock(Date.now());
    env = await embeddedEnv({ clock });
    await env.engine.createTopic('t', { partitions: 1 });
    const p = env.client.producer({
      'linger.ms': 0,
      'request.timeout.ms': 1000,
      'delivery.timeout.ms': 5000,
    });
    await p.send({ topic: 't', partition: 0, value: 'warm-up' });
    const held = stall(env.engine, 'appendToPartition');
    const send = p.send({ topic: 't', partition: 0, value: 'slow' });
    const settled = settledFlag(send);
    await until(() => held.calls() === 1, 'the append to start');
    clock.advance(999);
    expect(settled()).toBe(false);
    clock.advance(1);
    await expect(send).rejects.toMatchObject({ code: 'TIMEOUT', retriable: true });
    held.release();
    await expect(p.flush()).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(env.engine.offsets('t', 0).highWatermark).toBe(2);
    await p.close();
  });

  it('expires a batch that waits past delivery.timeout.ms before it is appended: never written', async () => {
    const clock = new ManualClock(Date.now());
    env = await embeddedEnv({ clock });
    await env.engine.createTopic('t', { partitions: 1 });
    const held = stall(env.engine, 'initProducerId');
    const p = env.client.producer({
      'linger.ms': 0,
      'request.timeout.ms': 1000,
      'delivery.timeout.ms': 2000,
    });
    const send = p.send({ topic: 't', partition: 0, value: 'late' });
    const settled = settledFlag(send);
    await until(() => held.calls() === 1, 'the producer id request');
    clock.advance(1999);
    expect(settled()).toBe(false);
    clock.advance(1);
    await expect(send).rejects.toMatchObject({ code: 'TIMEOUT' });
    held.release();
    await expect(p.flush()).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(env.engine.offsets('t', 0).highWatermark).toBe(0);
    // The producer goes on: the next send is appended.
    expect((await p.send({ topic: 't', partition: 0, value: 'next' })).offset).toBe(0);
    await p.close();
  });

  it('acks=0 resolves a send before the append completes, with offset -1', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const p = env.client.producer({ acks: 0, 'linger.ms': 0 });
    await p.partitionCount('t');
    const held = stall(env.engine, 'appendToPartition');
    const md = await p.send({ topic: 't', partition: 0, value: 'fire' });
    expect(md).toMatchObject({ topic: 't', partition: 0, offset: -1 });
    expect(held.calls()).toBeLessThanOrEqual(1);
    expect(env.engine.offsets('t', 0).highWatermark).toBe(0);
    held.release();
    await p.flush();
    expect(env.engine.offsets('t', 0).highWatermark).toBe(1);
    await p.close();
  });

  it('acks=0 reports a failed append on flush, not on the send', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1, configs: { 'max.message.bytes': 200 } });
    const p = env.client.producer({ acks: 0, 'linger.ms': 0 });
    const md = await p.send({ topic: 't', partition: 0, value: 'x'.repeat(1000) });
    expect(md.offset).toBe(-1);
    await expect(p.flush()).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    expect(env.engine.offsets('t', 0).highWatermark).toBe(0);
    await p.close();
  });
});
