import {
  ApiKeys,
  decodeRecordBatch,
  encodeRecordBatch,
  KafkaErrorCodes,
  type ProduceRequest,
} from '@rill/protocol';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startBroker, BrokerError, silentLogger } from '@rill/broker';
import { recordingLogger, tempDir, until, withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A fresh directory removed after the test. */
function scratchDir(): string {
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function setup(options: Parameters<typeof withBroker>[0] = {}) {
  const b = await withBroker(options);
  cleanups.push(b.stop);
  const client = async () => {
    const c = await WireClient.open(b.broker.port);
    cleanups.push(() => c.close());
    return c;
  };
  return { ...b, client };
}

const metadataReq = (topics: string[] | null, allowAutoTopicCreation = true) => ({
  topics: topics === null ? null : topics.map((name) => ({ name })),
  allowAutoTopicCreation,
  includeTopicAuthorizedOperations: false,
});

describe('ApiVersions', () => {
  it('advertises record-batch-v2 versions, the group and the transaction APIs', async () => {
    const { client } = await setup();
    const c = await client();
    const res = await c.call(ApiKeys.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
    expect(res.errorCode).toBe(0);
    const byKey = new Map(res.apiKeys.map((a) => [a.apiKey, a]));
    expect(byKey.get(ApiKeys.Produce)?.minVersion).toBe(3);
    expect(byKey.get(ApiKeys.Fetch)?.minVersion).toBe(4);
    expect(byKey.has(ApiKeys.Metadata)).toBe(true);
    expect(byKey.has(ApiKeys.InitProducerId)).toBe(true);
    expect(byKey.has(ApiKeys.EndTxn)).toBe(true);
  });

  it('answers an unknown ApiVersions version with v0 UNSUPPORTED_VERSION and keeps the connection', async () => {
    const { client } = await setup();
    const c = await client();
    // Header of ApiVersions v127 with an unreadable body.
    const frame = Buffer.from([0, 0, 0, 10, 0, 18, 0, 127, 0, 0, 0, 42, 0xff, 0xff]);
    c.write(frame);
    const resFrame = await c.nextFrame();
    expect(resFrame).not.toBeNull();
    expect(resFrame!.readInt32BE(0)).toBe(42);
    expect(resFrame!.readInt16BE(4)).toBe(KafkaErrorCodes.UNSUPPORTED_VERSION.code);
    const md = await c.call(ApiKeys.Metadata, 1, metadataReq(null));
    expect(md.brokers).toHaveLength(1);
  });
});

describe('bad frames', () => {
  it('closes the connection on an unknown api key; other connections keep working', async () => {
    const log = recordingLogger();
    const { client } = await setup({ logger: log });
    const bad = await client();
    const good = await client();
    bad.write(Buffer.from([0, 0, 0, 10, 0x03, 0xe7, 0, 0, 0, 0, 0, 1, 0xff, 0xff]));
    expect(await bad.waitClosed()).toBe(true);
    expect(log.lines.some((l) => l.includes('UNSUPPORTED_REQUEST'))).toBe(true);
    expect((await good.call(ApiKeys.Metadata, 4, metadataReq(null))).brokers).toHaveLength(1);
  });

  it('closes on a declared size above socket.request.max.bytes before the body arrives', async () => {
    const log = recordingLogger();
    const { client } = await setup({ logger: log, config: { 'socket.request.max.bytes': 1024 } });
    const c = await client();
    c.write(Buffer.from([0, 0, 4, 1]));
    expect(await c.waitClosed()).toBe(true);
    expect(log.lines.some((l) => l.includes('FRAME_TOO_LARGE'))).toBe(true);
  });

  it('closes on bytes after a valid body', async () => {
    const log = recordingLogger();
    const { client } = await setup({ logger: log });
    const c = await client();
    const { encodeRequest } = await import('@rill/protocol');
    const frame = encodeRequest(
      { apiKey: ApiKeys.Metadata, apiVersion: 1, correlationId: 7, clientId: 'x' },
      metadataReq(null),
    );
    const padded = Buffer.concat([frame, Buffer.from([1, 2, 3])]);
    padded.writeInt32BE(frame.length - 4 + 3, 0);
    c.write(padded);
    expect(await c.waitClosed()).toBe(true);
    expect(log.lines.some((l) => l.includes('MALFORMED_REQUEST'))).toBe(true);
  });
});

describe('Produce and Fetch', () => {
  const batch = (values: string[]) =>
    encodeRecordBatch({
      records: values.map((v) => ({ key: null, value: Buffer.from(v), timestamp: 1000 })),
    });

  it('stores produced batches and serves them back', async () => {
    const { client } = await setup();
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, metadataReq(['t']));
    const p = await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topicData: [{ name: 't', partitionData: [{ index: 0, records: batch(['a', 'b']) }] }],
    });
    expect(p.responses[0]!.partitionResponses[0]).toMatchObject({ errorCode: 0, baseOffset: 0 });
    const f = await c.call(ApiKeys.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 1 << 20,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 't',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 1,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    const part = f.responses[0]!.partitions[0]!;
    expect(part.errorCode).toBe(0);
    expect(part.highWatermark).toBe(2);
    const { records } = decodeRecordBatch(part.records!);
    expect(records.map((r) => [r.offset, r.value!.toString()])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });

  it('answers unknown partitions per partition; acks=0 sends nothing, and closes on failure', async () => {
    const { client } = await setup();
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, metadataReq(['zero']));
    const produce = (topic: string, acks: number): ProduceRequest => ({
      transactionalId: null,
      acks,
      timeoutMs: 1000,
      topicData: [{ name: topic, partitionData: [{ index: 0, records: batch(['x']) }] }],
    });
    c.send(ApiKeys.Produce, 7, produce('zero', 0));
    const mdId = c.send(ApiKeys.Metadata, 4, metadataReq(['nope'], false));
    const md = await c.receive(ApiKeys.Metadata, 4, mdId);
    expect(md.topics[0]!.errorCode).toBe(KafkaErrorCodes.UNKNOWN_TOPIC_OR_PARTITION.code);
    const p = await c.call(ApiKeys.Produce, 7, produce('nope', 1));
    expect(p.responses[0]!.partitionResponses[0]!.errorCode).toBe(
      KafkaErrorCodes.UNKNOWN_TOPIC_OR_PARTITION.code,
    );
    const lo = await c.call(ApiKeys.ListOffsets, 5, {
      replicaId: -1,
      isolationLevel: 0,
      topics: [{ name: 'zero', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1 }] }],
    });
    expect(lo.topics[0]!.partitions[0]!.offset).toBe(1);
    // An acks=0 failure has no response to carry it: the connection closes, as in Kafka.
    c.send(ApiKeys.Produce, 7, produce('nope', 0));
    expect(await c.waitClosed()).toBe(true);
  });

  it('long-polls without blocking the connection order, and wakes on produce', async () => {
    const { client } = await setup();
    const c = await client();
    const other = await client();
    await c.call(ApiKeys.Metadata, 4, metadataReq(['lp']));
    const started = Date.now();
    const fetchId = c.send(ApiKeys.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 10_000,
      minBytes: 1,
      maxBytes: 1 << 20,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 'lp',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    const mdId = c.send(ApiKeys.Metadata, 4, metadataReq(null));
    // The pipelined Metadata waits behind the Fetch; producing elsewhere releases both.
    await other.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topicData: [{ name: 'lp', partitionData: [{ index: 0, records: batch(['wake']) }] }],
    });
    const f = await c.receive(ApiKeys.Fetch, 11, fetchId, 8000);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(f.responses[0]!.partitions[0]!.records!.length).toBeGreaterThan(0);
    await c.receive(ApiKeys.Metadata, 4, mdId);
  });

  it('answers an empty long poll after max_wait_ms', async () => {
    const { client } = await setup();
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, metadataReq(['idle']));
    const started = Date.now();
    const f = await c.call(ApiKeys.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 300,
      minBytes: 1,
      maxBytes: 1 << 20,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 'idle',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(f.responses[0]!.partitions[0]!.records!.length).toBe(0);
  });

  it('reports OFFSET_OUT_OF_RANGE past the log end', async () => {
    const { client } = await setup();
    const c = await client();
    await c.call(ApiKeys.Metadata, 4, metadataReq(['oor']));
    const f = await c.call(ApiKeys.Fetch, 4, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 1 << 20,
      isolationLevel: 0,
      topics: [{ topic: 'oor', partitions: [{ partition: 0, fetchOffset: 5, partitionMaxBytes: 1 << 20 }] }],
    });
    expect(f.responses[0]!.partitions[0]!.errorCode).toBe(KafkaErrorCodes.OFFSET_OUT_OF_RANGE.code);
  });
});

