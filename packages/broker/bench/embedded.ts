/** The embedded-API baselines: the same workload through LogEngine, no network. */
import { join } from 'node:path';
import { LogEngine } from '@rill/log';
import {
  BASE_OFFSET_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  forEachRecord,
  splitBatches,
  type RecordInput,
} from '@rill/protocol';
import { scratchDir } from 'rill-bench-kit';

/** Appends `count` records of `valueSize` bytes in batches of `batch`; records/s. */
export async function embeddedAppend(count: number, valueSize: number, batch: number): Promise<number> {
  const { dir, cleanup } = scratchDir('embedded');
  const engine = await LogEngine.open({ dataDir: join(dir, 'log') });
  try {
    await engine.createTopic('bench', { partitions: 1 });
    const value = Buffer.alloc(valueSize, 120);
    const t0 = performance.now();
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < count; i += batch) {
      const records: RecordInput[] = [];
      for (let j = i; j < Math.min(count, i + batch); j++)
        records.push({ key: null, value, timestamp: 1_700_000_000_000 + j });
      inFlight.push(engine.appendToPartition('bench', 0, records));
      if (inFlight.length >= 16) await inFlight.shift();
    }
    await Promise.all(inFlight);
    return count / ((performance.now() - t0) / 1000);
  } finally {
    await engine.close();
    cleanup();
  }
}

/** Appends `count` records, then times a full scan with lazy record views; records/s of the scan. */
export async function embeddedScan(count: number, valueSize: number): Promise<number> {
  const { dir, cleanup } = scratchDir('embedded-scan');
  const engine = await LogEngine.open({ dataDir: join(dir, 'log') });
  try {
    await engine.createTopic('bench', { partitions: 1 });
    const value = Buffer.alloc(valueSize, 120);
    for (let i = 0; i < count; i += 1000) {
      const records: RecordInput[] = [];
      for (let j = i; j < Math.min(count, i + 1000); j++) records.push({ key: null, value, timestamp: 1 });
      await engine.appendToPartition('bench', 0, records);
    }
    const t0 = performance.now();
    let seen = 0;
    let offset = 0;
    while (seen < count) {
      const { batches } = await engine.read('bench', 0, offset, { maxBytes: 1 << 20 });
      for (const b of splitBatches(batches)) {
        forEachRecord(b, (r) => {
          if (r.offset >= offset) seen++;
        });
        offset = Number(b.readBigInt64BE(BASE_OFFSET_OFFSET)) + b.readInt32BE(LAST_OFFSET_DELTA_OFFSET) + 1;
      }
    }
    return count / ((performance.now() - t0) / 1000);
  } finally {
    await engine.close();
    cleanup();
  }
}
