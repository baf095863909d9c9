import { encodeRecordBatch, setBaseOffset } from '@rill/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { FdCache } from './fd-cache.js';
import { type AppendedBatch, LogSegment, type SegmentContext } from './log-segment.js';
import { recoverSegment } from './segment-recovery.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

interface ModelBatch {
  readonly base: number;
  readonly last: number;
  readonly pos: number;
  readonly size: number;
  readonly maxTs: number;
}

async function build(
  spec: { count: number; pad: number; ts: number }[],
  interval: number,
  base = 100,
): Promise<{ seg: LogSegment; ctx: SegmentContext; io: FaultyFileIO; model: ModelBatch[] }> {
  const io = new FaultyFileIO();
  await io.mkdir('/s');
  const ctx: SegmentContext = { dir: '/s', io, fds: new FdCache(io, 4), indexIntervalBytes: () => interval };
  const seg = await LogSegment.create(ctx, base);
  const model: ModelBatch[] = [];
  let next = base;
  for (const b of spec) {
    const buf = encodeRecordBatch({
      records: Array.from({ length: b.count }, (_, i) => ({
        key: null,
        value: Buffer.alloc(b.pad, 1),
        timestamp: b.ts + i,
      })),
    });
    setBaseOffset(buf, next);
    const batch: AppendedBatch = {
      relPos: 0,
      size: buf.length,
      baseOffset: next,
      lastOffset: next + b.count - 1,
      maxTimestamp: b.ts + b.count - 1,
    };
    model.push({
      base: next,
      last: batch.lastOffset,
      pos: seg.size,
      size: buf.length,
      maxTs: batch.maxTimestamp,
    });
    await seg.append(buf, [batch], 0);
    next += b.count;
  }
  return { seg, ctx, io, model };
}

const specArb = fc.array(
  fc.record({
    count: fc.integer({ min: 1, max: 5 }),
    pad: fc.integer({ min: 0, max: 120 }),
    ts: fc.integer({ min: 0, max: 1000 }),
  }),
  { minLength: 1, maxLength: 30 },
);

function expectedRead(
  model: ModelBatch[],
  offset: number,
  maxBytes: number,
  maxOffset: number,
): [number, number] | null {
  const first = model.findIndex((b) => b.last >= offset);
  if (first < 0 || model[first]!.last >= maxOffset) return null;
  let end = first + 1;
  let bytes = model[first]!.size;
  while (end < model.length && model[end]!.last < maxOffset && bytes + model[end]!.size <= maxBytes)
    bytes += model[end++]!.size;
  return [model[first]!.pos, bytes];
}

describe('LogSegment', () => {
  it('reads match a linear scan for any offset, byte limit and index interval', async () => {
    await fc.assert(
      fc.asyncProperty(
        specArb,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.nat(),
        async (spec, interval, maxBytes, pick) => {
          const { seg, model } = await build(spec, interval);
          const end = model.at(-1)!.last + 1;
          const offset = 100 + (pick % (end - 100 + 1));
          const maxOffset = 100 + ((pick >> 3) % (end - 100 + 1)) + 1;
          const got = await seg.read(offset, maxBytes, maxOffset, true);
          const want = expectedRead(model, offset, maxBytes, maxOffset);
          if (want === null) expect(got).toBeNull();
          else {
            expect(got).not.toBeNull();
            expect(got!.length).toBe(want[1]);
            expect(Number(got!.readBigInt64BE(0))).toBe(model.find((b) => b.pos === want[0])!.base);
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it('finds the first batch reaching a timestamp through the time index', async () => {
    await fc.assert(
      fc.asyncProperty(
        specArb,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: -5, max: 1100 }),
        async (spec, interval, ts) => {
          const { seg, model } = await build(spec, interval);
          const got = await seg.findBatchByTimestamp(ts, Number.MAX_SAFE_INTEGER, 0);
          const want = model.find((b) => b.maxTs >= ts);
          expect(got === null ? null : Number(got.readBigInt64BE(0))).toBe(want?.base ?? null);
        },
      ),
      { numRuns: runs },
    );
  });

  it('persists indexes, reloads them lazily, and rebuilds them when damaged', async () => {
    const spec = Array.from({ length: 20 }, (_, i) => ({ count: 2, pad: 50, ts: 10 * i }));
    const { seg, ctx, io, model } = await build(spec, 100);
    await seg.makeInactive();
    const reloaded = new LogSegment(ctx, 100, seg.size);
    expect(await reloaded.ensureIndexes(1000)).toBe(true);
    expect([reloaded.nextOffset, reloaded.maxTimestamp]).toEqual([140, 191]);
    expect(reloaded.offsetIndex!.entries).toBe(seg.offsetIndex!.entries);
    io.corrupt(reloaded.indexPath, 4, Buffer.from([9, 9]));
    const rebuilt = new LogSegment(ctx, 100, seg.size);
    expect(await rebuilt.ensureIndexes(1000)).toBe(true);
    expect(rebuilt.offsetIndex!.entries).toBe(seg.offsetIndex!.entries);
    expect((await rebuilt.read(117, 1, 1000, true))!.readBigInt64BE(0)).toBe(BigInt(model[8]!.base));
    expect((await io.readFile(reloaded.indexPath)).readUInt16BE(4)).toBe(1);
  });

  it('recovery truncates at the first torn, corrupt or out-of-order batch', async () => {
    const spec = Array.from({ length: 6 }, () => ({ count: 3, pad: 20, ts: 5 }));
    for (const damage of ['garbage', 'crc', 'partial'] as const) {
      const { seg, ctx, io, model } = await build(spec, 50);
      await seg.sync();
      const keep = model[3]!.pos;
      if (damage === 'garbage') {
        const h = await io.open(seg.logPath, 'rw');
        await h.write(Buffer.alloc(30, 0xab), seg.size);
        await h.close();
      } else if (damage === 'crc') io.corrupt(seg.logPath, keep + 70, Buffer.from([0x55]));
      else seg.size = keep + 40;
      const fresh = new LogSegment(ctx, 100, damage === 'garbage' ? seg.size + 30 : seg.size);
      const r = await recoverSegment(fresh, ctx, 100);
      const validEnd = damage === 'garbage' ? seg.size : keep;
      expect(fresh.size, damage).toBe(validEnd);
      expect(r.truncatedBytes).toBeGreaterThan(0);
      expect(r.reason).not.toBeNull();
      expect(fresh.nextOffset).toBe(damage === 'garbage' ? 118 : model[3]!.base);
    }
  });
});
