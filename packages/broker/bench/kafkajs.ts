/** kafkajs-produce (batches of 100) and kafkajs-consume through the broker, 100-byte values. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { silentLogger, startBroker } from '@rill/broker';
import { embeddedAppend, embeddedScan } from './embedded.js';
import { emit, scratchDir, sized } from 'rill-bench-kit';

const N = sized(20_000, 1_000_000);
const VALUE = 100;
const CLIENT = fileURLToPath(new URL('./kafkajs-client.mjs', import.meta.url));

function client(mode: 'produce' | 'consume', bootstrap: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT, mode, bootstrap, 'bench', String(N), String(VALUE)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve((JSON.parse(out.trim()) as { seconds: number }).seconds)
        : reject(new Error(`client exited ${code}`)),
    );
  });
}

async function scenario(mode: 'produce' | 'consume'): Promise<void> {
  const { dir, cleanup } = scratchDir(`kafkajs-${mode}`);
  const broker = await startBroker({
    dataDir: join(dir, 'log'),
    port: 0,
    logger: silentLogger,
    config: {
      'offsets.topic.num.partitions': 1,
      'transaction.state.log.num.partitions': 1,
      'group.initial.rebalance.delay.ms': 0,
    },
  });
  const bootstrap = `127.0.0.1:${broker.port}`;
  try {
    const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bench', numPartitions: 1 }] });
    await admin.disconnect();
    if (mode === 'consume') await client('produce', bootstrap);
    const cpu0 = process.cpuUsage();
    const seconds = await client(mode, bootstrap);
    const cpu = process.cpuUsage(cpu0);
    // The client's wall time covers only its work; the broker's CPU over that span is its share.
    const embedded = mode === 'produce' ? await embeddedAppend(N, VALUE, 100) : await embeddedScan(N, VALUE);
    const rate = N / seconds;
    emit({
      bench: `kafkajs-${mode}`,
      records_per_s: rate,
      seconds,
      broker_cpu_share: (cpu.user + cpu.system) / 1e6 / seconds,
      baseline:
        mode === 'produce'
          ? 'embedded appendToPartition, 100-record batches'
          : 'embedded read + forEachRecord scan',
      baseline_records_per_s: embedded,
      ratio: rate / embedded,
      target_records_per_s: 100_000,
    });
  } finally {
    await broker.close();
    cleanup();
  }
}

export const kafkajsProduce = (): Promise<void> => scenario('produce');
export const kafkajsConsume = (): Promise<void> => scenario('consume');
