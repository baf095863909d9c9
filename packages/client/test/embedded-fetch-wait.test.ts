/**
 * fetch.min.bytes and fetch.max.wait.ms on the embedded consumer, on a manual clock: a poll holds
 * a fetch that finds too few bytes until enough arrive or fetch.max.wait.ms passes, within the
 * bound of poll's own timeout, and consumes nothing while it holds.
 */
import { ManualClock } from '@rill/log';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsumerRecords } from '../src/index.js';
import { embeddedEnv, until, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const tp = { topic: 't', partition: 0 };

async function setup(clock: ManualClock): Promise<EmbeddedEnv> {
  const e = await embeddedEnv({ clock });
  await e.engine.createTopic('t', { partitions: 1 });
  return e;
}

async function send(e: EmbeddedEnv, value: string): Promise<void> {
  const p = e.client.producer({ 'linger.ms': 0 });
  await p.send({ topic: 't', partition: 0, value });
  await p.close();
}

function track(p: Promise<ConsumerRecords>): { settled: () => boolean; result: Promise<ConsumerRecords> } {
  let done = false;
  const result = p.finally(() => {
    done = true;
  });
  return { settled: () => done, result };
}

describe('embedded consumer fetch.min.bytes / fetch.max.wait.ms', () => {
  it('holds a short fetch until fetch.max.wait.ms passes, then returns what is there', async () => {
    const clock = new ManualClock(Date.now());
    env = await setup(clock);
    await send(env, 'small');
    const c = env.client.consumer({
      'auto.offset.reset': 'earliest',
      'fetch.min.bytes': 100_000,
      'fetch.max.wait.ms': 1000,
    });
    c.assign([tp]);
    const base = clock.pendingTimers;
    const poll = track(c.poll(60_000));
    await until(() => clock.pendingTimers > base, 'the poll to hold its fetch');
    expect(poll.settled()).toBe(false);
    // Nothing consumed while held.
    expect(await c.position(tp)).toBe(0);
    clock.advance(999);
    expect(poll.settled()).toBe(false);
    clock.advance(1);
    const got = await poll.result;
    expect(got.partitions[0]!.records.map((r) => r.value?.toString())).toEqual(['small']);
    await c.close();
  });

  it('returns as soon as fetch.min.bytes are there, with everything they add up from', async () => {
    const clock = new ManualClock(Date.now());
    env = await setup(clock);
    await send(env, 'small');
    const c = env.client.consumer({
      'auto.offset.reset': 'earliest',
      'fetch.min.bytes': 1000,
      'fetch.max.wait.ms': 60_000,
    });
    c.assign([tp]);
    const base = clock.pendingTimers;
    const poll = track(c.poll(120_000));
    await until(() => clock.pendingTimers > base, 'the poll to hold its fetch');
    expect(poll.settled()).toBe(false);
    await send(env, 'x'.repeat(2000));
    // No time passed: only the bytes can have completed the fetch.
    const got = await poll.result;
    expect(got.count).toBe(2);
    expect(got.partitions[0]!.records.map((r) => r.offset)).toEqual([0, 1]);
    await c.close();
  });

  it("is bounded by poll's timeout; the held fetch carries over to the next poll", async () => {
    const clock = new ManualClock(Date.now());
    env = await setup(clock);
    await send(env, 'small');
    const c = env.client.consumer({
      'auto.offset.reset': 'earliest',
      'fetch.min.bytes': 100_000,
      'fetch.max.wait.ms': 1000,
    });
    c.assign([tp]);
    const base = clock.pendingTimers;
    const first = track(c.poll(300));
    await until(() => clock.pendingTimers > base, 'the poll to hold its fetch');
    clock.advance(300);
    expect((await first.result).count).toBe(0);
    expect(await c.position(tp)).toBe(0);
    const second = track(c.poll(60_000));
    await until(() => clock.pendingTimers > base, 'the next poll to hold the same fetch');
    clock.advance(699);
    expect(second.settled()).toBe(false);
    clock.advance(1);
    expect((await second.result).count).toBe(1);
    await c.close();
  });

  it('fetch.min.bytes=1 (the default) returns any data at once', async () => {
    const clock = new ManualClock(Date.now());
    env = await setup(clock);
    await send(env, 'a');
    const c = env.client.consumer({ 'auto.offset.reset': 'earliest' });
    c.assign([tp]);
    expect((await c.poll(60_000)).count).toBe(1);
    await c.close();
  });
});
