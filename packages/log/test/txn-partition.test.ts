/**
 * Transactions at the partition: the last stable offset, read_committed reads with the aborted
 * transactions they overlap, the `.txnindex` files, and their recovery after a reopen or a power cut.
 */
import { encodeControlBatch, encodeRecordBatch } from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/internal/clock/manual-clock.js';
import { FaultyFileIO } from '../src/internal/io/faulty-file-io.js';
import type { Partition } from '../src/internal/partition/partition.js';
import { DIR, open, readAll, recordsOf } from '../src/internal/partition/test-helpers.js';
import { TXN_INDEX_SUFFIX } from '../src/internal/producer/txn-index.js';

function txnBatch(pid: number, seq: number, values: readonly string[], epoch = 0): Buffer {
  return encodeRecordBatch({
    records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: 1 })),
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: seq,
    isTransactional: true,
  });
}

function marker(pid: number, commit: boolean, epoch = 0, coordinatorEpoch = 0): Buffer {
  return encodeControlBatch({
    type: commit ? 'COMMIT' : 'ABORT',
    producerId: pid,
    producerEpoch: epoch,
    coordinatorEpoch,
    timestamp: 1,
  });
}

async function scenario(p: Partition): Promise<void> {
  await p.appendRecords([{ key: null, value: Buffer.from('plain') }]); // 0
  await p.appendBatches(txnBatch(1, 0, ['a1', 'a2'])); // 1-2 (aborted later)
  await p.appendBatches(txnBatch(2, 0, ['c1'])); // 3 (committed later)
  expect(p.lastStableOffset).toBe(1);
  await p.appendBatches(marker(1, false), { allowControl: true }); // 4
  expect(p.lastStableOffset).toBe(3);
  await p.appendBatches(txnBatch(1, 2, ['b1'])); // 5: a new transaction of producer 1
  await p.appendBatches(marker(2, true), { allowControl: true }); // 6
  expect(p.lastStableOffset).toBe(5);
}

describe('transactions at the partition', () => {
  it('read_committed stops at the LSO and lists the aborted transactions it overlaps', async () => {
    const p = await open(new FaultyFileIO(), { 'segment.bytes': 200 });
    await scenario(p);
    const r = await p.read(0, { isolation: 'read_committed' });
    expect(r.lastStableOffset).toBe(5);
    expect(r.abortedTransactions).toEqual([{ producerId: 1, firstOffset: 1 }]);
    expect(Math.max(...recordsOf(r.batches).map((x) => x.offset))).toBeLessThan(5);
    const later = await p.read(5, { isolation: 'read_committed' });
    expect(later.batches.length).toBe(0);
    const unc = await p.read(5);
    expect(unc.abortedTransactions).toBeNull();
    expect(recordsOf(unc.batches)[0]!.value).toBe('b1');
    await p.close();
  });

  it('rejects client control batches, markers of an older coordinator epoch and fenced epochs', async () => {
    const p = await open(new FaultyFileIO());
    await expect(p.appendBatches(marker(1, true))).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    await p.appendBatches(txnBatch(1, 0, ['x']));
    await p.appendBatches(marker(1, true, 0, 3), { allowControl: true });
    await p.appendBatches(txnBatch(1, 1, ['y']));
    await expect(p.appendBatches(marker(1, true, 0, 2), { allowControl: true })).rejects.toMatchObject({
      code: 'TRANSACTION_COORDINATOR_FENCED',
    });
    await p.appendBatches(marker(1, false, 1, 3), { allowControl: true }); // the coordinator bumps the epoch
    await expect(p.appendBatches(txnBatch(1, 2, ['zombie'], 0))).rejects.toMatchObject({
      code: 'INVALID_PRODUCER_EPOCH',
    });
    expect(p.lastStableOffset).toBe(p.highWatermark);
    await p.close();
  });

  it('the LSO, open transactions and the aborted index survive a clean reopen and a power cut', async () => {
    const io = new FaultyFileIO();
    const cfg = { 'segment.bytes': 200 };
    const p = await open(io, cfg);
    await scenario(p);
    const before = await p.read(0, { isolation: 'read_committed' });
    const names = await io.readdir(DIR);
    expect(names.some((n) => n.endsWith(TXN_INDEX_SUFFIX))).toBe(true);
    await p.close();

    const q = await open(io, cfg);
    expect(q.recovery.producers?.batchesReplayed).toBe(0);
    expect(q.lastStableOffset).toBe(5);
    expect(await q.read(0, { isolation: 'read_committed' })).toEqual(before);
    // More after the snapshot, then a power cut: replay rebuilds the open transaction and the index.
    await q.appendBatches(txnBatch(2, 1, ['d1'])); // 7
    await q.appendBatches(marker(2, false), { allowControl: true }); // 8: aborts [7, 8]
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 5 });
    const r = await open(after, cfg);
    expect(r.logEndOffset).toBe(9);
    expect(r.recovery.producers?.batchesReplayed).toBeGreaterThan(0);
    expect(r.lastStableOffset).toBe(5);
    await r.appendBatches(marker(1, true), { allowControl: true }); // 9: commits b1
    expect(r.lastStableOffset).toBe(10);
    // A read serves one segment at most: gather the aborted lists of reads across the log.
    const aborted = new Map<string, { producerId: number; firstOffset: number }>();
    for (let offset = 0; offset < r.lastStableOffset;) {
      const res = await r.read(offset, { isolation: 'read_committed' });
      for (const a of res.abortedTransactions!) aborted.set(`${a.producerId}@${a.firstOffset}`, a);
      const recs = recordsOf(res.batches);
      offset = Math.max(offset + 1, ...recs.map((x) => x.offset + 1));
    }
    expect([...aborted.values()]).toEqual([
      { producerId: 1, firstOffset: 1 },
      { producerId: 2, firstOffset: 7 },
    ]);
    expect((await readAll(r)).length).toBe(10);
    await r.close();
  });

  it('read_committed readers are never served records of an open transaction while appends race', async () => {
    const clock = new ManualClock(0);
    const p = await open(new FaultyFileIO(), { 'rill.group.commit.ms': 3 }, clock);
    const pending = [
      p.appendBatches(txnBatch(1, 0, ['t'])),
      p.appendRecords([{ key: null, value: Buffer.from('plain') }]),
      p.appendBatches(marker(1, true), { allowControl: true }),
    ];
    // Before the group commit makes anything durable, nothing is stable.
    expect(p.lastStableOffset).toBe(0);
    expect((await p.read(0, { isolation: 'read_committed' })).batches.length).toBe(0);
    let done = false;
    void Promise.all(pending).then(() => (done = true));
    for (let i = 0; i < 100 && !done; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(3);
    }
    expect(done).toBe(true);
    expect(p.lastStableOffset).toBe(3);
    await p.close();
  });
});