describe('shutdown', () => {
  it('answers an in-flight long poll before closing', async () => {
    const log = recordingLogger();
    const b = await withBroker({ logger: log });
    const c = await WireClient.open(b.broker.port);
    cleanups.push(() => c.close());
    await c.call(ApiKeys.Metadata, 4, metadataReq(['sd']));
    const id = c.send(ApiKeys.Fetch, 11, {
      replicaId: -1,
      maxWaitMs: 30_000,
      minBytes: 1,
      maxBytes: 1 << 20,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 'sd',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0,
              logStartOffset: -1,
              partitionMaxBytes: 1 << 20,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    await until(() => log.lines.some((l) => l.includes(`api=1 v11 correlation=${id}`)));
    const started = Date.now();
    const closed = b.stop();
    const res = await c.receive(ApiKeys.Fetch, 11, id, 10_000);
    expect(res.responses[0]!.partitions[0]!.errorCode).toBe(0);
    expect(await c.waitClosed()).toBe(true);
    await closed;
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('connections and identity', () => {
  it('closes idle connections after connections.max.idle.ms', async () => {
    const { client } = await setup({ config: { 'connections.max.idle.ms': 200 } });
    const c = await client();
    expect(await c.waitClosed(3000)).toBe(true);
  });

  it('keeps the cluster id and node id across restarts and refuses a different node.id', async () => {
    const dataDir = scratchDir();
    const a = await startBroker({ dataDir, port: 0, logger: silentLogger, config: { 'node.id': 3 } });
    await a.close();
    const b = await startBroker({ dataDir, port: 0, logger: silentLogger });
    expect([b.clusterId, b.nodeId]).toEqual([a.clusterId, 3]);
    expect(b.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await b.close();
    await expect(
      startBroker({ dataDir, port: 0, logger: silentLogger, config: { 'node.id': 4 } }),
    ).rejects.toMatchObject({
      code: 'META_PROPERTIES',
    });
  });

  it('rejects unknown settings and warns about replication-only ones', async () => {
    await expect(
      startBroker({ dataDir: scratchDir(), port: 0, logger: silentLogger, config: { 'no.such.setting': 1 } }),
    ).rejects.toBeInstanceOf(BrokerError);
    const log = recordingLogger();
    const { broker } = await setup({
      logger: log,
      config: { 'offsets.topic.replication.factor': 3, 'log.retention.ms': 1000 },
    });
    expect(broker.warnings.some((w) => w.startsWith('offsets.topic.replication.factor'))).toBe(true);
  });

  it('fails with LISTEN_FAILED on a port in use and releases its data directory', async () => {
    const { broker } = await setup();
    const dataDir = scratchDir();
    await expect(startBroker({ dataDir, port: broker.port, logger: silentLogger })).rejects.toMatchObject({
      code: 'LISTEN_FAILED',
    });
    const again = await startBroker({ dataDir, port: 0, logger: silentLogger });
    await again.close();
  });

  it('advertises advertised.listeners in Metadata', async () => {
    const { client } = await setup({ config: { 'advertised.listeners': 'PLAINTEXT://kafka.example:19092' } });
    const md = await (await client()).call(ApiKeys.Metadata, 4, metadataReq(null));
    expect(md.brokers[0]).toMatchObject({ host: 'kafka.example', port: 19092 });
  });
});
