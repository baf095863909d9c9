/**
 * Compaction and retention respect transactions (issue 3): the cleaner stops at the last stable
 * offset, drops aborted records, keeps COMMIT/ABORT markers while their transaction has data and
 * removes them after delete.retention.ms once it has none (KIP-534), carries the aborted-transaction
 * index across segment replacement and retention so read_committed results do not change, and
 * keeps idempotent producer state. Segments are rolled by `segment.ms` on a ManualClock.
 */
import { describe, expect, it } from 'vitest';
import { FaultyFileIO, ManualClock, type LogEngine } from '../src/index.js';
import { DATA, openTestEngine, put, readHeaders, readRecords, type Seen } from './maintenance-helpers.js';
import { endTxn, readCommitted, triples, txnBatch } from './txn-compaction-helpers.js';

const T0 = 1_000_000;
const SEG_MS = 60_000;
const DELETE_RETENTION_MS = 1_000_000;
const COMPACT = {
  'cleanup.policy': 'compact',
  'segment.ms': SEG_MS,
  'delete.retention.ms': DELETE_RETENTION_MS,
} as const;

interface Fixture {
  readonly clock: ManualClock;
  readonly io: FaultyFileIO;
  engine: LogEngine;
  send(pid: number, seq: number, records: readonly (readonly [string, string | null])[]): Promise<number>;
  /** The next append starts a new segment. */
  newSegment(): void;
}

async function fixture(configs: Record<string, string | number>): Promise<Fixture> {
  const clock = new ManualClock(T0);
  const io = new FaultyFileIO();
  const engine = await openTestEngine(io, clock);
  await engine.createTopic('t', { configs });
  const f: Fixture = {
    clock,
    io,
    engine,
    async send(pid, seq, records) {
      return (await f.engine.appendToPartition('t', 0, txnBatch(pid, seq, records, clock.now()))).baseOffset;
    },
    newSegment: () => clock.advance(SEG_MS + 1),
  };
  return f;
}

const logFiles = async (io: FaultyFileIO, suffix: string): Promise<number[]> =>
  (await io.readdir(`${DATA}/t-0`))
    .filter((n) => n.endsWith(suffix))
    .map((n) => Number(n.slice(0, 20)))
    .sort((a, b) => a - b);

/** Aborted transactions the read_committed reads list from the log start on. */
async function abortedListed(engine: LogEngine): Promise<string[]> {
  const out = new Set<string>();
  let offset = engine.offsets('t', 0).logStartOffset;
  const end = engine.offsets('t', 0).lastStableOffset;
  while (offset < end) {
    const r = await engine.read('t', 0, offset, { isolation: 'read_committed', maxBytes: 1 });
    for (const a of r.abortedTransactions ?? []) out.add(`${a.producerId}@${a.firstOffset}`);
    if (r.batches.length === 0) break;
    offset = Number(r.batches.readBigInt64BE(0)) + r.batches.readInt32BE(23) + 1;
  }
  return [...out].sort();
}

