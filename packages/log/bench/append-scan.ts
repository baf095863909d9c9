/** append-100b, append-1kb and scan-100b. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { LogEngine, NodeFileIO } from '@rill/log';
import { forEachRecord, splitBatches, type RecordInput } from '@rill/protocol';
import { emit, scratchDir, sized } from 'rill-bench-kit';
import { rawCrcScan, replayWrites, segmentFiles, type IoTrace } from './raw-baseline.js';
import { tracingIO } from './tracing-io.js';

const BATCH = 1000;
/** 1 KiB records go in batches of 500 so a batch stays under max.message.bytes (1 MiB). */
const BATCH_1KB = 500;
/** Appends in flight at once, as a pipelining producer keeps them. */
const IN_FLIGHT = 16;

function makeBatches(records: number, valueSize: number): RecordInput[][] {
  const size = valueSize >= 1024 ? BATCH_1KB : BATCH;
  const batches: RecordInput[][] = [];
  const values = randomBytes(valueSize * 64);
  for (let i = 0; i < records; i += size) {
    const batch: RecordInput[] = [];
    for (let j = i; j < Math.min(records, i + size); j++) {
      const key = Buffer.alloc(16);
      key.writeUInt32BE(j, 12);
      const v = (j % 64) * valueSize;
      batch.push({ key, value: values.subarray(v, v + valueSize), timestamp: 1_700_000_000_000 + j });
    }
    batches.push(batch);
  }
  return batches;
}

async function appendAll(engine: LogEngine, topic: string, batches: RecordInput[][]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await engine.appendToPartition(topic, 0, batch);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return (performance.now() - started) / 1000;
}

async function appendScenario(
  name: string,
  records: number,
  valueSize: number,
  scan: boolean,
): Promise<void> {
  const { dir, cleanup } = scratchDir(name);
  try {
    const batches = makeBatches(records, valueSize);
    const trace: IoTrace = [];
    const engine = await LogEngine.open({
      dataDir: join(dir, 'log'),
      io: tracingIO(new NodeFileIO(), trace),
    });
    await engine.createTopic('bench', { partitions: 1 });
    const seconds = await appendAll(engine, 'bench', batches);
    const partitionDir = join(dir, 'log', 'bench-0');
    const files = segmentFiles(partitionDir);
    let bytes = 0;
    const { statSync, readFileSync } = await import('node:fs');
    for (const f of files) bytes += statSync(f).size;

    if (!scan) {
      await engine.close();
      const source = readFileSync(files[0]!);
      const baselineSeconds = replayWrites(join(dir, 'raw.bin'), trace, source);
      const syncs = trace.filter((s) => s === 'sync').length;
      emit({
        bench: name,
        records_per_s: records / seconds,
        mb_per_s: bytes / 1e6 / seconds,
        baseline: 'raw writes of the same bytes, write sizes and fdatasync points',
        baseline_records_per_s: records / baselineSeconds,
        baseline_mb_per_s: bytes / 1e6 / baselineSeconds,
        ratio: baselineSeconds / seconds,
        records,
        bytes,
        writes: trace.length - syncs,
        fsyncs: syncs,
      });
      return;
    }

    // scan: read the partition from offset 0, CRC-verified, visiting every record's fields.
    let seen = 0;
    let checksum = 0;
    const started = performance.now();
    let offset = 0;
    const end = engine.offsets('bench', 0).highWatermark;
    while (offset < end) {
      const { batches: bytesRead } = await engine.read('bench', 0, offset, { maxBytes: 4 << 20 });
      for (const batch of splitBatches(bytesRead)) {
        forEachRecord(
          batch,
          (r) => {
            if (r.offset < offset) return;
            seen++;
            checksum += r.offset + r.timestamp + (r.key?.length ?? 0) + (r.value?.length ?? 0);
            offset = r.offset + 1;
            // engine.read verified every batch's CRC before serving it
          },
          { verifyCrc: false },
        );
      }
    }
    const seconds2 = (performance.now() - started) / 1000;
    await engine.close();
    if (seen !== records) throw new Error(`scan saw ${seen} of ${records}`);
    const raw = rawCrcScan(files);
    emit({
      bench: 'scan-100b',
      records_per_s: records / seconds2,
      mb_per_s: bytes / 1e6 / seconds2,
      baseline: 'raw 4 MiB reads of the same segment files with CRC32C per batch (no record decoding)',
      baseline_records_per_s: raw.records / raw.seconds,
      ratio: raw.seconds / seconds2,
      records,
      checksum,
      append_records_per_s: records / seconds,
    });
  } finally {
    cleanup();
  }
}

export const append100b = () => appendScenario('append-100b', sized(50_000, 5_000_000), 100, false);
export const scan100b = () => appendScenario('scan-100b', sized(50_000, 5_000_000), 100, true);
export const append1kb = () => appendScenario('append-1kb', sized(10_000, 1_000_000), 1024, false);
