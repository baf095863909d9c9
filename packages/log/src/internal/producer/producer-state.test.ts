import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import type { ProducerBatchInfo } from './append-check.js';
import { ProducerState } from './producer-state.js';
import { parseSnapshot } from './snapshot.js';

function batch(
  pid: number,
  epoch: number,
  seq: number,
  count = 1,
  extra: Partial<ProducerBatchInfo> = {},
): ProducerBatchInfo {
  return {
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: seq,
    lastOffsetDelta: count - 1,
    isTransactional: false,
    control: null,
    ...extra,
  };
}

function marker(pid: number, epoch: number, commit: boolean, coordinatorEpoch = 0): ProducerBatchInfo {
  return {
    producerId: pid,
    producerEpoch: epoch,
    baseSequence: -1,
    lastOffsetDelta: 0,
    isTransactional: true,
    control: { commit, coordinatorEpoch },
  };
}

class Harness {
  readonly state = new ProducerState(new FaultyFileIO(), '/d', {
    producerIdExpirationMs: 1000,
    producerIdExpirationCheckIntervalMs: 0,
  });
  next = 0;
  now = 0;
  append(b: ProducerBatchInfo): { offset: number; duplicateOf?: number } {
    const p = this.state.prepare([b], this.next, this.now, 't-0');
    if (p.duplicate !== null) return { offset: -1, duplicateOf: p.duplicate.firstOffset };
    this.state.commit(p, this.now);
    const offset = this.next;
    this.next += b.lastOffsetDelta + 1;
    return { offset };
  }
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof LogError) return e.code;
    throw e;
  }
  return undefined;
}

describe('ProducerState', () => {
  it('deduplicates a retry of any of the last 5 batches with its original offsets', () => {
    const h = new Harness();
    const offsets = [0, 1, 2, 3, 4, 5].map((i) => h.append(batch(7, 0, i * 2, 2)).offset);
    expect(offsets).toEqual([0, 2, 4, 6, 8, 10]);
    for (let i = 1; i <= 5; i++) expect(h.append(batch(7, 0, i * 2, 2)).duplicateOf).toBe(offsets[i]);
    // The first batch fell out of the window: its retry is out of order.
    expect(codeOf(() => h.append(batch(7, 0, 0, 2)))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(h.next).toBe(12);
  });

  it('rejects a sequence gap and an unknown producer not starting at 0', () => {
    const h = new Harness();
    expect(codeOf(() => h.append(batch(1, 0, 3)))).toBe('UNKNOWN_PRODUCER_ID');
    h.append(batch(1, 0, 0));
    expect(codeOf(() => h.append(batch(1, 0, 2)))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(h.append(batch(1, 0, 1)).offset).toBe(1);
  });

  it('fences an older epoch and requires sequence 0 for a new one', () => {
    const h = new Harness();
    h.append(batch(1, 3, 0));
    expect(codeOf(() => h.append(batch(1, 2, 1)))).toBe('INVALID_PRODUCER_EPOCH');
    expect(codeOf(() => h.append(batch(1, 4, 5)))).toBe('OUT_OF_ORDER_SEQUENCE_NUMBER');
    h.append(batch(1, 4, 0));
    expect(codeOf(() => h.append(batch(1, 3, 1)))).toBe('INVALID_PRODUCER_EPOCH');
  });

  it('wraps sequences at Int32 max', () => {
    const h = new Harness();
    h.append(batch(1, 0, 0));
    h.state.entries.get(1)!.batches[0] = {
      firstSeq: 0x7ffffffe,
      lastSeq: 0x7fffffff,
      firstOffset: 0,
      lastOffset: 0,
      timestamp: 0,
    };
    expect(h.append(batch(1, 0, 0, 2)).offset).toBe(1);
  });

  it('a rejected multi-batch append changes nothing', () => {
    const h = new Harness();
    h.append(batch(1, 0, 0));
    expect(() => h.state.prepare([batch(1, 0, 1), batch(1, 0, 5)], 1, 0, 't-0')).toThrow(LogError);
    expect(h.append(batch(1, 0, 1)).offset).toBe(1);
  });

  it('tracks open transactions for the last stable offset and lists aborts', () => {
    const h = new Harness();
    h.append(batch(1, 0, 0)); // plain idempotent at 0
    h.append(batch(2, 0, 0, 2, { isTransactional: true })); // txn of 2 from 1
    h.append(batch(3, 0, -1, 1, { isTransactional: true })); // txn of 3 from 3
    expect(h.state.firstUnstableOffset(4)).toBe(1);
    expect(codeOf(() => h.append(batch(2, 0, 2)))).toBe('INVALID_TXN_STATE');
    const p = h.state.prepare([marker(2, 0, false)], 4, 0, 't-0');
    expect(h.state.commit(p, 0)).toEqual([
      { producerId: 2, firstOffset: 1, lastOffset: 4, lastStableOffset: 3 },
    ]);
    h.next = 5;
    // The marker is not below the high watermark yet: the transaction still holds the LSO.
    expect(h.state.firstUnstableOffset(4)).toBe(1);
    expect(h.state.firstUnstableOffset(5)).toBe(3);
    h.append(marker(3, 0, true));
    expect(h.state.firstUnstableOffset(6)).toBe(6);
  });

  it('fences markers of an older coordinator epoch', () => {
    const h = new Harness();
    h.append(batch(1, 0, 0, 1, { isTransactional: true }));
    h.append(marker(1, 0, true, 5));
    h.append(batch(1, 0, 1, 1, { isTransactional: true }));
    expect(codeOf(() => h.append(marker(1, 0, true, 4)))).toBe('TRANSACTION_COORDINATOR_FENCED');
  });

  it('expires idle producers without an open transaction', () => {
    const h = new Harness();
    h.append(batch(1, 0, 0));
    h.append(batch(2, 0, 0, 1, { isTransactional: true }));
    h.now = 5000;
    h.append(batch(3, 0, 0));
    expect([...h.state.entries.keys()].sort()).toEqual([2, 3]);
    expect(codeOf(() => h.append(batch(1, 0, 1)))).toBe('UNKNOWN_PRODUCER_ID');
  });

  it('snapshots and restores entries and open transactions', () => {
    const h = new Harness();
    h.append(batch(1, 2, 0, 3));
    h.append(batch(2, 0, 0, 1, { isTransactional: true }));
    const bytes = h.state.snapshot();
    const h2 = new Harness();
    h2.next = h.next;
    const parsed = parseSnapshot(bytes);
    if (typeof parsed === 'string') throw new Error(parsed);
    h2.state.restore(parsed);
    expect(h2.append(batch(1, 2, 0, 3)).duplicateOf).toBe(0);
    expect(h2.state.firstUnstableOffset(10)).toBe(3);
    bytes[bytes.length - 1]! ^= 1;
    expect(parseSnapshot(bytes)).toBe('snapshot CRC mismatch');
  });
});
