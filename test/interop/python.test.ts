/** Debian's Python clients (kafka-python, confluent-kafka) produce and consume with a group. */
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, requirePython, run, startTestBroker, type TestBroker } from './helpers.js';

const SCRIPT = fileURLToPath(new URL('./python/clients.py', import.meta.url));
const N = 5000;
let b: TestBroker;

beforeAll(async () => {
  requirePython(['kafka', 'confluent_kafka']);
  b = await startTestBroker({ config: { 'num.partitions': 3 } });
});
afterAll(async () => b?.stop());

const expected = Array.from({ length: N }, (_, i) => `m-${i}`).sort();

describe('Python clients', () => {
  for (const [client, group] of [
    ['kafka-python', 'py-kafka-python'],
    ['confluent', 'py-confluent'],
  ] as const) {
    it(`${client} produces and consumes ${N} messages and commits`, { timeout: 90_000 }, async () => {
      const topic = `py-${client}`;
      const r = await run(PYTHON, [SCRIPT, client, b.bootstrap, topic, String(N)], { timeoutMs: 80_000 });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        consumed: number;
        distinct: number;
        values: string[];
      };
      expect(out.consumed).toBe(N);
      expect(out.values).toEqual(expected);
      const admin = new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        expect(committed[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0)).toBe(N);
      } finally {
        await admin.disconnect();
      }
    });
  }

  it(
    'confluent-kafka transactions: read_committed sees committed records only',
    { timeout: 90_000 },
    async () => {
      const r = await run(PYTHON, [SCRIPT, 'confluent-txn', b.bootstrap, 'py-txn', String(1000)], {
        timeoutMs: 80_000,
      });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { consumed: number; values: string[] };
      const expectedTxn = Array.from({ length: 1000 }, (_, i) => `m-${i}`).sort();
      expect(out.values).toEqual(expectedTxn);
    },
  );
});
