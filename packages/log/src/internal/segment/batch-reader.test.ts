import { encodeRecordBatch, setBaseOffset, verifyBatchCrc } from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { BatchReader, type ScanStep } from './batch-reader.js';

async function fileOf(batches: Buffer[], tail: Buffer = Buffer.alloc(0)): Promise<FaultyFileIO> {
  const io = new FaultyFileIO();
  await io.mkdir('/r');
  const h = await io.open('/r/f', 'rw');
  await h.write(Buffer.concat([...batches, tail]), 0);
  return io;
}

function batches(n: number): Buffer[] {
  let next = 0;
  return Array.from({ length: n }, (_, i) => {
    const b = encodeRecordBatch({
      records: Array.from({ length: 1 + (i % 3) }, (_, j) => ({
        key: null,
        value: Buffer.alloc(10 * i + j, 2),
        timestamp: i,
      })),
    });
    setBaseOffset(b, next);
    next += 1 + (i % 3);
    return b;
  });
}

async function scan(
  io: FaultyFileIO,
  size: number,
  chunk: number,
  readAhead = false,
): Promise<{ steps: ScanStep[]; crcOk: number }> {
  const h = await io.open('/r/f', 'r');
  const r = new BatchReader(h, 0, size, chunk, readAhead);
  const steps: ScanStep[] = [];
  let crcOk = 0;
  for (;;) {
    const s = r.tryNext() ?? (await r.next());
    steps.push(s);
    if (s.kind !== 'batch') break;
    verifyBatchCrc(
      r.tryBytes(s.batch.position, s.batch.size) ?? (await r.bytes(s.batch.position, s.batch.size)),
    );
    crcOk++;
  }
  return { steps, crcOk };
}

describe('BatchReader', () => {
  it('returns the same batches whatever the chunk size, across chunk boundaries', async () => {
    const bs = batches(25);
    const total = bs.reduce((a, b) => a + b.length, 0);
    const io = await fileOf(bs);
    const reference = await scan(io, total, 1 << 20);
    expect(reference.crcOk).toBe(25);
    expect(reference.steps.at(-1)).toEqual({ kind: 'end' });
    for (const chunk of [1, 61, 100, 333, 1000]) {
      expect(await scan(io, total, chunk)).toEqual(reference);
      expect(await scan(io, total, chunk, true)).toEqual(reference);
    }
  });

  it('reports a truncated header, a batch running past the end, and a bad magic as invalid', async () => {
    const bs = batches(3);
    const total = bs.reduce((a, b) => a + b.length, 0);
    const io = await fileOf(bs, Buffer.alloc(30, 1));
    expect(await scan(io, total + 30, 64, true)).toEqual(await scan(io, total + 30, 64));
    const torn = await scan(io, total + 30, 64);
    expect(torn.steps.at(-1)).toMatchObject({ kind: 'invalid', position: total });
    const cut = await scan(io, total - 5, 64);
    expect(cut.steps.at(-1)).toMatchObject({ kind: 'invalid', position: total - bs[2]!.length });
    io.corrupt('/r/f', bs[0]!.length + 16, Buffer.from([7]));
    const magic = await scan(io, total, 1 << 20);
    expect(magic.steps.at(-1)).toMatchObject({ kind: 'invalid', reason: 'unknown magic 7' });
  });
});