describe('compaction and retention respect transactions', () => {
  it('stops at the LSO, drops aborted records, ages out markers and keeps read_committed results', async () => {
    const f = await fixture(COMPACT);
    const { engine } = f;
    const { producerId: p1 } = await engine.initProducerId();
    const { producerId: p2 } = await engine.initProducerId();
    // Segment 0.
    const aborted1 = await f.send(p1, 0, [
      ['a', '1'],
      ['b', '1'],
    ]);
    await put(engine, 't', 'c', '1');
    await f.send(p2, 0, [['d', '1']]);
    f.newSegment();
    // Segment 1.
    const abort1 = await endTxn(engine, 't', p1, false, f.clock.now());
    await f.send(p1, 2, [['a', '2']]);
    const commit2 = await endTxn(engine, 't', p2, true, f.clock.now());
    const commit1 = await endTxn(engine, 't', p1, true, f.clock.now());
    f.newSegment();
    // Segment 2: an aborted transaction, then one left open, then a record that supersedes c=1.
    const aborted2 = await f.send(p2, 1, [['a', '3']]);
    const abort2 = await endTxn(engine, 't', p2, false, f.clock.now());
    await put(engine, 't', 'b', '2');
    const open = await f.send(p1, 3, [['e', '1']]);
    const c2 = await put(engine, 't', 'c', '2');
    f.newSegment();
    await put(engine, 't', 'g', '1'); // segment 3, active

    expect(engine.offsets('t', 0).lastStableOffset).toBe(open);
    const rc0 = await readCommitted(engine, 't');
    expect(rc0.map((r) => `${r.key}=${r.value}`)).toEqual(['c=1', 'd=1', 'a=2', 'b=2']);
    const before = await readRecords(engine, 't');
    const r1 = await engine.compact('t', 0);
    // Whole segments: the cleanable range ends where the segment holding the LSO begins.
    expect(r1.firstUncleanableOffset).toBe(aborted2);
    const after = await readRecords(engine, 't');
    // Aborted records below the LSO are gone; from the segment holding the LSO on, nothing changed.
    expect(after.some((r) => r.offset === aborted1 || r.offset === aborted1 + 1)).toBe(false);
    const segment2 = aborted2;
    expect(triples(after.filter((r) => r.offset >= segment2))).toEqual(
      triples(before.filter((r) => r.offset >= segment2)),
    );
    // c=1 stays: the c=2 that supersedes it lies past the LSO, where the cleaner never reads.
    expect(after.some((r) => r.key === 'c' && r.value === '1')).toBe(true);
    expect(after.some((r) => r.offset === c2)).toBe(true);
    expect(triples(await readCommitted(engine, 't'))).toEqual(triples(rc0));
    // The ABORT marker of a transaction without data is kept until its delete horizon.
    let headers = await readHeaders(engine, 't');
    expect(headers.find((h) => h.base === abort1)).toMatchObject({ count: 1 });
    expect(await abortedListed(engine)).toContain(`${p1}@${aborted1}`);

    // The open transaction commits; everything up to the new active segment becomes cleanable.
    await endTxn(engine, 't', p1, true, f.clock.now());
    f.newSegment();
    await put(engine, 't', 'h', '1');
    const rc1 = await readCommitted(engine, 't');
    await engine.compact('t', 0);
    const expected = rc1.filter((r) => !(r.key === 'c' && r.value === '1'));
    expect(triples(await readCommitted(engine, 't'))).toEqual(triples(expected));
    expect((await readRecords(engine, 't')).some((r) => r.offset === aborted2)).toBe(false);

    // Past delete.retention.ms the markers of transactions without data go, and their index entries
    // with them: a stale entry would hide p1's later, committed transactions from read_committed.
    f.clock.advance(DELETE_RETENTION_MS + 1);
    await engine.compact('t', 0);
    headers = await readHeaders(engine, 't');
    expect(headers.find((h) => h.base === abort1)).toBeUndefined();
    expect(headers.find((h) => h.base === abort2)).toBeUndefined();
    // p2's last data batch keeps an empty header, for p2's sequence state (markers carry none).
    expect(headers.find((h) => h.base === aborted2)).toMatchObject({ count: 0, producerId: p2 });
    // COMMIT markers of transactions that still have records stay.
    expect(headers.find((h) => h.base === commit1)).toMatchObject({ count: 1 });
    expect(headers.find((h) => h.base === commit2)).toMatchObject({ count: 1 });
    expect(await abortedListed(engine)).toEqual([]);
    expect(triples(await readCommitted(engine, 't'))).toEqual(triples(expected));
    // Every .txnindex belongs to a segment.
    const logs = new Set(await logFiles(f.io, '.log'));
    for (const b of await logFiles(f.io, '.txnindex')) expect(logs.has(b)).toBe(true);

    // The same after a clean reopen and after a power cut.
    await engine.close();
    f.engine = await openTestEngine(f.io, new ManualClock(f.clock.now()));
    expect(triples(await readCommitted(f.engine, 't'))).toEqual(triples(expected));
    const { io: rebooted } = f.io.crash({ mode: 'drop-unsynced', seed: 3 });
    const reopened = await openTestEngine(rebooted, new ManualClock(f.clock.now()));
    expect(triples(await readCommitted(reopened, 't'))).toEqual(triples(expected));
    await reopened.close();
  });

  it('carries aborted-transaction entries into the replacing segment while their data remains', async () => {
    // The aborted data goes at once but the ABORT marker stays until its delete horizon: its
    // entry must move into the replacing segment's .txnindex with it.
    const f = await fixture(COMPACT);
    const { engine } = f;
    const { producerId: p1 } = await engine.initProducerId();
    await put(engine, 't', 'k', '0');
    const first = await f.send(p1, 0, [['k', 'aborted']]);
    await endTxn(engine, 't', p1, false, f.clock.now());
    await f.send(p1, 1, [['k', 'committed']]);
    await endTxn(engine, 't', p1, true, f.clock.now());
    f.newSegment();
    await put(engine, 't', 'x', '1');
    const rc = await readCommitted(engine, 't');
    expect(rc.map((r) => `${r.key}=${r.value}`)).toEqual(['k=0', 'k=committed', 'x=1']);
    const names = await logFiles(f.io, '.txnindex');
    expect(names).toEqual([0]);
    await engine.compact('t', 0);
    expect(triples(await readCommitted(engine, 't'))).toEqual(triples(rc.filter((r) => r.value !== '0')));
    // The marker survives (stamped with its horizon), so its entry does.
    expect(await abortedListed(engine)).toEqual([`${p1}@${first}`]);
    expect(await logFiles(f.io, '.txnindex')).toEqual([0]);
    await engine.close();
  });

  it('retention deletes a segment’s .txnindex with it and read_committed is unchanged above the new start', async () => {
    const f = await fixture({ 'segment.ms': SEG_MS });
    const { engine } = f;
    const { producerId: p1 } = await engine.initProducerId();
    const { producerId: p2 } = await engine.initProducerId();
    await f.send(p1, 0, [['x', '1']]);
    await endTxn(engine, 't', p1, false, f.clock.now());
    await put(engine, 't', 'y', '1');
    f.newSegment();
    const seg1 = await f.send(p1, 1, [['x', '2']]);
    await endTxn(engine, 't', p1, true, f.clock.now());
    const z = await f.send(p2, 0, [['z', '1']]);
    await put(engine, 't', 'v', '1');
    await endTxn(engine, 't', p2, false, f.clock.now());
    f.newSegment();
    const seg2 = await put(engine, 't', 'w', '1');
    expect(await logFiles(f.io, '.txnindex')).toEqual([0, seg1]);
    const rc = await readCommitted(engine, 't');
    expect(rc.map((r) => `${r.key}=${r.value}`)).toEqual(['y=1', 'x=2', 'v=1', 'w=1']);

    await engine.deleteRecords('t', 0, seg1);
    expect(await logFiles(f.io, '.log')).toEqual([seg1, seg2]);
    expect(await logFiles(f.io, '.txnindex')).toEqual([seg1]);
    const above = rc.filter((r) => r.offset >= seg1);
    expect(triples(await readCommitted(engine, 't'))).toEqual(triples(above));
    expect(await abortedListed(engine)).toEqual([`${p2}@${z}`]);
    await engine.close();
    f.engine = await openTestEngine(f.io, new ManualClock(f.clock.now()));
    expect(triples(await readCommitted(f.engine, 't'))).toEqual(triples(above));
    await f.engine.close();
  });

  it('keeps read_committed results when power fails at any step of a transactional compaction', async () => {
    let sawCompacted = false;
    for (let cut = 1; cut < 300; cut += 5) {
      const f = await fixture({ ...COMPACT, 'delete.retention.ms': 0 });
      const { engine } = f;
      const { producerId: p1 } = await engine.initProducerId();
      await put(engine, 't', 'a', '0');
      await f.send(p1, 0, [['a', 'x']]);
      await endTxn(engine, 't', p1, false, f.clock.now());
      f.newSegment();
      await f.send(p1, 1, [['a', '1']]);
      await endTxn(engine, 't', p1, true, f.clock.now());
      await f.send(p1, 2, [['b', 'y']]);
      await endTxn(engine, 't', p1, false, f.clock.now());
      await f.send(p1, 3, [['b', '1']]);
      await endTxn(engine, 't', p1, true, f.clock.now());
      f.newSegment();
      await put(engine, 't', 'z', '1');
      const expected: Seen[] = (await readCommitted(engine, 't')).filter((r) => r.value !== '0');
      f.io.crashAfterOps(cut, { mode: cut % 2 === 0 ? 'tear-last-write' : 'drop-unsynced', seed: cut });
      try {
        await engine.compact('t', 0);
        f.clock.advance(1);
        await engine.compact('t', 0);
      } catch (e) {
        expect(String(e)).toMatch(/power lost|after power loss/);
      }
      const crash = f.io.lastCrash ?? f.io.crash({ mode: 'drop-unsynced', seed: cut });
      const reopened = await openTestEngine(crash.io, new ManualClock(f.clock.now() + 1));
      const seen = await readCommitted(reopened, 't');
      // Before the pass, or after it: a=0 may still be there, nothing else differs.
      expect(triples(seen.filter((r) => r.value !== '0'))).toEqual(triples(expected));
      if (seen.length === expected.length) sawCompacted = true;
      await reopened.compact('t', 0);
      expect(triples(await readCommitted(reopened, 't'))).toEqual(triples(expected));
      const names = await crash.io.readdir(`${DATA}/t-0`);
      expect(names.filter((n) => /cleaned|swap|deleted|replace/.test(n))).toEqual([]);
      await reopened.close();
    }
    expect(sawCompacted).toBe(true);
  });
});
