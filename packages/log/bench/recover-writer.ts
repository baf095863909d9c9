/** Child of recover-1gb: append `bytes` of 1 KiB records into one segment, then SIGKILL itself. */
import { LogEngine } from '@rill/log';
import type { RecordInput } from '@rill/protocol';

const [dataDir, bytesArg] = process.argv.slice(2);
const target = Number(bytesArg);
const engine = await LogEngine.open({ dataDir: dataDir! });
await engine.createTopic('recover', { partitions: 1, configs: { 'segment.bytes': 2_000_000_000 } });
const value = Buffer.alloc(1024, 7);
let written = 0;
let i = 0;
const inflight: Promise<unknown>[] = [];
while (written < target) {
  const batch: RecordInput[] = [];
  for (let j = 0; j < 1000; j++, i++) batch.push({ key: Buffer.from(`key-${i}`), value });
  written += 1000 * 1040;
  inflight.push(engine.appendToPartition('recover', 0, batch));
  if (inflight.length >= 8) await inflight.shift();
}
await Promise.all(inflight);
process.kill(process.pid, 'SIGKILL');
