/**
 * A kafkajs consumer group of three members over 10,000 messages, with members joining, one
 * leaving, and one SIGKILLed without leaving: nothing is lost, and a record is consumed twice
 * only if no commit covering it had been acknowledged before the second consumption. A new
 * member afterwards resumes from the committed offsets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from './helpers.js';

const MEMBER = fileURLToPath(new URL('./group-member.mjs', import.meta.url));
const TOPIC = 'grp';
const GROUP = 'grp-3';
const PARTITIONS = 6;

interface Consumed {
  t: number;
  m: string;
  p: number;
  o: number;
}
interface Committed {
  t: number;
  m: string;
  c: number;
  o: number;
}

let b: TestBroker;
const consumed: Consumed[] = [];
const commits: Committed[] = [];
const ready = new Set<string>();
const children: ChildProcess[] = [];

function startMember(name: string): ChildProcess {
  const child = spawn(process.execPath, [MEMBER, b.bootstrap, GROUP, TOPIC, name], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
      buf = buf.slice(nl + 1);
      if (line.ready === true) ready.add(String(line.m));
      else if ('c' in line) commits.push(line as unknown as Committed);
      else consumed.push(line as unknown as Consumed);
    }
  });
  return child;
}

async function waitFor(
  what: string,
  pred: () => boolean,
  timeoutMs = 45_000,
  detail = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${detail()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  b = await startTestBroker();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await b?.stop();
});

describe('kafkajs consumer group', () => {
  it(
    'loses nothing across joins, a leave and a SIGKILL, and resumes from commits',
    { timeout: 150_000 },
    async () => {
      const kafka = new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS }] });
      const producer = kafka.producer();
      await producer.connect();
      let sent = 0;
      const produce = async (n: number) => {
        for (let i = 0; i < n; i += 250) {
          await producer.send({
            topic: TOPIC,
            messages: Array.from({ length: Math.min(250, n - i) }, () => ({
              key: `k${sent % 97}`,
              value: `v${sent++}`,
            })),
          });
        }
      };
      const high = async () => (await admin.fetchTopicOffsets(TOPIC)).map((o) => Number(o.high));
      const allConsumed = (highs: number[]) => () => {
        const seen = new Set(consumed.map((c) => `${c.p}:${c.o}`));
        return highs.every((h, p) =>
          Array.from({ length: h }, (_, o) => seen.has(`${p}:${o}`)).every(Boolean),
        );
      };

      await produce(3000);
      const a = startMember('A');
      const bm = startMember('B');
      await waitFor('A and B to join', () => ready.has('A') && ready.has('B'));
      await produce(2500);
      const c = startMember('C');
      await waitFor('C to join', () => ready.has('C'));
      await produce(2500);
      bm.kill('SIGTERM'); // leaves the group
      await new Promise((r) => bm.once('exit', r));
      await produce(1000);
      await waitFor('C to consume', () => consumed.some((x) => x.m === 'C'));
      c.kill('SIGKILL'); // no LeaveGroup: its partitions move after its session times out
      await produce(1000);
      expect(sent).toBe(10_000);
      const highs = await high();
      expect(highs.reduce((x, y) => x + y, 0)).toBe(10_000);
      await waitFor('every record to be consumed', allConsumed(highs), 90_000);
      // Let A commit what it consumed last, then stop it (a clean leave).
      const lastCommits = () => {
        const last = new Map<number, number>();
        for (const k of commits) last.set(k.c, Math.max(last.get(k.c) ?? 0, k.o));
        return last;
      };
      await waitFor(
        'final commits',
        () => highs.every((h, p) => (lastCommits().get(p) ?? 0) >= h),
        45_000,
        () =>
          `highs ${JSON.stringify(highs)} commits ${JSON.stringify([...lastCommits()])} ${JSON.stringify(commits.slice(-8))}`,
      );
      a.kill('SIGTERM');
      await new Promise((r) => a.once('exit', r));

      // Duplicates only where no acknowledged commit covered the record yet.
      const firstSeen = new Map<string, Consumed>();
      for (const x of [...consumed].sort((l, r) => l.t - r.t)) {
        const key = `${x.p}:${x.o}`;
        const first = firstSeen.get(key);
        if (first === undefined) {
          firstSeen.set(key, x);
          continue;
        }
        const covering = commits.find((k) => k.c === x.p && k.o > x.o && k.t < x.t);
        expect(
          covering,
          `record ${key} re-consumed by ${x.m} after commit ${JSON.stringify(covering)}`,
        ).toBeUndefined();
      }

      // A new member resumes from the committed offsets: it sees only what comes next.
      const before = consumed.length;
      await produce(10);
      startMember('D');
      await waitFor('D to consume the new records', () => consumed.filter((x) => x.m === 'D').length >= 10);
      const d = consumed.slice(before).filter((x) => x.m === 'D');
      for (const x of d) expect(x.o).toBeGreaterThanOrEqual(highs[x.p]!);
      await producer.disconnect();
      await admin.disconnect();
    },
  );
});
