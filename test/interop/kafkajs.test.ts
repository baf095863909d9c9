/**
 * kafkajs 2.2.4: produce and consume with every codec, cross-checked with librdkafka (kcat) in
 * both directions; admin create, describe and delete.
 *
 * kafkajs has only GZIP built in. Snappy, LZ4 and ZSTD use kafkajs's codec-plugin interface with
 * Rill's protocol codecs (Kafka's xerial Snappy framing, LZ4 frames, zstd); kcat reading what
 * kafkajs wrote and kafkajs reading what kcat wrote shows the bytes are Kafka's.
 */
import { CompressionCodecs, CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { compress, decompress, type CompressionCodecName } from '@rill/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberedLines, requireKcat, run, startTestBroker, type TestBroker } from './helpers.js';

const plugin = (codec: CompressionCodecName) => () => ({
  compress: async (encoder: { buffer: Buffer }) => compress(codec, encoder.buffer),
  decompress: async (buffer: Buffer) => decompress(codec, buffer),
});
CompressionCodecs[CompressionTypes.Snappy] = plugin('snappy');
CompressionCodecs[CompressionTypes.LZ4] = plugin('lz4');
CompressionCodecs[CompressionTypes.ZSTD] = plugin('zstd');

const N = 2000;
let b: TestBroker;
let kafka: Kafka;

beforeAll(async () => {
  requireKcat();
  b = await startTestBroker({ config: { 'num.partitions': 2 } });
  kafka = new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
});
afterAll(async () => b?.stop());

async function consumeAll(topic: string, groupId: string, n: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  const values: string[] = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value!.toString());
        if (values.length >= n) done();
      },
    });
    await Promise.race([
      finished,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`only ${values.length}/${n} consumed`)), 30_000),
      ),
    ]);
  } finally {
    await consumer.disconnect();
  }
  return values;
}

const codecs = [
  ['none', CompressionTypes.None],
  ['gzip', CompressionTypes.GZIP],
  ['snappy', CompressionTypes.Snappy],
  ['lz4', CompressionTypes.LZ4],
  ['zstd', CompressionTypes.ZSTD],
] as const;

describe('kafkajs', () => {
  for (const [name, type] of codecs) {
    it(`produces with ${name}; kafkajs and kcat read it back`, { timeout: 60_000 }, async () => {
      const topic = `js-${name}`;
      const lines = numberedLines(name, N);
      const producer = kafka.producer();
      await producer.connect();
      for (let i = 0; i < N; i += 100) {
        await producer.send({
          topic,
          compression: type,
          messages: lines.slice(i, i + 100).map((value, j) => ({ key: `k${(i + j) % 13}`, value })),
        });
      }
      await producer.disconnect();
      expect((await consumeAll(topic, `g-${name}`, N)).sort()).toEqual(lines);
      const k = await run('kcat', ['-C', '-b', b.bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q'], {
        timeoutMs: 30_000,
      });
      expect(k.code, k.stderr).toBe(0);
      expect(k.stdout.trim().split('\n').sort()).toEqual(lines);
    });

    it(`reads what kcat produced with ${name}`, { timeout: 60_000 }, async () => {
      const topic = `kc-${name}`;
      const lines = numberedLines(`kc${name}`, N);
      const p = await run('kcat', ['-P', '-b', b.bootstrap, '-t', topic, '-z', name], {
        input: `${lines.join('\n')}\n`,
        timeoutMs: 30_000,
      });
      expect(p.code, p.stderr).toBe(0);
      expect((await consumeAll(topic, `gk-${name}`, N)).sort()).toEqual(lines);
    });
  }

  it('creates, describes and deletes topics with the admin client', { timeout: 30_000 }, async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [
          { topic: 'adm', numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
        ],
      });
      const md = await admin.fetchTopicMetadata({ topics: ['adm'] });
      expect(md.topics[0]!.partitions.map((p) => p.leader)).toEqual([
        b.broker.nodeId,
        b.broker.nodeId,
        b.broker.nodeId,
      ]);
      const cfg = await admin.describeConfigs({
        resources: [{ type: 2, name: 'adm' }],
        includeSynonyms: false,
      });
      expect(
        cfg.resources[0]!.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue,
      ).toBe('compact');
      await admin.deleteTopics({ topics: ['adm'] });
      expect(await admin.listTopics()).not.toContain('adm');
    } finally {
      await admin.disconnect();
    }
  });
});
