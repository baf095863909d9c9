/**
 * Idempotent producer state and compaction: retries after a pass are still deduplicated (or
 * rejected as Kafka would), and recovery replays producer state across the gaps compaction leaves
 * — also a gap at the very end of the closed segments in front of an empty active segment.
 */
import type { RecordInput } from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { FaultyFileIO, ManualClock, type LogEngine } from '../src/index.js';
import { openTestEngine, put, readHeaders, readRecords, until } from './maintenance-helpers.js';

const T0 = 1_000_000;
const SEG_MS = 60_000;

function producer(engine: () => LogEngine, producerId: number) {
  return (seq: number, key: string, value: string | null) => {
    const rec: RecordInput = { key: Buffer.from(key), value: value === null ? null : Buffer.from(value) };
    return engine().appendToPartition('g', 0, [rec], { producerId, producerEpoch: 0, baseSequence: seq });
  };
}

describe('idempotent producers and compaction', () => {
  it('deduplicates a retry of the last batch after compaction and rejects a sequence gap, also after a reopen', async () => {
    const clock = new ManualClock(T0);
    const io = new FaultyFileIO();
    let engine = await openTestEngine(io, clock);
    await engine.createTopic('g', { configs: { 'cleanup.policy': 'compact', 'segment.ms': SEG_MS } });
    const { producerId } = await engine.initProducerId();
    const send = producer(() => engine, producerId);
    const first = await send(0, 'k', '0');
    for (let s = 1; s < 4; s++) await send(s, 'k', String(s));
    const last = await send(4, 'k', '4');
    clock.advance(SEG_MS + 1);
    await put(engine, 'g', 'other', '1');
    const r = await engine.compact('g', 0);
    expect(r.recordsRemoved).toBe(4);
    expect((await readHeaders(engine, 'g')).find((h) => h.base === first.baseOffset)).toBeUndefined();
    for (let round = 0; round < 2; round++) {
      const end = engine.offsets('g', 0).logEndOffset;
      const retry = await send(4, 'k', '4');
      expect(retry.baseOffset).toBe(last.baseOffset);
      await expect(send(6, 'k', 'gap')).rejects.toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
      expect(engine.offsets('g', 0).logEndOffset).toBe(end);
      await engine.close();
      engine = await openTestEngine(io, clock);
    }
    const next = await send(5, 'k', '5');
    expect(next.baseOffset).toBe(engine.offsets('g', 0).logEndOffset - 1);
    await engine.close();
  });

  it('recovers when the closed segments end in a compacted gap and a crash empties the active segment', async () => {
    const clock = new ManualClock(T0);
    const io = new FaultyFileIO();
    const engine = await openTestEngine(io, clock);
    await engine.createTopic('g', {
      configs: { 'cleanup.policy': 'compact', 'segment.ms': SEG_MS, 'delete.retention.ms': 0 },
    });
    const { producerId } = await engine.initProducerId();
    const send = producer(() => engine, producerId);
    // Segment 0: the producer's batches.
    const a1 = await send(0, 'a', '1');
    const b1 = await send(1, 'b', '1');
    const c1 = await send(2, 'c', '1');
    clock.advance(SEG_MS + 1);
    // Segment 1: a record, then tombstones at its tail, which a pass past their horizon removes.
    const y = await put(engine, 'g', 'y', '1');
    await put(engine, 'g', 'a', null);
    await put(engine, 'g', 'b', null);
    clock.advance(SEG_MS + 1);
    // Segment 2 begins with appends still in flight (a long group commit): the roll snapshots the
    // producer state of offsets a power cut then takes back, so recovery falls back to the
    // snapshot at segment 1 and replays from there across the gap.
    await engine.alterTopicConfig('g', { 'rill.group.commit.ms': 600_000 });
    const end0 = engine.offsets('g', 0).logEndOffset;
    const inFlight = [put(engine, 'g', 'z', '1'), put(engine, 'g', 'z', '2')];
    const lost: unknown[] = [];
    for (const p of inFlight) p.catch((e: unknown) => lost.push(e));
    await until(() => engine.offsets('g', 0).logEndOffset === end0 + 2);
    await engine.compact('g', 0);
    const headers = await readHeaders(engine, 'g');
    expect(headers.filter((h) => h.base < end0).map((h) => [h.base, h.count])).toEqual([
      [c1.baseOffset, 1],
      [y, 1],
    ]);
    expect(headers.some((h) => h.base === a1.baseOffset || h.base === b1.baseOffset)).toBe(false);

    const { io: rebooted } = io.crash({ mode: 'drop-unsynced', seed: 7 });
    const reopened = await openTestEngine(rebooted, new ManualClock(clock.now()));
    expect(reopened.offsets('g', 0).logEndOffset).toBe(end0);
    expect((await readRecords(reopened, 'g')).map((r) => [r.offset, r.key, r.value])).toEqual([
      [c1.baseOffset, 'c', '1'],
      [y, 'y', '1'],
    ]);
    await reopened.alterTopicConfig('g', {}, { delete: ['rill.group.commit.ms'] });
    const again = producer(() => reopened, producerId);
    expect((await again(2, 'c', '1')).baseOffset).toBe(c1.baseOffset);
    await expect(again(4, 'c', 'gap')).rejects.toMatchObject({ code: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });
    expect((await again(3, 'c', '2')).baseOffset).toBe(end0);
    await reopened.close();
  });
});
