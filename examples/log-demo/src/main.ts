import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from './demo.js';

const dataDir = await mkdtemp(join(tmpdir(), 'rill-demo-'));
try {
  const report = await runDemo({ dataDir, records: 100_000, log: (line) => console.log(line) });
  if (report.readBack !== report.appended || report.afterReopen !== report.appended) {
    throw new Error(`demo lost data: ${JSON.stringify(report)}`);
  }
  console.log('demo ok');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
