/**
 * Conformance: produce -> consume round trip, the default partitioner, offsets and commits,
 * seek, pause/resume.
 */
import { defaultPartition } from '@rill/log';
import { expect, it } from 'vitest';
import type { RecordMetadata } from '../api/producer.js';
import { byPartition, makeConsumer, pollUntil, uniqueName, values } from './helpers.js';
import type { SuiteContext } from './suite-context.js';

export function produceConsumeTests(ctx: SuiteContext): void {
  it('round-trips keys, values, headers and timestamps in per-partition order', async () => {
    const h = ctx.harness();
    const topic = uniqueName('roundtrip');
    await h.client.admin().createTopics([{ topic, numPartitions: 3 }]);
    const producer = h.client.producer();
    const sent: RecordMetadata[] = [];
    for (let i = 0; i < 30; i++) {
      sent.push(
        await producer.send({
          topic,
          key: `k${i % 7}`,
          value: `v${i}`,
          headers: [
            { key: 'i', value: String(i) },
            { key: 'i', value: null },
          ],
          timestamp: 1_700_000_000_000 + i,
        }),
      );
    }
    await producer.flush();
    const consumer = makeConsumer(h, { 'group.id': uniqueName('g'), 'auto.offset.reset': 'earliest' });
    await consumer.subscribe([topic]);
    const [got] = await pollUntil([consumer], (r) => r[0]!.length >= 30, '30 records', ctx.waitMs);
    expect(got).toHaveLength(30);
    for (const r of got!) {
      const i = Number(r.value!.toString().slice(1));
      expect(r.key!.toString()).toBe(`k${i % 7}`);
      expect(r.timestamp).toBe(1_700_000_000_000 + i);
      expect(r.timestampType).toBe('CreateTime');
      expect(r.headers.map((x) => [x.key, x.value?.toString() ?? null])).toEqual([
        ['i', String(i)],
        ['i', null],
      ]);
      expect({ partition: r.partition, offset: r.offset }).toEqual({
        partition: sent[i]!.partition,
        offset: sent[i]!.offset,
      });
    }
    for (const list of byPartition(got!).values()) {
      const nums = values(list).map((v) => Number(v.slice(1)));
      expect(nums).toEqual([...nums].sort((a, b) => a - b));
      expect(list.map((r) => r.offset)).toEqual(list.map((_, j) => list[0]!.offset + j));
    }
    await consumer.close();
    await producer.close();
  });

  it('places keyed records with the default partitioner (murmur2) and honours explicit partitions', async () => {
    const h = ctx.harness();
    const topic = uniqueName('partitioner');
    await h.client.admin().createTopics([{ topic, numPartitions: 6 }]);
    const producer = h.client.producer();
    expect(await producer.partitionCount(topic)).toBe(6);
    const metas = await producer.sendBatch(
      Array.from({ length: 50 }, (_, i) => ({ topic, key: `user-${i}`, value: 'x' })),
    );
    metas.forEach((m, i) =>
      expect(m.partition, `user-${i}`).toBe(defaultPartition(Buffer.from(`user-${i}`), 6)),
    );
    const explicit = await producer.send({ topic, partition: 4, key: 'user-0', value: 'y' });
    expect(explicit.partition).toBe(4);
    await expect(producer.send({ topic, partition: 6, value: 'z' })).rejects.toMatchObject({
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    await producer.close();
  });

  it('resumes a group from its committed offsets', async () => {
    const h = ctx.harness();
    const topic = uniqueName('commit');
    const group = uniqueName('g');
    await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
    const producer = h.client.producer();
    await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic, value: `v${i}` })));
    const first = makeConsumer(h, {
      'group.id': group,
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': false,
    });
    await first.subscribe([topic]);
    await pollUntil([first], (r) => r[0]!.length >= 20, '20 records', ctx.waitMs);
    await first.commit([{ topic, partition: 0, offset: 12, metadata: 'm' }]);
    expect(await first.committed([{ topic, partition: 0 }])).toEqual([
      expect.objectContaining({ offset: 12, metadata: 'm' }),
    ]);
    await first.close();

    const second = makeConsumer(h, {
      'group.id': group,
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': false,
    });
    await second.subscribe([topic]);
    const [got] = await pollUntil(
      [second],
      (r) => r[0]!.length >= 8,
      'the 8 uncommitted records',
      ctx.waitMs,
    );
    expect(got![0]!.offset).toBe(12);
    expect(values(got!)).toEqual(Array.from({ length: 8 }, (_, i) => `v${12 + i}`));
    // commit() without arguments commits the position: everything returned by poll.
    await second.commit();
    expect((await second.committed([{ topic, partition: 0 }]))[0]?.offset).toBe(20);
    await second.close();
    await producer.close();
  });

  it('commits automatically on close with enable.auto.commit', async () => {
    const h = ctx.harness();
    const topic = uniqueName('autocommit');
    const group = uniqueName('g');
    await h.client.admin().createTopics([{ topic, numPartitions: 2 }]);
    const producer = h.client.producer();
    await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}` })));
    const c = makeConsumer(h, {
      'group.id': group,
      'auto.offset.reset': 'earliest',
      'auto.commit.interval.ms': 60_000,
    });
    await c.subscribe([topic]);
    await pollUntil([c], (r) => r[0]!.length >= 10, '10 records', ctx.waitMs);
    await c.close();
    const offsets = await h.client.admin().listConsumerGroupOffsets(group);
    expect(offsets.reduce((n, o) => n + o.offset, 0)).toBe(10);
    await producer.close();
  });

  it("applies auto.offset.reset: 'none' fails without a committed offset, 'latest' skips old records", async () => {
    const h = ctx.harness();
    const topic = uniqueName('reset');
    await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
    const producer = h.client.producer();
    await producer.send({ topic, value: 'old' });
    const none = makeConsumer(h, { 'group.id': uniqueName('g'), 'auto.offset.reset': 'none' });
    await none.subscribe([topic]);
    await expect(pollUntil([none], () => false, 'an error', ctx.waitMs)).rejects.toMatchObject({
      code: 'NO_OFFSET_FOR_PARTITION',
    });
    await none.close();

    const latest = makeConsumer(h, { 'group.id': uniqueName('g'), 'auto.offset.reset': 'latest' });
    await latest.subscribe([topic]);
    let sending: Promise<unknown> | undefined;
    // Produce only after the poll that assigned the partition (and so fixed its position).
    const [got] = await pollUntil(
      [latest],
      (r) => r[0]!.length >= 1,
      "the record 'new'",
      ctx.waitMs,
      () => {
        if (sending === undefined && latest.assignment().length === 1)
          sending = producer.send({ topic, value: 'new' });
      },
    );
    await sending;
    expect(await latest.position({ topic, partition: 0 })).toBe(2);
    expect(values(got!)).toEqual(['new']);
    await latest.close();
    await producer.close();
  });

  it('reads assigned partitions from a seek position, and reports positions and offsets', async () => {
    const h = ctx.harness();
    const topic = uniqueName('seek');
    await h.client.admin().createTopics([{ topic, numPartitions: 1 }]);
    const producer = h.client.producer();
    await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic, value: `v${i}` })));
    const c = makeConsumer(h, {});
    const tp = { topic, partition: 0 };
    c.assign([tp]);
    expect(await c.beginningOffsets([tp])).toEqual([0]);
    expect(await c.endOffsets([tp])).toEqual([10]);
    c.seek(tp, 5);
    const [got] = await pollUntil([c], (r) => r[0]!.length >= 5, '5 records from offset 5', ctx.waitMs);
    expect(got!.map((r) => r.offset)).toEqual([5, 6, 7, 8, 9]);
    expect(await c.position(tp)).toBe(10);
    c.seekToBeginning([tp]);
    const [again] = await pollUntil([c], (r) => r[0]!.length >= 10, 'all records again', ctx.waitMs);
    expect(again![0]!.offset).toBe(0);
    expect(() => c.seek({ topic, partition: 1 }, 0)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_STATE' }),
    );
    await c.close();
    await producer.close();
  });

  it('stops fetching paused partitions and resumes them', async () => {
    const h = ctx.harness();
    const topic = uniqueName('pause');
    await h.client.admin().createTopics([{ topic, numPartitions: 2 }]);
    const producer = h.client.producer();
    await producer.sendBatch(
      Array.from({ length: 10 }, (_, i) => ({ topic, partition: i % 2, value: `v${i}` })),
    );
    const c = makeConsumer(h, {});
    const p0 = { topic, partition: 0 };
    const p1 = { topic, partition: 1 };
    c.assign([p0, p1]);
    c.seekToBeginning();
    c.pause([p0]);
    expect(c.paused()).toEqual([p0]);
    const [first] = await pollUntil(
      [c],
      (r) => r[0]!.length >= 5,
      'the 5 records of partition 1',
      ctx.waitMs,
    );
    expect(first!.every((r) => r.partition === 1)).toBe(true);
    // A further bounded poll must not return partition 0 either.
    const extra = await c.poll(200);
    expect(extra.partitions.some((p) => p.partition === 0)).toBe(false);
    c.resume([p0]);
    expect(c.paused()).toEqual([]);
    const [second] = await pollUntil(
      [c],
      (r) => r[0]!.length >= 5,
      'the 5 records of partition 0',
      ctx.waitMs,
    );
    expect(second!.every((r) => r.partition === 0)).toBe(true);
    await c.close();
    await producer.close();
  });
}
