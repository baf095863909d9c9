/**
 * Child process for the crash test: appends forever to a topic and prints one line per
 * acknowledged append ("ack <partition> <baseOffset> <lastOffset> <firstSeq>") on stdout.
 * The parent SIGKILLs it at a random moment.
 */
import { LogEngine } from '@rill/log';

const dataDir = process.argv[2];
const startSeq = Number(process.argv[3] ?? 0);
if (!dataDir) throw new Error('usage: appender <dataDir> <startSeq>');

const engine = await LogEngine.open({ dataDir });
if (!engine.listTopics().includes('crash')) {
  await engine.createTopic('crash', { partitions: 2, configs: { 'segment.bytes': 64 * 1024 } });
}
process.stdout.write('ready\n');
let seq = startSeq;
// Several appends in flight at once, as a real producer pipelines them.
async function producer(partition: number): Promise<void> {
  for (;;) {
    const n = 1 + (seq % 37);
    const first = seq;
    seq += n;
    const records = [];
    for (let i = 0; i < n; i++) {
      records.push({
        key: Buffer.from(`k${first + i}`),
        value: Buffer.from(`v${first + i}:${'x'.repeat((first + i) % 200)}`),
      });
    }
    const r = await engine.appendToPartition('crash', partition, records);
    process.stdout.write(`ack ${partition} ${r.baseOffset} ${r.lastOffset} ${first}\n`);
  }
}
await Promise.all([producer(0), producer(1), producer(0), producer(1)]);
