/**
 * compact-1gb: a 1 GB compacted log with 100K distinct keys (written by a child process so its
 * memory is not counted), compacted in this process: seconds, peak RSS against the dedupe
 * buffer + 64 MB budget, and a raw CRC scan of the same segments as the baseline.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LogEngine } from '@rill/log';
import { emit, peakRssMb, scratchDir, sized } from 'rill-bench-kit';
import { rawCrcScan, segmentFiles } from './raw-baseline.js';

const DEDUPE_BUFFER = 128 << 20;

export async function compact1gb(): Promise<void> {
  const { dir, cleanup } = scratchDir('compact');
  try {
    const bytes = sized(24 << 20, 1 << 30);
    const keys = sized(5_000, 100_000);
    const dataDir = join(dir, 'log');
    const w = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        join(import.meta.dirname, 'compact-writer.ts'),
        dataDir,
        String(bytes),
        String(keys),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (w.status !== 0) throw new Error(`writer failed with ${w.status}`);
    const files = segmentFiles(join(dataDir, 'compact-0'));
    const raw = rawCrcScan(files.slice(0, -1));

    const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
    const engine = await LogEngine.open({
      dataDir,
      brokerConfig: { 'log.cleaner.enable': false, 'log.cleaner.dedupe.buffer.size': DEDUPE_BUFFER },
    });
    const started = performance.now();
    const stats = await engine.compact('compact', 0);
    const seconds = (performance.now() - started) / 1000;
    await engine.close();
    const after = segmentFiles(join(dataDir, 'compact-0'));
    emit({
      bench: 'compact-1gb',
      seconds,
      mb_per_s: bytes / 1e6 / seconds,
      baseline: 'raw 4 MiB reads + CRC32C per batch of the same closed segments',
      baseline_mb_per_s: bytes / 1e6 / raw.seconds,
      ratio: raw.seconds / seconds,
      dedupe_buffer_mb: DEDUPE_BUFFER / 2 ** 20,
      rss_budget_mb: DEDUPE_BUFFER / 2 ** 20 + 64,
      rss_before_open_mb: rssBefore,
      peak_rss_mb: peakRssMb(),
      // What compaction adds on top of the Node/tsx process it runs in; compared to rss_budget_mb.
      rss_growth_mb: peakRssMb() - rssBefore,
      distinct_keys: keys,
      segments_before: files.length,
      segments_after: after.length,
      stats,
    });
  } finally {
    cleanup();
  }
}
