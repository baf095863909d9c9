/**
 * recover-1gb: reopen after an unclean stop with a 1 GB active segment (tail validated batch
 * by batch), against a raw CRC scan of the same file; then a clean restart of the same log.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LogEngine } from '@rill/log';
import { emit, scratchDir, sized } from 'rill-bench-kit';
import { rawCrcScan, segmentFiles } from './raw-baseline.js';

export async function recover1gb(): Promise<void> {
  const { dir, cleanup } = scratchDir('recover');
  try {
    const bytes = sized(20 << 20, 1 << 30);
    const dataDir = join(dir, 'log');
    // The writer fills one active segment and is killed without closing (an unclean stop).
    const w = spawnSync(
      process.execPath,
      [...process.execArgv, join(import.meta.dirname, 'recover-writer.ts'), dataDir, String(bytes)],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (w.signal !== 'SIGKILL')
      throw new Error(`writer ended with ${w.status}/${w.signal}, expected SIGKILL`);
    const files = segmentFiles(join(dataDir, 'recover-0'));
    if (files.length !== 1) throw new Error(`expected one active segment, found ${files.length}`);

    const raw = rawCrcScan(files);
    let started = performance.now();
    const engine = await LogEngine.open({ dataDir });
    const recoverSeconds = (performance.now() - started) / 1000;
    const end = engine.offsets('recover', 0).logEndOffset;
    if (end !== raw.records) throw new Error(`recovered ${end} records, raw scan saw ${raw.records}`);
    await engine.close();

    started = performance.now();
    const clean = await LogEngine.open({ dataDir });
    const cleanSeconds = (performance.now() - started) / 1000;
    await clean.close();

    emit({
      bench: 'recover-1gb',
      seconds: recoverSeconds,
      mb_per_s: bytes / 1e6 / recoverSeconds,
      records_per_s: raw.records / recoverSeconds,
      baseline: 'raw 4 MiB reads + CRC32C per batch of the same segment file',
      baseline_mb_per_s: bytes / 1e6 / raw.seconds,
      ratio: raw.seconds / recoverSeconds,
      clean_restart_seconds: cleanSeconds,
      records: raw.records,
    });
  } finally {
    cleanup();
  }
}
