/**
 * Conformance: transactions. Commit/abort visibility under read_committed and
 * read_uncommitted, the last stable offset, offsets in transactions, fencing.
 */
import { expect, it } from 'vitest';
import { isClientError } from '../errors.js';
import { makeConsumer, pollUntil, uniqueName, values } from './helpers.js';
import type { SuiteContext } from './suite-context.js';

export function transactionTests(ctx: SuiteContext): void {
  it.skipIf(!ctx.has('transactions'))(
    'shows read_committed consumers only committed records, read_uncommitted all of them',
    async () => {
      const h = ctx.harness();
      const topic = uniqueName('txn');
      await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
      const producer = h.client.producer({ 'transactional.id': uniqueName('tx') });
      await producer.initTransactions();
      const batch = (p: string) => Array.from({ length: 5 }, (_, i) => ({ topic, value: `${p}${i}` }));
      await producer.transaction(async (tx) => {
        await tx.sendBatch(batch('c'));
      });
      await producer.beginTransaction();
      await producer.sendBatch(batch('a'));
      await producer.abortTransaction();
      const failure = new Error('processing failed');
      await expect(
        producer.transaction(async (tx) => {
          await tx.sendBatch(batch('x'));
          throw failure;
        }),
      ).rejects.toBe(failure);
      await producer.beginTransaction();
      await producer.sendBatch(batch('d'));
      await producer.commitTransaction();

      const tp = { topic, partition: 0 };
      const committed = makeConsumer(h, { 'isolation.level': 'read_committed' });
      committed.assign([tp]);
      committed.seekToBeginning();
      // d4 is the last record: once it arrives, every aborted record before it has been skipped.
      const [c] = await pollUntil(
        [committed],
        (r) => r[0]!.some((x) => x.value?.toString() === 'd4'),
        'the last committed record',
        ctx.waitMs,
      );
      expect(values(c!)).toEqual([...batch('c'), ...batch('d')].map((r) => r.value));

      const uncommitted = makeConsumer(h, { 'isolation.level': 'read_uncommitted' });
      uncommitted.assign([tp]);
      uncommitted.seekToBeginning();
      const [u] = await pollUntil(
        [uncommitted],
        (r) => r[0]!.length >= 20,
        'all 20 data records',
        ctx.waitMs,
      );
      expect(values(u!)).toEqual(
        [...batch('c'), ...batch('a'), ...batch('x'), ...batch('d')].map((r) => r.value),
      );
      await committed.close();
      await uncommitted.close();
      await producer.close();
    },
  );

  it.skipIf(!ctx.has('transactions'))(
    'holds read_committed consumers at the last stable offset until the transaction ends',
    async () => {
      const h = ctx.harness();
      const topic = uniqueName('lso');
      await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
      const plain = h.client.producer();
      await plain.send({ topic, value: 'before' });
      const producer = h.client.producer({ 'transactional.id': uniqueName('tx') });
      await producer.beginTransaction();
      await producer.send({ topic, value: 'open' });
      await plain.send({ topic, value: 'after' });
      const tp = { topic, partition: 0 };
      const reader = makeConsumer(h, { 'isolation.level': 'read_committed' });
      reader.assign([tp]);
      reader.seekToBeginning();
      expect(await reader.endOffsets([tp])).toEqual([1]);
      const [first] = await pollUntil(
        [reader],
        (r) => r[0]!.length >= 1,
        'the record before the open transaction',
        ctx.waitMs,
      );
      expect(values(first!)).toEqual(['before']);
      expect((await reader.poll(200)).count).toBe(0);
      await producer.commitTransaction();
      const [rest] = await pollUntil(
        [reader],
        (r) => r[0]!.length >= 2,
        'the records after the commit',
        ctx.waitMs,
      );
      expect(values(rest!)).toEqual(['open', 'after']);
      await reader.close();
      await plain.close();
      await producer.close();
    },
  );

  it.skipIf(!ctx.has('transactions'))(
    'commits consumer offsets with the transaction, and only if it commits',
    async () => {
      const h = ctx.harness();
      const input = uniqueName('in');
      const output = uniqueName('out');
      const group = uniqueName('g');
      await h.client.admin().createTopics([
        { topic: input, numPartitions: 1 },
        { topic: output, numPartitions: 1 },
      ]);
      const plain = h.client.producer();
      await plain.sendBatch(Array.from({ length: 4 }, (_, i) => ({ topic: input, value: `in${i}` })));
      const consumer = makeConsumer(h, {
        'group.id': group,
        'enable.auto.commit': false,
        'auto.offset.reset': 'earliest',
        'isolation.level': 'read_committed',
      });
      await consumer.subscribe([input]);
      await pollUntil([consumer], (r) => r[0]!.length >= 4, 'the 4 input records', ctx.waitMs);
      const producer = h.client.producer({ 'transactional.id': uniqueName('tx') });
      const tp = { topic: input, partition: 0 };

      await producer.beginTransaction();
      await producer.send({ topic: output, value: 'aborted' });
      await producer.sendOffsetsToTransaction([{ ...tp, offset: 2 }], consumer.groupMetadata());
      await producer.abortTransaction();
      expect(await consumer.committed([tp])).toEqual([null]);

      await producer.transaction(async (tx) => {
        await tx.send({ topic: output, value: 'committed' });
        await tx.sendOffsets([{ ...tp, offset: 4 }], consumer.groupMetadata());
      });
      expect((await consumer.committed([tp]))[0]?.offset).toBe(4);
      await consumer.close();
      await plain.close();
      await producer.close();
    },
  );

  it.skipIf(!ctx.has('transactions'))(
    'fences a producer when another instance initialises the same transactional.id',
    async () => {
      const h = ctx.harness();
      const topic = uniqueName('fence');
      const id = uniqueName('tx');
      await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
      const zombie = h.client.producer({ 'transactional.id': id });
      await zombie.beginTransaction();
      await zombie.send({ topic, value: 'zombie' });
      const successor = h.client.producer({ 'transactional.id': id });
      await successor.initTransactions();
      const err = await zombie.commitTransaction().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isClientError(err, 'PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH'), String(err)).toBe(true);
      await successor.transaction(async (tx) => {
        await tx.send({ topic, value: 'successor' });
      });
      const reader = makeConsumer(h, { 'isolation.level': 'read_committed' });
      reader.assign([{ topic, partition: 0 }]);
      reader.seekToBeginning();
      const [got] = await pollUntil([reader], (r) => r[0]!.length >= 1, "the successor's record", ctx.waitMs);
      expect(values(got!)).toEqual(['successor']);
      await reader.close();
      await zombie.close({ timeoutMs: 0 });
      await successor.close();
    },
  );

  it.skipIf(!ctx.has('transactions') || !ctx.has('groupMetadataCommits'))(
    'rejects transactional offsets from a member of an older generation (KIP-447)',
    async () => {
      const h = ctx.harness();
      const topic = uniqueName('kip447');
      const group = uniqueName('g');
      await h.client.admin().createTopics([{ topic, numPartitions: 2 }]);
      const config = {
        'group.id': group,
        'enable.auto.commit': false,
        'partition.assignment.strategy': ['range'],
      } as const;
      const a = makeConsumer(h, config);
      await a.subscribe([topic]);
      await pollUntil([a], () => a.assignment().length === 2, 'ownership of both partitions', ctx.waitMs);
      const stale = a.groupMetadata();
      const b = makeConsumer(h, config);
      await b.subscribe([topic]);
      await pollUntil(
        [a, b],
        () => a.assignment().length === 1 && b.assignment().length === 1,
        'a 1/1 split',
        ctx.waitMs,
      );
      const producer = h.client.producer({ 'transactional.id': uniqueName('tx') });
      await producer.beginTransaction();
      let err: unknown = null;
      try {
        // Kafka fails either the offset commit itself or the commit of the transaction.
        await producer.sendOffsetsToTransaction([{ topic, partition: 0, offset: 1 }], stale);
        await producer.commitTransaction();
      } catch (e) {
        err = e;
      }
      expect(
        isClientError(err, 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'FENCED_INSTANCE_ID'),
        String(err),
      ).toBe(true);
      expect(await a.committed([{ topic, partition: 0 }])).toEqual([null]);
      await producer.close({ timeoutMs: 0 });
      await b.close();
      await a.close();
    },
  );
}
