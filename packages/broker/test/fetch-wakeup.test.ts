/**
 * Fetch long-polls are woken by the engine, whoever appends: an in-process append straight
 * through the engine, a transaction marker written by a transaction timeout, the group
 * coordinator's offset commits; and min_bytes still holds the answer until enough has arrived.
 */
import { rmSync } from 'node:fs';
import { LogEngine } from '@rill/log';
import { silentLogger } from '@rill/broker';
import { ApiKeys, encodeRecordBatch, type FetchRequest } from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { fetch } from '../src/handlers/fetch.js';
import type { BrokerContext, RequestContext } from '../src/internal/context.js';
import { DataWaiters } from '../src/internal/data-waiters.js';
import { tempDir, until, withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const LONG_POLL_MS = 5000;

function fetchReq(
  topic: string,
  fetchOffset: number,
  opts: { isolation?: 0 | 1; minBytes?: number } = {},
): FetchRequest {
  return {
    replicaId: -1,
    maxWaitMs: LONG_POLL_MS,
    minBytes: opts.minBytes ?? 1,
    maxBytes: 1 << 20,
    isolationLevel: opts.isolation ?? 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic,
        partitions: [
          {
            partition: 0,
            currentLeaderEpoch: -1,
            fetchOffset,
            lastFetchedEpoch: -1,
            logStartOffset: -1,
            partitionMaxBytes: 1 << 20,
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: '',
  };
}

/** A real engine with the Fetch handler over it, as the broker wires them, minus the sockets. */
async function engineAndFetch() {
  const dir = tempDir();
  const engine = await LogEngine.open({ dataDir: dir });
  const waiters = new DataWaiters();
  const closing = new AbortController();
  cleanups.push(async () => {
    closing.abort();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const broker = {
    engine,
    logger: silentLogger,
    waiters,
    closing: closing.signal,
    settings: { fetchMaxBytes: 1 << 20 },
  } as unknown as BrokerContext;
  const ctx = { broker, apiVersion: 11 } as unknown as RequestContext;
  return { engine, waiters, call: (req: FetchRequest) => fetch(ctx, req) };
}

const txnBatch = (producerId: number, producerEpoch: number, values: readonly string[]) =>
  encodeRecordBatch({
    records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: Date.now() })),
    producerId,
    producerEpoch,
    baseSequence: 0,
    isTransactional: true,
  });

describe('Fetch long-poll wake-up', () => {
  it('answers within a second after an in-process append through the engine', async () => {
    const { engine, waiters, call } = await engineAndFetch();
    await engine.createTopic('direct', { partitions: 1 });
    const pending = call(fetchReq('direct', 0));
    await until(() => waiters.size === 1);
    const appendedAt = Date.now();
    await engine.append('direct', [{ value: 'hello', partition: 0 }]);
    const res = await pending;
    expect(Date.now() - appendedAt).toBeLessThan(1000);
    const p = res.responses[0]!.partitions[0]!;
    expect(p.errorCode).toBe(0);
    expect(p.highWatermark).toBe(1);
    expect(p.records!.length).toBeGreaterThan(0);
    expect(waiters.size).toBe(0);
  });

  it('read_committed: answers when an ABORT marker moves the last stable offset, not on other data', async () => {
    const { engine, waiters, call } = await engineAndFetch();
    await engine.createTopic('txn', { partitions: 1 });
    const { producerId } = await engine.initProducerId();
    await engine.appendToPartition('txn', 0, txnBatch(producerId, 0, ['t1', 't2'])); // 0-1, open
    let answered = false;
    const pending = call(fetchReq('txn', 0, { isolation: 1 })).finally(() => {
      answered = true;
    });
    await until(() => waiters.size === 1);
    // Data past the open transaction moves the high watermark, not the last stable offset.
    await engine.append('txn', [{ value: 'plain', partition: 0 }]); // 2
    await until(() => waiters.size === 1 && engine.offsets('txn', 0).highWatermark === 3);
    expect(answered).toBe(false);
    const abortedAt = Date.now();
    await engine.abortTransaction({
      topic: 'txn',
      partition: 0,
      producerId,
      producerEpoch: 0,
      coordinatorEpoch: 0,
    });
    const res = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    const p = res.responses[0]!.partitions[0]!;
    expect(p.lastStableOffset).toBe(4);
    expect(p.abortedTransactions).toEqual([{ producerId, firstOffset: 0 }]);
  });

  it('waits until min_bytes have arrived, then answers early', async () => {
    const { engine, waiters, call } = await engineAndFetch();
    await engine.createTopic('min', { partitions: 1 });
    await engine.append('min', [{ value: 'x'.repeat(100), partition: 0 }]);
    const oneBatch = (await engine.read('min', 0, 0)).batches.length;
    let answered = false;
    const start = Date.now();
    const pending = call(fetchReq('min', 0, { minBytes: oneBatch * 2 + 1 })).finally(() => {
      answered = true;
    });
    await until(() => waiters.size === 1);
    await engine.append('min', [{ value: 'y'.repeat(100), partition: 0 }]);
    // The wait re-arms past the data it has counted (a second round, still short of min_bytes).
    await until(() => waiters.size === 1 && engine.offsets('min', 0).highWatermark === 2);
    expect(answered).toBe(false);
    await engine.append('min', [{ value: 'z'.repeat(100), partition: 0 }]);
    const res = await pending;
    expect(Date.now() - start).toBeLessThan(LONG_POLL_MS);
    expect(res.responses[0]!.partitions[0]!.records!.length).toBeGreaterThan(oneBatch * 2);
  });

  it('answers a read_committed long-poll when a transaction timeout writes the ABORT marker', async () => {
    const b = await withBroker({
      config: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 50 },
    });
    cleanups.push(b.stop);
    const c = await WireClient.open(b.broker.port);
    cleanups.push(() => c.close());
    await c.call(ApiKeys.CreateTopics, 4, {
      topics: [{ name: 'tt', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 5000,
      validateOnly: false,
    });
    const init = await c.call(ApiKeys.InitProducerId, 4, {
      transactionalId: 'slow',
      transactionTimeoutMs: 300,
      producerId: -1,
      producerEpoch: -1,
    });
    expect(init.errorCode).toBe(0);
    const add = await c.call(ApiKeys.AddPartitionsToTxn, 3, {
      v3AndBelowTransactionalId: 'slow',
      v3AndBelowProducerId: init.producerId,
      v3AndBelowProducerEpoch: init.producerEpoch,
      v3AndBelowTopics: [{ name: 'tt', partitions: [0] }],
    });
    expect(add.resultsByTopicV3AndBelow![0]!.resultsByPartition[0]!.partitionErrorCode).toBe(0);
    const produced = await c.call(ApiKeys.Produce, 7, {
      transactionalId: 'slow',
      acks: -1,
      timeoutMs: 1000,
      topicData: [
        {
          name: 'tt',
          partitionData: [{ index: 0, records: txnBatch(init.producerId, init.producerEpoch, ['a', 'b']) }],
        },
      ],
    });
    expect(produced.responses[0]!.partitionResponses[0]!.errorCode).toBe(0);
    const start = Date.now();
    const res = await c.call(ApiKeys.Fetch, 11, fetchReq('tt', 0, { isolation: 1 }));
    // The timeout (300 ms) plus the cleanup interval, far below max_wait_ms.
    expect(Date.now() - start).toBeLessThan(1300);
    const p = res.responses[0]!.partitions[0]!;
    expect(p.errorCode).toBe(0);
    expect(p.lastStableOffset).toBe(3);
    expect(p.abortedTransactions).toEqual([{ producerId: init.producerId, firstOffset: 0 }]);
  });

  it('answers a long-poll on __consumer_offsets when the group coordinator writes a commit', async () => {
    const b = await withBroker();
    cleanups.push(b.stop);
    const c = await WireClient.open(b.broker.port);
    cleanups.push(() => c.close());
    const fetcher = await WireClient.open(b.broker.port);
    cleanups.push(() => fetcher.close());
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'v' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const commit = () =>
      c.call(ApiKeys.OffsetCommit, 2, {
        groupId: 'simple',
        generationIdOrMemberEpoch: -1,
        memberId: '',
        retentionTimeMs: -1,
        topics: [
          { name: 'v', partitions: [{ partitionIndex: 0, committedOffset: 0, committedMetadata: null }] },
        ],
      });
    // The first commit creates __consumer_offsets; the long-poll then waits at its end.
    expect((await commit()).topics[0]!.partitions[0]!.errorCode).toBe(0);
    const md = await c.call(ApiKeys.ListOffsets, 1, {
      replicaId: -1,
      topics: [{ name: '__consumer_offsets', partitions: [{ partitionIndex: 0, timestamp: -1 }] }],
    });
    const end = md.topics[0]!.partitions[0]!.offset!;
    expect(end).toBeGreaterThan(0);
    const pending = fetcher.call(ApiKeys.Fetch, 11, fetchReq('__consumer_offsets', end));
    // Nothing observable tells that the Fetch is parked on the broker; a commit made before it
    // parks is answered at once as well, so the bound below holds either way.
    const committedAt = Date.now();
    expect((await commit()).topics[0]!.partitions[0]!.errorCode).toBe(0);
    const res = await pending;
    expect(Date.now() - committedAt).toBeLessThan(1000);
    expect(res.responses[0]!.partitions[0]!.highWatermark).toBeGreaterThan(end);
  });
});
