import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { decodeTxnKey, decodeTxnValue, encodeTxnKey, encodeTxnValue } from './txn-log-format.js';
import { canTransition, tpKey, TXN_STATE_IDS, type TxnRecord, type TxnStateName } from './txn-state.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

describe('__transaction_state record formats', () => {
  it('encodes the key and value as Kafka does (golden bytes)', () => {
    expect(encodeTxnKey('tx').toString('hex')).toBe('0000' + '0002' + '7478');
    const value = encodeTxnValue({
      producerId: 5,
      producerEpoch: 2,
      timeoutMs: 60_000,
      state: 'Ongoing',
      partitions: new Set([tpKey('t', 1), tpKey('t', 0)]),
      lastUpdateTimestamp: 7,
      startTimestamp: 6,
    });
    expect(value.toString('hex')).toBe(
      '0000' + // version
        '0000000000000005' + // producer id
        '0002' + // epoch
        '0000ea60' + // timeout
        '01' + // Ongoing
        '00000001' +
        '0001' +
        '74' +
        '00000002' +
        '00000000' +
        '00000001' + // [t: [0, 1]]
        '0000000000000007' +
        '0000000000000006',
    );
    // Empty writes a null partition list.
    const empty = encodeTxnValue({
      producerId: 1,
      producerEpoch: 0,
      timeoutMs: 1,
      state: 'Empty',
      partitions: new Set(),
      lastUpdateTimestamp: 0,
      startTimestamp: -1,
    });
    expect(empty.subarray(17, 21).readInt32BE(0)).toBe(-1);
  });

  it('round-trips every state and partition set', () => {
    const state = fc.constantFrom(...(Object.keys(TXN_STATE_IDS) as TxnStateName[]));
    const rec = fc.record({
      producerId: fc.nat({ max: 2 ** 40 }),
      producerEpoch: fc.nat({ max: 32767 }),
      timeoutMs: fc.integer({ min: 1, max: 900_000 }),
      state,
      partitions: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b.c', 'ü'), fc.nat({ max: 50 })), {
        maxLength: 6,
      }),
      lastUpdateTimestamp: fc.nat({ max: 2 ** 45 }),
      startTimestamp: fc.integer({ min: -1, max: 2 ** 45 }),
    });
    fc.assert(
      fc.property(rec, fc.string(), (r, id) => {
        const t: TxnRecord = {
          ...r,
          partitions: new Set(r.state === 'Empty' ? [] : r.partitions.map(([a, p]) => tpKey(a, p))),
        };
        expect(decodeTxnKey(encodeTxnKey(id))).toBe(id);
        const back = decodeTxnValue(encodeTxnValue(t));
        expect({ ...back, partitions: [...back.partitions].sort() }).toEqual({
          ...t,
          partitions: [...t.partitions].sort(),
        });
      }),
      { numRuns: runs },
    );
  });

  it('rejects unknown versions and states as CORRUPT_MESSAGE', () => {
    const v = encodeTxnValue({
      producerId: 1,
      producerEpoch: 0,
      timeoutMs: 1,
      state: 'Empty',
      partitions: new Set(),
      lastUpdateTimestamp: 0,
      startTimestamp: -1,
    });
    const badVersion = Buffer.from(v);
    badVersion.writeInt16BE(9, 0);
    expect(() => decodeTxnValue(badVersion)).toThrow(LogError);
    const badState = Buffer.from(v);
    badState.writeInt8(42, 16);
    expect(() => decodeTxnValue(badState)).toThrow(/unknown transaction status/);
    expect(() => decodeTxnValue(v.subarray(0, 10))).toThrow(LogError);
  });
});

describe('transaction state transitions', () => {
  it("follow Kafka's TransactionState.validPreviousStates", () => {
    expect(canTransition('Ongoing', 'PrepareCommit')).toBe(true);
    expect(canTransition('PrepareCommit', 'CompleteCommit')).toBe(true);
    expect(canTransition('CompleteAbort', 'Ongoing')).toBe(true);
    expect(canTransition('Empty', 'PrepareCommit')).toBe(false);
    expect(canTransition('PrepareCommit', 'CompleteAbort')).toBe(false);
    expect(canTransition('CompleteCommit', 'PrepareAbort')).toBe(false);
  });
});
