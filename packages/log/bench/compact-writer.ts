/** Child of compact-1gb: write `bytes` of ~1 KiB records cycling over `keys` distinct keys. */
import { LogEngine } from '@rill/log';
import type { RecordInput } from '@rill/protocol';

const [dataDir, bytesArg, keysArg] = process.argv.slice(2);
const target = Number(bytesArg);
const keys = Number(keysArg);
const engine = await LogEngine.open({ dataDir: dataDir!, brokerConfig: { 'log.cleaner.enable': false } });
await engine.createTopic('compact', {
  partitions: 1,
  configs: { 'cleanup.policy': 'compact', 'segment.bytes': Math.max(1 << 20, Math.floor(target / 8)) },
});
const value = Buffer.alloc(1000, 1);
let written = 0;
let i = 0;
const inflight: Promise<unknown>[] = [];
while (written < target) {
  const batch: RecordInput[] = [];
  for (let j = 0; j < 500; j++, i++) batch.push({ key: Buffer.from(`key-${i % keys}`), value });
  written += 500 * 1030;
  inflight.push(engine.appendToPartition('compact', 0, batch));
  if (inflight.length >= 8) await inflight.shift();
}
await Promise.all(inflight);
await engine.close();
