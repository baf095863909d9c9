/**
 * One `brokerConfig` configures the node: the coordinators' and producer state's Kafka keys are
 * accepted by `LogEngine.open`, exposed parsed as `engine.brokerConfig`, reach every partition
 * (producer-id expiry) and are the defaults of coordinators opened over the engine — whose
 * transactional-id expiry then runs on the clock.
 */
import type { RecordInput } from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { FaultyFileIO, LogEngine, ManualClock, type BrokerConfigInput } from '../src/index.js';
import { GroupCoordinator } from '../src/internal/group/group-coordinator.js';
import { TransactionCoordinator } from '../src/internal/txn/transaction-coordinator.js';

const T0 = 1_000_000;

function openEngine(clock: ManualClock, extra: BrokerConfigInput): Promise<LogEngine> {
  return LogEngine.open({
    dataDir: '/data',
    io: new FaultyFileIO(),
    clock,
    brokerConfig: { 'rill.group.commit.ms': 0, 'log.cleaner.enable': false, ...extra },
  });
}

/** Advance the clock in steps, letting timer callbacks and their I/O finish, until `done` or `maxMs`. */
async function runClock(
  clock: ManualClock,
  stepMs: number,
  maxMs: number,
  done: () => boolean,
): Promise<void> {
  for (let t = 0; t < maxMs && !done(); t += stepMs) {
    clock.advance(stepMs);
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

describe('broker config reaches the coordinators and partitions', () => {
  it('exposes the parsed settings with Kafka’s defaults', async () => {
    const engine = await openEngine(new ManualClock(T0), {});
    const c = engine.brokerConfig;
    expect(c.transactions['transactional.id.expiration.ms']).toBe(604_800_000);
    expect(c.transactions['transaction.max.timeout.ms']).toBe(900_000);
    expect(c.transactions['transaction.state.log.num.partitions']).toBe(50);
    expect(c.groups['offsets.topic.num.partitions']).toBe(50);
    expect(c.groups['offsets.retention.minutes']).toBe(10_080);
    expect(c.groups['group.initial.rebalance.delay.ms']).toBe(3_000);
    expect(c.groups['group.min.session.timeout.ms']).toBe(6_000);
    expect(c.groups['group.max.session.timeout.ms']).toBe(1_800_000);
    expect(c.producerIds).toEqual({
      producerIdExpirationMs: 86_400_000,
      producerIdExpirationCheckIntervalMs: 600_000,
    });
    await engine.close();
  });

  it('rejects bad coordinator values when the engine opens', async () => {
    const clock = new ManualClock(T0);
    for (const bad of [
      { 'transaction.max.timeout.ms': 0 },
      { 'offsets.retention.minutes': 'soon' },
      { 'group.min.session.timeout.ms': 10, 'group.max.session.timeout.ms': 5 },
      { 'producer.id.expiration.ms': -1 },
    ] as BrokerConfigInput[]) {
      await expect(openEngine(clock, bad)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    }
  });

  it('coordinators opened over the engine take its settings; explicit config overrides single keys', async () => {
    const clock = new ManualClock(T0);
    const engine = await openEngine(clock, {
      'offsets.topic.num.partitions': 3,
      'offsets.retention.minutes': '60',
      'group.initial.rebalance.delay.ms': 0,
      'group.min.session.timeout.ms': 10,
      'group.max.session.timeout.ms': 20_000,
      'transaction.state.log.num.partitions': 2,
      'transaction.max.timeout.ms': 5_000,
    });
    const groups = await GroupCoordinator.open({
      engine,
      clock,
      config: { 'group.max.session.timeout.ms': 30_000 },
    });
    expect(groups.config['offsets.retention.minutes']).toBe(60);
    expect(groups.config['group.min.session.timeout.ms']).toBe(10);
    expect(groups.config['group.max.session.timeout.ms']).toBe(30_000);
    expect(engine.describeTopic('__consumer_offsets').partitions).toBe(3);
    const txns = await TransactionCoordinator.open({ engine, clock, groups });
    expect(txns.config['transaction.max.timeout.ms']).toBe(5_000);
    expect(engine.describeTopic('__transaction_state').partitions).toBe(2);
    const tooLong = await txns.initProducerId({ transactionalId: 'a', transactionTimeoutMs: 6_000 });
    expect(tooLong.errorCode).not.toBe(0);
    expect((await txns.initProducerId({ transactionalId: 'a', transactionTimeoutMs: 5_000 })).errorCode).toBe(
      0,
    );
    await txns.close();
    await groups.close();
    await engine.close();
  });

  it('expires an idle transactional id after transactional.id.expiration.ms on the clock', async () => {
    const clock = new ManualClock(T0);
    const engine = await openEngine(clock, {
      'transaction.state.log.num.partitions': 1,
      'transactional.id.expiration.ms': 60_000,
      'transaction.remove.expired.transaction.cleanup.interval.ms': 1_000,
      'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1_000,
    });
    const txns = await TransactionCoordinator.open({ engine, clock });
    expect(
      (await txns.initProducerId({ transactionalId: 'app', transactionTimeoutMs: 10_000 })).errorCode,
    ).toBe(0);
    const known = () => txns.listTransactions().some((t) => t.transactionalId === 'app');
    await runClock(clock, 1_000, 58_000, () => !known());
    expect(known()).toBe(true);
    await runClock(clock, 1_000, 10_000, () => !known());
    expect(known()).toBe(false);
    expect(clock.now() - T0).toBeGreaterThanOrEqual(60_000);
    // Forgotten durably: a restarted coordinator does not load it again.
    await txns.close();
    const again = await TransactionCoordinator.open({ engine, clock });
    expect(again.listTransactions().some((t) => t.transactionalId === 'app')).toBe(false);
    await again.close();
    await engine.close();
  });

  it('producer.id.expiration.ms reaches every partition', async () => {
    const clock = new ManualClock(T0);
    const engine = await openEngine(clock, {
      'producer.id.expiration.ms': 10_000,
      'producer.id.expiration.check.interval.ms': 1_000,
    });
    await engine.createTopic('t', { partitions: 2 });
    const rec: RecordInput[] = [{ key: null, value: Buffer.from('x') }];
    const as = (producerId: number, seq: number, partition = 1) =>
      engine.appendToPartition('t', partition, rec, { producerId, producerEpoch: 0, baseSequence: seq });
    await as(1, 0);
    clock.advance(10_001);
    await as(2, 0); // runs the expiry check
    expect(engine.describeProducers('t', 1).map((p) => p.producerId)).toEqual([2]);
    await expect(as(1, 1)).rejects.toMatchObject({ code: 'UNKNOWN_PRODUCER_ID' });
    await engine.close();
  });
});
