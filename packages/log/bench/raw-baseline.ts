/**
 * Baselines measured in the same run as the log: raw file writes that replay the log's own
 * write sizes and fsync points, and a raw CRC scan of the log's own segment files.
 */
import { closeSync, fdatasyncSync, openSync, readSync, writeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';

/** One entry per write (bytes) or fsync ('sync') the log issued on its segment files. */
export type IoTrace = Array<number | 'sync'>;

/** Replay a trace against a raw file with the same write sizes and fsync cadence; returns seconds. */
export function replayWrites(path: string, trace: IoTrace, source: Buffer): number {
  const fd = openSync(path, 'w');
  let pos = 0;
  const started = performance.now();
  for (const step of trace) {
    if (step === 'sync') {
      fdatasyncSync(fd);
      continue;
    }
    const chunk = source.subarray(pos % source.length, (pos % source.length) + step);
    if (chunk.length < step) {
      writeSync(fd, source.subarray(0, step), 0, step, pos);
    } else {
      writeSync(fd, chunk, 0, step, pos);
    }
    pos += step;
  }
  fdatasyncSync(fd);
  const s = (performance.now() - started) / 1000;
  closeSync(fd);
  return s;
}

/** The `.log` files of a partition directory, in offset order. */
export function segmentFiles(partitionDir: string): string[] {
  return readdirSync(partitionDir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => join(partitionDir, f));
}

/**
 * Read files in 4 MiB chunks and CRC32C every batch (walking the 61-byte headers), as a
 * raw lower bound for "scan with CRC verification". Returns { seconds, batches, records }.
 */
export function rawCrcScan(files: readonly string[]): { seconds: number; batches: number; records: number } {
  const chunkSize = 4 << 20;
  let buf = Buffer.allocUnsafe(chunkSize);
  let batches = 0;
  let records = 0;
  const started = performance.now();
  for (const file of files) {
    const fd = openSync(file, 'r');
    const size = statSync(file).size;
    let filePos = 0;
    let carry = 0;
    while (filePos < size || carry > 0) {
      const n = filePos < size ? readSync(fd, buf, carry, buf.length - carry, filePos) : 0;
      filePos += n;
      const end = carry + n;
      let p = 0;
      while (p + 61 <= end) {
        const len = buf.readInt32BE(p + 8) + 12;
        if (p + len > end) break;
        const crc = buf.readUInt32BE(p + 17);
        if (crc32c(buf.subarray(p + 21, p + len)) !== crc) throw new Error(`crc mismatch in ${file}`);
        records += buf.readInt32BE(p + 57);
        batches++;
        p += len;
      }
      carry = end - p;
      if (carry > 0 && n === 0) break;
      if (carry > 0) {
        if (carry > buf.length / 2) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, p, end);
          buf = bigger;
        } else {
          buf.copy(buf, 0, p, end);
        }
      }
    }
    closeSync(fd);
  }
  return { seconds: (performance.now() - started) / 1000, batches, records };
}
