/**
 * Transactional producers of the embedded client on a real engine, group coordinator and
 * transaction coordinator: poisoned transactions, misuse, timeouts that fence, read_committed
 * consumers skipping aborted records.
 */
import { ManualClock } from '@rill/log';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedEnv, type EmbeddedEnv } from './helpers/embedded.js';

let env: EmbeddedEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function readCommitted(e: EmbeddedEnv, topic: string, expected: number): Promise<string[]> {
  const c = e.client.consumer({ 'isolation.level': 'read_committed' });
  c.assign([{ topic, partition: 0 }]);
  c.seekToBeginning();
  const out: string[] = [];
  const deadline = Date.now() + 10_000;
  while (out.length < expected && Date.now() < deadline) {
    for (const p of (await c.poll(50)).partitions) out.push(...p.records.map((r) => r.value!.toString()));
  }
  // Nothing more than expected arrives.
  for (const p of (await c.poll(100)).partitions) out.push(...p.records.map((r) => r.value!.toString()));
  await c.close();
  return out;
}

describe('embedded transactional producer', () => {
  it('refuses sends outside a transaction and transactions without transactional.id', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const p = env.client.producer({ 'transactional.id': 'tx' });
    await expect(p.send({ topic: 't', value: 'x' })).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    await p.initTransactions();
    await expect(p.commitTransaction()).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    await p.beginTransaction();
    await expect(p.beginTransaction()).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
    await p.abortTransaction();
    const plain = env.client.producer();
    await expect(plain.beginTransaction()).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
  });

  it('a failed send poisons the transaction: commit fails, abort works, the next transaction commits', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1, configs: { 'max.message.bytes': 300 } });
    const p = env.client.producer({ 'transactional.id': 'tx' });
    await p.beginTransaction();
    void p.send({ topic: 't', value: 'a' });
    const big = p.send({ topic: 't', value: 'x'.repeat(1000) });
    await expect(big).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await expect(p.send({ topic: 't', value: 'after' })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await expect(p.commitTransaction()).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await p.abortTransaction();
    await p.transaction(async (tx) => {
      await tx.send({ topic: 't', value: 'b' });
    });
    expect(await readCommitted(env, 't', 1)).toEqual(['b']);
    await p.close();
  });

  it('skips records of aborted transactions interleaved with committed and plain ones', async () => {
    env = await embeddedEnv();
    await env.engine.createTopic('t', { partitions: 1 });
    const a = env.client.producer({ 'transactional.id': 'a' });
    const b = env.client.producer({ 'transactional.id': 'b' });
    const plain = env.client.producer();
    await a.beginTransaction();
    await b.beginTransaction();
    await a.send({ topic: 't', value: 'a1' });
    await b.send({ topic: 't', value: 'b1' });
    await plain.send({ topic: 't', value: 'p1' });
    await a.send({ topic: 't', value: 'a2' });
    await b.send({ topic: 't', value: 'b2' });
    await a.abortTransaction();
    await b.commitTransaction();
    expect(await readCommitted(env, 't', 3)).toEqual(['b1', 'p1', 'b2']);
  });

  it('a transaction open longer than transaction.timeout.ms is aborted and its producer fenced', async () => {
    const clock = new ManualClock(Date.now());
    env = await embeddedEnv({
      clock,
      transactionConfig: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 100 },
    });
    await env.engine.createTopic('t', { partitions: 1 });
    const p = env.client.producer({
      'transactional.id': 'tx',
      'transaction.timeout.ms': 1000,
      'linger.ms': 0,
    });
    await p.beginTransaction();
    await p.send({ topic: 't', value: 'late' });
    const txns = await env.client.transactionCoordinator();
    // Past the timeout; each cleanup pass runs on the manual clock and is awaited.
    for (let i = 0; i < 20; i++) {
      clock.advance(100);
      await txns.idle();
    }
    expect(txns.describeTransaction('tx')?.state).toBe('CompleteAbort');
    const err = await p.commitTransaction().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: expect.stringMatching(/^(PRODUCER_FENCED|INVALID_PRODUCER_EPOCH)$/) });
    await p.close();
  });
});
