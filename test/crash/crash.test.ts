/**
 * Process-level crash test: a child appends and reports acknowledged offsets over a pipe;
 * it is SIGKILLed at random points many times; every acknowledged record must survive and
 * the log must reopen cleanly and accept appends again.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, test } from 'vitest';
import { LogEngine } from '@rill/log';
import fc from 'fast-check';

const KILLS = Number(process.env.RILL_CRASH_KILLS ?? 12);
const appender = join(import.meta.dirname, 'appender.ts');

interface Ack {
  partition: number;
  baseOffset: number;
  lastOffset: number;
  firstSeq: number;
}

let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function runUntilKilled(dataDir: string, startSeq: number, killAfterAcks: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', appender, dataDir, String(startSeq)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acks: Ack[] = [];
    const timer = setTimeout(() => reject(new Error('appender made no progress in 60 s')), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, p, b, l, s] = line.split(' ');
      if (kind !== 'ack') return;
      acks.push({ partition: Number(p), baseOffset: Number(b), lastOffset: Number(l), firstSeq: Number(s) });
      if (acks.length === killAfterAcks) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`appender exited on its own (${_code})`));
    });
  });
}

test(`acknowledged records survive ${KILLS} SIGKILLs`, { timeout: 600_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'rill-crash-'));
  const killPoints = fc.sample(fc.integer({ min: 1, max: 400 }), { numRuns: KILLS, seed: 42 });
  const acked: Ack[] = [];
  let seq = 0;
  for (const killAfter of killPoints) {
    const acks = await runUntilKilled(dir, seq, killAfter);
    acked.push(...acks);
    seq += 1_000_000; // sequence numbers of a run never collide with another's

    // Reopen after the unclean stop and check every acknowledged record.
    const engine = await LogEngine.open({ dataDir: dir });
    try {
      for (const ack of acked) {
        const n = ack.lastOffset - ack.baseOffset + 1;
        const seen: string[] = [];
        const abort = new AbortController();
        for await (const r of engine.records('crash', ack.partition, {
          fromOffset: ack.baseOffset,
          signal: abort.signal,
        })) {
          seen.push(r.key!.toString());
          if (r.offset >= ack.lastOffset) abort.abort();
        }
        expect(seen).toEqual(Array.from({ length: n }, (_, i) => `k${ack.firstSeq + i}`));
      }
    } finally {
      await engine.close();
    }
  }
  // Reopened after the last kill and accepts appends again.
  const engine = await LogEngine.open({ dataDir: dir });
  const r = await engine.appendToPartition('crash', 0, [
    { key: Buffer.from('after'), value: Buffer.from('ok') },
  ]);
  expect(r.baseOffset).toBeGreaterThanOrEqual(0);
  await engine.close();
  expect(acked.length).toBeGreaterThan(KILLS);
});
