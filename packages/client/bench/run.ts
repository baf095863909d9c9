/**
 * @rill/client benchmarks: `tsx --conditions=source bench/run.ts [scenario...]`, or with
 * `BENCH_SCALE=smoke` for the quick size. Each scenario runs in its own process and prints one
 * JSON line.
 */
import { main } from 'rill-bench-kit';
import { rebalance10 } from './rebalance.js';

await main({ 'rebalance-10': rebalance10 }, import.meta.filename);
