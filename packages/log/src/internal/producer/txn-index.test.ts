import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { TxnIndex, txnIndexPath } from './txn-index.js';

describe('TxnIndex', () => {
  it('persists per segment, reloads, truncates for replay and collects overlapping aborts', async () => {
    const io = new FaultyFileIO();
    await io.mkdir('/p');
    const ix = new TxnIndex(io, '/p');
    const a = { producerId: 1, firstOffset: 0, lastOffset: 5, lastStableOffset: 6 };
    const b = { producerId: 2, firstOffset: 3, lastOffset: 12, lastStableOffset: 13 };
    const c = { producerId: 1, firstOffset: 20, lastOffset: 22, lastStableOffset: 23 };
    ix.add(a, 0);
    await ix.persist([a], 0);
    ix.add(b, 10);
    ix.add(c, 10);
    await ix.persist([b, c], 10);
    expect(ix.collect(0, 4)).toEqual([
      { producerId: 1, firstOffset: 0 },
      { producerId: 2, firstOffset: 3 },
    ]);
    expect(ix.collect(6, 20)).toEqual([{ producerId: 2, firstOffset: 3 }]);
    expect(ix.collect(13, 100)).toEqual([{ producerId: 1, firstOffset: 20 }]);
    expect(ix.isAborted(2, 7)).toBe(true);
    expect(ix.isAborted(1, 7)).toBe(false);

    const again = new TxnIndex(io, '/p');
    await again.load(0);
    expect(again.all().map((e) => e.lastOffset)).toEqual([5, 12, 22]);
    await again.truncateFrom(12);
    expect(again.all().map((e) => e.lastOffset)).toEqual([5]);
    expect(await io.exists(txnIndexPath('/p', 10))).toBe(false);
    const third = new TxnIndex(io, '/p');
    await third.load(6);
    expect(third.size).toBe(0);
    expect(await io.exists(txnIndexPath('/p', 0))).toBe(false);
  });

  it('ignores a torn last entry', async () => {
    const io = new FaultyFileIO();
    await io.mkdir('/p');
    const ix = new TxnIndex(io, '/p');
    await ix.persist([{ producerId: 1, firstOffset: 0, lastOffset: 1, lastStableOffset: 2 }], 0);
    const h = await io.open(txnIndexPath('/p', 0), 'rw');
    await h.write(Buffer.alloc(10), await h.size());
    await h.close();
    const back = new TxnIndex(io, '/p');
    await back.load(0);
    expect(back.size).toBe(1);
  });
});
