/** kcat-produce and kcat-consume: librdkafka through the broker, 100-byte messages. */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger, startBroker, type RunningBroker } from '@rill/broker';
import { embeddedAppend, embeddedScan } from './embedded.js';
import { emit, measured, scratchDir, sized } from 'rill-bench-kit';

const N = sized(20_000, 1_000_000);
const VALUE = 100;

/** Runs kcat; resolves with the bytes it printed on stdout. */
function kcat(args: string[], inputFile?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, {
      stdio: [inputFile === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
    });
    let bytes = 0;
    child.stdout!.on('data', (d: Buffer) => (bytes += d.length));
    if (inputFile !== undefined) createReadStream(inputFile).pipe(child.stdin!);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(bytes) : reject(new Error(`kcat exited with ${code}`)),
    );
  });
}

const PRODUCER_OPTS = [
  '-X',
  'linger.ms=5',
  '-X',
  'batch.num.messages=10000',
  '-X',
  'queue.buffering.max.messages=1000000',
];

/**
 * librdkafka reports the end of a partition only after an empty fetch at the high watermark,
 * which waits `fetch.wait.max.ms` (default 500 ms) on any broker; 10 ms keeps that fixed cost
 * out of the throughput figure.
 */
const CONSUMER_ARGS = ['-C', '-o', 'beginning', '-e', '-q', '-f', '%s\\n', '-X', 'fetch.wait.max.ms=10'];

async function withBroker<T>(name: string, fn: (b: RunningBroker, dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = scratchDir(name);
  const broker = await startBroker({
    dataDir: join(dir, 'log'),
    port: 0,
    logger: silentLogger,
    config: { 'offsets.topic.num.partitions': 1, 'transaction.state.log.num.partitions': 1 },
  });
  try {
    return await fn(broker, dir);
  } finally {
    await broker.close();
    cleanup();
  }
}

/** A file of `n` lines of `size` bytes (newline included), written in 1 MiB pieces. */
function inputFile(dir: string, n: number, size: number): string {
  const perChunk = Math.max(1, Math.floor((1 << 20) / size));
  const chunk = Buffer.from(`${'x'.repeat(size - 1)}\n`.repeat(perChunk));
  const file = join(dir, 'input.txt');
  const fd = openSync(file, 'w');
  try {
    for (let left = n; left > 0; left -= perChunk) writeSync(fd, chunk, 0, Math.min(left, perChunk) * size);
  } finally {
    closeSync(fd);
  }
  return file;
}

export async function kcatProduce(): Promise<void> {
  await withBroker('kcat-produce', async (b, dir) => {
    const file = inputFile(dir, N, VALUE);
    const { seconds, cpuSeconds } = await measured(() =>
      kcat(['-P', '-b', `127.0.0.1:${b.port}`, '-t', 'bench', ...PRODUCER_OPTS], file),
    );
    const embedded = await embeddedAppend(N, VALUE - 1, 1000);
    const rate = N / seconds;
    emit({
      bench: 'kcat-produce',
      records_per_s: rate,
      mb_per_s: (N * VALUE) / seconds / 1e6,
      seconds,
      broker_cpu_share: cpuSeconds / seconds,
      baseline: 'embedded appendToPartition, 1000-record batches',
      baseline_records_per_s: embedded,
      ratio: rate / embedded,
      target_records_per_s: 300_000,
    });
  });
}

export async function kcatConsume(): Promise<void> {
  await withBroker('kcat-consume', async (b, dir) => {
    const file = inputFile(dir, N, VALUE);
    await kcat(['-P', '-b', `127.0.0.1:${b.port}`, '-t', 'bench', ...PRODUCER_OPTS], file);
    const {
      result: bytes,
      seconds,
      cpuSeconds,
    } = await measured(() => kcat([...CONSUMER_ARGS, '-b', `127.0.0.1:${b.port}`, '-t', 'bench']));
    if (bytes !== N * VALUE) throw new Error(`consumed ${bytes} bytes, expected ${N * VALUE}`);
    const embedded = await embeddedScan(N, VALUE - 1);
    const rate = N / seconds;
    emit({
      bench: 'kcat-consume',
      records_per_s: rate,
      mb_per_s: bytes / seconds / 1e6,
      seconds,
      broker_cpu_share: cpuSeconds / seconds,
      baseline: 'embedded read + forEachRecord scan',
      baseline_records_per_s: embedded,
      ratio: rate / embedded,
      target_records_per_s: 500_000,
    });
  });
}

/** Broker RSS after producing and serving a log of `sized(64 MB, 2 GB)` in 1 KiB messages. */
export async function rssAfterLog(): Promise<void> {
  const total = sized(64, 2048) * 1024 * 1024;
  const size = 1024;
  await withBroker('rss', async (b, dir) => {
    const n = Math.floor(total / size);
    const file = inputFile(dir, n, size);
    const { seconds } = await measured(async () => {
      await kcat(['-P', '-b', `127.0.0.1:${b.port}`, '-t', 'big', ...PRODUCER_OPTS], file);
      const bytes = await kcat([
        '-C',
        '-b',
        `127.0.0.1:${b.port}`,
        '-t',
        'big',
        '-o',
        'beginning',
        '-e',
        '-q',
        '-f',
        '%s\\n',
      ]);
      if (bytes !== n * size) throw new Error(`consumed ${bytes} bytes, expected ${n * size}`);
    });
    const rss = process.memoryUsage().rss / 1024 / 1024;
    emit({
      bench: 'broker-rss-after-log',
      log_mb: total / 1024 / 1024,
      rss_mb: rss,
      seconds,
      baseline: 'none',
      ratio: null,
      target_rss_mb: 300,
    });
  });
}
