/**
 * The transaction coordinator end to end over an engine: producer ids, transactional state
 * transitions and their errors, markers, the last stable offset, read_committed reads, fencing,
 * timeouts, and recovery of prepared transactions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LogError } from '../src/errors.js';
import { TxnStateLog } from '../src/internal/txn/txn-state-log.js';
import { TXN_ERR } from '../src/internal/txn/txn-errors.js';
import { tpKey } from '../src/internal/txn/txn-state.js';
import { openTxnFixture, readCommitted, type TxnFixture, TxnProducer } from './txn-fixture.js';

let f: TxnFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

async function fixture(opts: Parameters<typeof openTxnFixture>[0] = {}): Promise<TxnFixture> {
  f = await openTxnFixture({ topics: { out: 2 }, ...opts });
  return f;
}

describe('TransactionCoordinator', () => {
  it('allocates producer ids that never repeat, across restarts', async () => {
    const fx = await fixture();
    const a = await fx.txns.initProducerId({ transactionalId: null, transactionTimeoutMs: 1 });
    const b = await fx.engine.initProducerId();
    expect(a).toMatchObject({ errorCode: 0, producerEpoch: 0 });
    expect(b.producerId).toBeGreaterThan(a.producerId);
    await fx.restart();
    const c = await fx.engine.initProducerId();
    expect(c.producerId).toBeGreaterThan(b.producerId);
    await fx.crashAndRestart();
    const d = await fx.engine.initProducerId();
    expect(d.producerId).toBeGreaterThan(c.producerId);
  });

  it('commits: markers written, LSO held by the open transaction, read_committed sees the records after commit', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'app-1');
    await p.init();
    await fx.engine.append('out', [{ value: 'plain', partition: 0 }]);
    expect(await p.send('out', 0, ['a', 'b'])).toBe(0);
    expect(await p.send('out', 1, ['c'])).toBe(0);
    await fx.engine.append('out', [{ value: 'after', partition: 0 }]);
    expect(fx.engine.offsets('out', 0)).toMatchObject({ lastStableOffset: 1, highWatermark: 4 });
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['plain']);
    // ListOffsets under read_committed: latest is the LSO; offsets past it are not answered.
    expect(await fx.engine.offsetForTimestamp('out', 0, -1, { isolation: 'read_committed' })).toEqual({
      offset: 1,
      timestamp: -1,
    });
    expect(await fx.engine.offsetForTimestamp('out', 0, -1)).toEqual({ offset: 4, timestamp: -1 });
    expect(await fx.engine.offsetForTimestamp('out', 0, 0, { isolation: 'read_committed' })).toEqual(
      await fx.engine.offsetForTimestamp('out', 0, 0),
    );
    expect(fx.txns.describeTransaction('app-1')).toMatchObject({
      state: 'Ongoing',
      topics: [{ topic: 'out', partitions: [0, 1] }],
    });
    expect(await p.end(true)).toBe(0);
    expect(fx.engine.offsets('out', 0)).toMatchObject({ lastStableOffset: 5, highWatermark: 5 });
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['plain', 'a', 'b', 'after']);
    expect(await readCommitted(fx.engine, 'out', 1)).toEqual(['c']);
    expect(fx.txns.describeTransaction('app-1')?.state).toBe('CompleteCommit');
  });

  it('aborts: read_committed skips the aborted records using the aborted-transactions list', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'app-1');
    await p.init();
    await p.send('out', 0, ['x1', 'x2']);
    await fx.engine.append('out', [{ value: 'plain', partition: 0 }]);
    expect(await p.end(false)).toBe(0);
    const r = await fx.engine.read('out', 0, 0, { isolation: 'read_committed' });
    expect(r.abortedTransactions).toEqual([{ producerId: p.producerId, firstOffset: 0 }]);
    expect((await fx.engine.read('out', 0, 0)).abortedTransactions).toBeNull();
    await p.send('out', 0, ['y']);
    expect(await p.end(true)).toBe(0);
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['plain', 'y']);
    // The decoded iterator filters the same way.
    await fx.engine.append('out', [{ value: 'end', partition: 0 }]);
    const seen: string[] = [];
    for await (const rec of fx.engine.records('out', 0, { isolation: 'read_committed' })) {
      seen.push(rec.value!.toString());
      if (seen.at(-1) === 'end') break;
    }
    expect(seen).toEqual(['plain', 'y', 'end']);
    // The aborted-transactions index survives a restart.
    await fx.restart();
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['plain', 'y', 'end']);
  });

  it('the iterator under read_committed waits at the LSO until the transaction ends', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'app-1');
    await p.init();
    await p.send('out', 0, ['t']);
    await fx.engine.append('out', [{ value: 'plain', partition: 0 }]);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const rec of fx.engine.records('out', 0, { isolation: 'read_committed' })) {
        seen.push(rec.value!.toString());
        if (seen.length === 2) break;
      }
    })();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([]);
    await p.end(true);
    await reading;
    expect(seen).toEqual(['t', 'plain']);
  });

  it('re-initialising fences the old instance (zombie) and aborts its open transaction', async () => {
    const fx = await fixture();
    const old = new TxnProducer(fx, 'app-1');
    await old.init();
    await old.send('out', 0, ['zombie']);
    const fresh = new TxnProducer(fx, 'app-1');
    await fresh.init();
    expect(fresh.producerId).toBe(old.producerId);
    expect(fresh.producerEpoch).toBeGreaterThan(old.producerEpoch + 1);
    expect(await old.end(true)).toBe(TXN_ERR.PRODUCER_FENCED);
    const add = await fx.txns.addPartitionsToTxn({ ...old.id, topics: [{ name: 'out', partitions: [1] }] });
    expect(add.topics[0]!.partitions[0]!.errorCode).toBe(TXN_ERR.PRODUCER_FENCED);
    // The partition saw the new epoch through the abort marker: the zombie's writes are refused.
    await expect(old.send('out', 0, ['late'])).rejects.toMatchObject({ code: 'INVALID_PRODUCER_EPOCH' });
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual([]);
    await fresh.send('out', 0, ['ok']);
    expect(await fresh.end(true)).toBe(0);
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['ok']);
  });

  it('answers illegal requests with Kafka error codes and changes nothing', async () => {
    const fx = await fixture();
    const init = (ms: number) => fx.txns.initProducerId({ transactionalId: 'x', transactionTimeoutMs: ms });
    expect((await init(900_001)).errorCode).toBe(TXN_ERR.INVALID_TRANSACTION_TIMEOUT);
    expect((await init(0)).errorCode).toBe(TXN_ERR.INVALID_TRANSACTION_TIMEOUT);
    expect((await fx.txns.initProducerId({ transactionalId: '', transactionTimeoutMs: 10 })).errorCode).toBe(
      TXN_ERR.INVALID_REQUEST,
    );
    const unknown = { transactionalId: 'nope', producerId: 1, producerEpoch: 0 };
    expect((await fx.txns.endTxn({ ...unknown, committed: true })).errorCode).toBe(
      TXN_ERR.INVALID_PRODUCER_ID_MAPPING,
    );
    const p = new TxnProducer(fx, 'x');
    await p.init();
    expect(await p.end(true)).toBe(TXN_ERR.INVALID_TXN_STATE);
    expect((await fx.txns.endTxn({ ...p.id, producerId: p.producerId + 1, committed: true })).errorCode).toBe(
      TXN_ERR.INVALID_PRODUCER_ID_MAPPING,
    );
    expect(
      (await fx.txns.endTxn({ ...p.id, producerEpoch: p.producerEpoch + 1, committed: true })).errorCode,
    ).toBe(TXN_ERR.INVALID_PRODUCER_EPOCH);
    const add = await fx.txns.addPartitionsToTxn({
      ...p.id,
      topics: [
        { name: 'out', partitions: [0, 7] },
        { name: 'missing', partitions: [0] },
      ],
    });
    expect(add.topics.map((t) => t.partitions.map((x) => x.errorCode))).toEqual([
      [TXN_ERR.OPERATION_NOT_ATTEMPTED, TXN_ERR.UNKNOWN_TOPIC_OR_PARTITION],
      [TXN_ERR.UNKNOWN_TOPIC_OR_PARTITION],
    ]);
    expect(fx.txns.describeTransaction('x')?.state).toBe('Empty');
    await p.send('out', 0, ['v']);
    expect(await p.end(false)).toBe(0);
    expect(await p.end(false)).toBe(0); // a retried abort is answered again
    expect(await p.end(true)).toBe(TXN_ERR.INVALID_TXN_STATE);
    // A non-transactional write inside an open transaction is refused by the partition.
    await p.send('out', 1, ['in-txn']);
    await expect(
      fx.engine.appendToPartition('out', 1, [{ key: null, value: Buffer.from('no') }], {
        producerId: p.producerId,
        producerEpoch: p.producerEpoch,
        baseSequence: 1,
      }),
    ).rejects.toBeInstanceOf(LogError);
  });

  it('answers CONCURRENT_TRANSACTIONS while a transition is in flight or an open transaction is being fenced', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'c');
    await p.init();
    const add = (partition: number) =>
      fx.txns.addPartitionsToTxn({ ...p.id, topics: [{ name: 'out', partitions: [partition] }] });
    const [first, second] = await Promise.all([add(0), add(1)]);
    expect(first.topics[0]!.partitions[0]!.errorCode).toBe(0);
    expect(second.topics[0]!.partitions[0]!.errorCode).toBe(TXN_ERR.CONCURRENT_TRANSACTIONS);
    const req = { transactionalId: 'c', transactionTimeoutMs: 60_000 };
    // Re-initialising over an open transaction aborts it first and asks for a retry (Kafka's rule).
    expect((await fx.txns.initProducerId(req)).errorCode).toBe(TXN_ERR.CONCURRENT_TRANSACTIONS);
    expect(fx.txns.describeTransaction('c')?.state).toBe('CompleteAbort');
    const retry = await fx.txns.initProducerId(req);
    expect(retry).toMatchObject({
      errorCode: 0,
      producerId: p.producerId,
      producerEpoch: p.producerEpoch + 2,
    });
  });

  it('finds a hanging transaction with describeProducers and aborts it (KIP-664)', async () => {
    const fx = await fixture();
    const { producerId } = await fx.engine.initProducerId();
    // A transactional write its coordinator never heard of: it would hold the LSO forever.
    await fx.engine.appendToPartition('out', 1, [{ key: null, value: Buffer.from('hanging') }], {
      producerId,
      producerEpoch: 3,
      baseSequence: 0,
      isTransactional: true,
    });
    expect(fx.engine.offsets('out', 1)).toMatchObject({ lastStableOffset: 0, highWatermark: 1 });
    expect(fx.engine.describeProducers('out', 1)).toEqual([
      {
        producerId,
        producerEpoch: 3,
        lastSequence: 0,
        lastTimestamp: expect.any(Number),
        coordinatorEpoch: -1,
        currentTxnStartOffset: 0,
      },
    ]);
    await expect(
      fx.engine.abortTransaction({
        topic: 'out',
        partition: 1,
        producerId,
        producerEpoch: 2,
        coordinatorEpoch: 0,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_PRODUCER_EPOCH' });
    await fx.engine.abortTransaction({
      topic: 'out',
      partition: 1,
      producerId,
      producerEpoch: 3,
      coordinatorEpoch: 0,
    });
    expect(fx.engine.offsets('out', 1)).toMatchObject({ lastStableOffset: 2, highWatermark: 2 });
    expect(fx.engine.describeProducers('out', 1)[0]!.currentTxnStartOffset).toBe(-1);
    expect(await readCommitted(fx.engine, 'out', 1)).toEqual([]);
  });

  it('forgets transactional ids idle past transactional.id.expiration.ms, durably', async () => {
    const fx = await fixture({ config: { 'transactional.id.expiration.ms': 60_000 } });
    const idle = new TxnProducer(fx, 'idle');
    await idle.init();
    const busy = new TxnProducer(fx, 'busy');
    await busy.init();
    await busy.send('out', 0, ['open']);
    fx.clock.advance(61_000);
    expect(await fx.txns.expireTransactionalIds()).toBe(1);
    expect(fx.txns.describeTransaction('idle')).toBeNull();
    expect(fx.txns.describeTransaction('busy')?.state).toBe('Ongoing');
    await fx.restart();
    expect(fx.txns.listTransactions().map((t) => t.transactionalId)).toEqual(['busy']);
  });

  it('aborts a transaction past its timeout and fences its producer', async () => {
    const fx = await fixture({
      config: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1000 },
    });
    const p = new TxnProducer(fx, 'slow', 5_000);
    await p.init();
    await p.send('out', 0, ['late']);
    fx.clock.advance(4_000);
    await fx.txns.idle();
    expect(fx.txns.describeTransaction('slow')?.state).toBe('Ongoing');
    // The check runs every second of clock time; let it run until it aborts (bounded).
    for (let i = 0; i < 50 && fx.txns.describeTransaction('slow')?.state !== 'CompleteAbort'; i++) {
      fx.clock.advance(1_000);
      await fx.txns.idle();
      await new Promise((r) => setImmediate(r));
    }
    expect(fx.clock.now()).toBeGreaterThan(1_005_000);
    expect(fx.txns.describeTransaction('slow')?.state).toBe('CompleteAbort');
    expect(await p.end(true)).toBe(TXN_ERR.PRODUCER_FENCED);
    expect(fx.engine.offsets('out', 0).lastStableOffset).toBe(fx.engine.offsets('out', 0).highWatermark);
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual([]);
  });

  it('completes a prepared transaction found on open (crash between decision and markers)', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'app-1');
    await p.init();
    await p.send('out', 0, ['kept']);
    // Simulate a crash right after PrepareCommit was written: write the state, then reopen.
    const log = await TxnStateLog.open(fx.engine, 3, {});
    const d = fx.txns.describeTransaction('app-1')!;
    await log.write(
      'app-1',
      {
        producerId: d.producerId,
        producerEpoch: d.producerEpoch,
        timeoutMs: d.transactionTimeoutMs,
        state: 'PrepareCommit',
        partitions: new Set([tpKey('out', 0)]),
        lastUpdateTimestamp: fx.clock.now(),
        startTimestamp: d.transactionStartTimeMs,
      },
      fx.clock.now(),
    );
    await fx.crashAndRestart();
    expect(fx.txns.describeTransaction('app-1')?.state).toBe('CompleteCommit');
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['kept']);
  });

  it('keeps an open transaction open across a crash, with the LSO still held', async () => {
    const fx = await fixture();
    const p = new TxnProducer(fx, 'app-1');
    await p.init();
    await fx.engine.append('out', [{ value: 'plain', partition: 0 }]);
    await p.send('out', 0, ['pending']);
    await fx.crashAndRestart();
    expect(fx.engine.offsets('out', 0)).toMatchObject({ lastStableOffset: 1, highWatermark: 2 });
    expect(fx.txns.describeTransaction('app-1')?.state).toBe('Ongoing');
    expect(await p.end(false)).toBe(0);
    expect(await readCommitted(fx.engine, 'out', 0)).toEqual(['plain']);
  });
});
