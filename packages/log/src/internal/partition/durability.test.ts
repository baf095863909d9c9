import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { ManualClock } from '../clock/manual-clock.js';
import { LONG_MAX } from '../config/topic-config.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { openPartition } from './partition.js';
import { open, readAll, rec, topicConfig } from './test-helpers.js';

const ACTIVE = '/data/t-0/00000000000000000000.log';

describe('durability', () => {
  it('group commit: an append resolves only after an fsync, and readers never see unsynced records', async () => {
    const io = new FaultyFileIO();
    const clock = new ManualClock(0);
    const p = await open(io, { 'rill.group.commit.ms': 5 }, clock);
    let done = false;
    const a = p.appendRecords([rec('a')]).then((r) => {
      done = true;
      return r;
    });
    for (let i = 0; i < 20 && io.unsyncedBytes(ACTIVE) === 0; i++) await new Promise((r) => setImmediate(r));
    expect(io.unsyncedBytes(ACTIVE)).toBeGreaterThan(0);
    expect(p.logEndOffset).toBe(1);
    expect(p.highWatermark).toBe(0);
    expect((await p.read(0)).batches.length).toBe(0);
    // Two more appends join the same window: one fsync covers all three.
    const b = p.appendRecords([rec('b')]);
    const c = p.appendRecords([rec('c')]);
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    clock.advance(5);
    await Promise.all([a, b, c]);
    expect(io.unsyncedBytes(ACTIVE)).toBe(0);
    expect(p.highWatermark).toBe(3);
    await p.close();
  });

  it('flush.messages=N fsyncs every N messages; LONG_MAX for both never fsyncs but acknowledges once written', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'flush.messages': 3 });
    await p.appendRecords([rec('a')]);
    expect(p.highWatermark).toBe(1);
    expect(io.unsyncedBytes(ACTIVE)).toBeGreaterThan(0);
    await p.appendRecords([rec('b'), rec('c')]);
    expect(io.unsyncedBytes(ACTIVE)).toBe(0);
    await p.close();

    const io2 = new FaultyFileIO();
    const q = await open(io2, { 'flush.messages': LONG_MAX, 'flush.ms': LONG_MAX });
    for (let i = 0; i < 5; i++) await q.appendRecords([rec(`v${i}`)]);
    expect(q.highWatermark).toBe(5);
    expect(io2.syncedBytes(ACTIVE)).toBe(0);
    const { io: after } = io2.crash({ mode: 'drop-unsynced', seed: 3 });
    const r = await open(after);
    expect(r.logEndOffset).toBe(0);
    await r.close();
  });

  it('flush.ms fsyncs on the clock', async () => {
    const io = new FaultyFileIO();
    const clock = new ManualClock(0);
    const p = await open(io, { 'flush.ms': 100 }, clock);
    await p.appendRecords([rec('a')]);
    expect(io.unsyncedBytes(ACTIVE)).toBeGreaterThan(0);
    clock.advance(100);
    for (let i = 0; i < 20 && io.unsyncedBytes(ACTIVE) > 0; i++) await new Promise((r) => setImmediate(r));
    expect(io.unsyncedBytes(ACTIVE)).toBe(0);
    await p.close();
  });

  it('a failed fsync fails that partition with a typed error; reads of durable data and other partitions keep working', async () => {
    const io = new FaultyFileIO();
    const cfg = topicConfig();
    const clock = new ManualClock(0);
    const p0 = await openPartition({
      dir: '/data/t-0',
      topic: 't',
      partition: 0,
      config: cfg,
      io,
      clock,
      cleanShutdown: false,
    });
    const p1 = await openPartition({
      dir: '/data/t-1',
      topic: 't',
      partition: 1,
      config: cfg,
      io,
      clock,
      cleanShutdown: false,
    });
    await p0.appendRecords([rec('durable')]);
    io.failNextFsync('/data/t-0/');
    const pending = [p0.appendRecords([rec('x')]), p0.appendRecords([rec('y')])];
    const results = await Promise.allSettled(pending);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'FSYNC_FAILED', kafkaCode: 56 });
    }
    await expect(p0.appendRecords([rec('later')])).rejects.toMatchObject({ code: 'PARTITION_FAILED' });
    expect(p0.failed?.code).toBe('FSYNC_FAILED');
    expect(p0.highWatermark).toBe(1);
    expect((await readAll(p0)).map((r) => r.value)).toEqual(['durable']);
    const ok = await p1.appendRecords([rec('fine')]);
    expect(ok.baseOffset).toBe(0);
    await p0.close();
    await p1.close();
    // Nothing is lost: the acknowledged record survives a crash and the partition reopens.
    const { io: after } = io.crash({ mode: 'tear-last-write', seed: 9 });
    const again = await openPartition({
      dir: '/data/t-0',
      topic: 't',
      partition: 0,
      config: cfg,
      io: after,
      clock,
      cleanShutdown: false,
    });
    expect((await readAll(again)).map((r) => r.value).slice(0, 1)).toEqual(['durable']);
    await again.close();
  });

  it('ENOSPC fails the partition with DISK_FULL, never silently retried', async () => {
    const io = new FaultyFileIO();
    const p = await open(io);
    await p.appendRecords([rec('a')]);
    io.setDiskFull(true);
    const err = await p.appendRecords([rec('b')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LogError);
    expect(err).toMatchObject({ code: 'DISK_FULL', kafkaCode: 56 });
    io.setDiskFull(false);
    await expect(p.appendRecords([rec('c')])).rejects.toMatchObject({ code: 'PARTITION_FAILED' });
    expect((await readAll(p)).map((r) => r.value)).toEqual(['a']);
    await p.close();
    const q = await open(io);
    expect((await readAll(q)).map((r) => r.value)).toEqual(['a']);
    await q.appendRecords([rec('d')]);
    expect((await readAll(q)).map((r) => r.value)).toEqual(['a', 'd']);
    await q.close();
  });

  it('detects corruption before the tail on read, naming the file and offset, and never serves it', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 250 });
    for (let i = 0; i < 8; i++) await p.appendRecords([rec(`value-${i}`.padEnd(40, '.'))]);
    await p.close();
    // Flip a byte inside the second batch of the first (inactive, before the recovery point) segment.
    const seg = '/data/t-0/00000000000000000000.log';
    const first = (await io.readFile(seg)).readInt32BE(8) + 12;
    io.corrupt(seg, first + 70, Buffer.from([0xee]));
    const q = await open(io, { 'segment.bytes': 250 });
    expect(q.recovery.segmentsRecovered).toBe(0);
    expect((await q.read(0, { maxBytes: 1 })).batches.length).toBeGreaterThan(0);
    const err = await q.read(1).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CORRUPT_MESSAGE' });
    expect((err as Error).message).toContain(seg);
    expect((err as Error).message).toContain('offset 1');
    await expect(q.read(0)).rejects.toMatchObject({ code: 'CORRUPT_MESSAGE' });
    await q.close();
  });

  it('truncates a torn tail and rebuilds missing indexes after an unclean stop', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 300, 'index.interval.bytes': 50 });
    for (let i = 0; i < 12; i++) await p.appendRecords([rec(`v${i}`.padEnd(30, '.'), null, 1000 + i)]);
    // No close: an unclean stop. Append garbage to the active segment and drop an index.
    const names = (await io.readdir('/data/t-0')).filter((n) => n.endsWith('.log'));
    const active = `/data/t-0/${names[names.length - 1]!}`;
    const h = await io.open(active, 'rw');
    await h.write(Buffer.alloc(40, 7), await h.size());
    await h.sync();
    await h.close();
    await io.unlink(`/data/t-0/${names[0]!.replace('.log', '.index')}`);
    await io.syncDir('/data/t-0');
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    const q = await open(after, { 'segment.bytes': 300, 'index.interval.bytes': 50 });
    expect(q.recovery.truncatedBytes).toBe(40);
    expect((await readAll(q)).map((r) => r.offset)).toEqual([...Array(12).keys()]);
    expect((await q.offsetForTimestamp(1003))?.offset).toBe(3);
    expect(await after.exists(`/data/t-0/${names[0]!.replace('.log', '.index')}`)).toBe(true);
    await q.close();
  });

  it('a power cut before the fsync of an append tears its write; reopen truncates the torn tail', async () => {
    let torn = 0;
    for (let seed = 0; seed < 10; seed++) {
      const io = new FaultyFileIO();
      const clock = new ManualClock(0);
      const p = await open(io, { 'rill.group.commit.ms': 5 }, clock);
      const kept = p.appendRecords([rec('kept')]);
      for (let i = 0; i < 50 && p.highWatermark < 1; i++) {
        clock.advance(5);
        await new Promise((r) => setImmediate(r));
      }
      await kept;
      expect(p.highWatermark).toBe(1);
      const unacked = p.appendRecords([rec('x'.repeat(200))]);
      for (let i = 0; i < 50 && io.unsyncedBytes(ACTIVE) === 0; i++)
        await new Promise((r) => setImmediate(r));
      const crash = io.crash({ mode: 'tear-last-write', seed });
      clock.advance(5);
      await expect(unacked).rejects.toBeInstanceOf(Error);
      const q = await open(crash.io);
      if (crash.tornFiles.includes(ACTIVE) && q.recovery.truncatedBytes > 0) torn++;
      expect((await readAll(q)).map((r) => r.value)).toEqual(['kept']);
      await q.close();
    }
    expect(torn).toBeGreaterThan(5);
  });

  it('an fsync failing while rolling a segment fails the partition with FSYNC_FAILED', async () => {
    const io = new FaultyFileIO();
    const p = await open(io, { 'segment.bytes': 200, 'flush.messages': LONG_MAX, 'flush.ms': LONG_MAX });
    await p.appendRecords([rec('a'.repeat(60))]);
    io.failNextFsync('00000000000000000000.log');
    await expect(p.appendRecords([rec('b'.repeat(120))])).rejects.toMatchObject({ code: 'FSYNC_FAILED' });
    expect(p.failed?.code).toBe('FSYNC_FAILED');
    await expect(p.appendRecords([rec('c')])).rejects.toMatchObject({ code: 'PARTITION_FAILED' });
    expect((await readAll(p)).map((r) => r.value)).toEqual(['a'.repeat(60)]);
    await p.close();
  });
});
