/**
 * Record-batch hot paths. Prints one JSON line per scenario, each with a baseline measured
 * in the same run: `encode-100b` vs copying the same key/value bytes into one buffer, and
 * `scan-100b` (forEachRecord with CRC, reading offset/timestamp/key/value) vs a bare
 * CRC32C pass over the same bytes. BENCH_SCALE=smoke runs a few iterations only.
 */
import { crc32c } from '@node-rs/crc32';
import { encodeRecordBatch, forEachRecord, type RecordInput } from '../src/index.js';

const smoke = process.env.BENCH_SCALE === 'smoke';
const BATCH = 1000;
const ROUNDS = smoke ? 20 : 5000;

const records: RecordInput[] = Array.from({ length: BATCH }, (_, i) => ({
  key: Buffer.alloc(16, i & 0xff),
  value: Buffer.alloc(100, (i * 7) & 0xff),
  timestamp: 1_700_000_000_000 + i,
}));
const batch = encodeRecordBatch({ records });
let peakRss = process.memoryUsage().rss;

function rate(fn: () => void): number {
  for (let i = 0; i < Math.min(ROUNDS, 200); i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return (ROUNDS * BATCH) / seconds;
}

function report(bench: string, recordsPerS: number, baseline: string, baselinePerS: number): void {
  const line = {
    bench,
    records_per_s: Math.round(recordsPerS),
    mb_per_s: Math.round(((recordsPerS * batch.length) / BATCH / 1e6) * 10) / 10,
    baseline,
    baseline_records_per_s: Math.round(baselinePerS),
    ratio: Math.round((recordsPerS / baselinePerS) * 1000) / 1000,
    peak_rss_mb: Math.round(peakRss / 1e6),
    scale: smoke ? 'smoke' : 'full',
  };
  console.log(JSON.stringify(line));
}

let sink = 0;
const encode = rate(() => {
  sink += encodeRecordBatch({ records }).length;
});
const copy = rate(() => {
  const out = Buffer.allocUnsafe(batch.length);
  let p = 61;
  for (const r of records) {
    out.set(r.key!, p);
    p += 16;
    out.set(r.value!, p);
    p += 100;
  }
  sink += out[p - 1]!;
});
report('encode-100b', encode, 'copy key/value bytes into one buffer', copy);

const scan = rate(() => {
  forEachRecord(batch, (r) => {
    sink += r.offset + r.timestamp + r.key!.length + r.value!.length;
  });
});
const crcOnly = rate(() => {
  sink += crc32c(batch.subarray(21));
});
report('decode-100b', scan, 'crc32c over the batch bytes', crcOnly);

if (sink === 0) console.error('unreachable: keeps the work observable');
