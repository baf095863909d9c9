/**
 * @rill/log benchmarks. `npm run bench` (full size) or `BENCH_SCALE=smoke npm run bench`.
 * Each scenario runs in its own process and prints one JSON line.
 */
import { main } from 'rill-bench-kit';
import { append100b, append1kb, scan100b } from './append-scan.js';
import { recover1gb } from './recover.js';
import { compact1gb } from './compact.js';
import { txnAppend } from './txn-append.js';

await main(
  {
    'append-100b': append100b,
    'scan-100b': scan100b,
    'append-1kb': append1kb,
    'compact-1gb': compact1gb,
    'recover-1gb': recover1gb,
    'txn-append': txnAppend,
  },
  import.meta.filename,
);
