/**
 * @rill/broker benchmarks. `tsx --conditions=source bench/run.ts` (full size: 1M messages, a 2 GB
 * log) or with BENCH_SCALE=smoke. Each scenario runs in its own process and prints one JSON line.
 * Needs kcat.
 */
import { main } from 'rill-bench-kit';
import { kafkajsConsume, kafkajsProduce } from './kafkajs.js';
import { kcatConsume, kcatProduce, rssAfterLog } from './kcat.js';

await main(
  {
    'kcat-produce': kcatProduce,
    'kcat-consume': kcatConsume,
    'kafkajs-produce': kafkajsProduce,
    'kafkajs-consume': kafkajsConsume,
    'broker-rss-after-log': rssAfterLog,
  },
  import.meta.filename,
);
