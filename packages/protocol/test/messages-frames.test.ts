/**
 * Frames captured from real clients (kafkajs 2.2.4, kcat and confluent-kafka-python on
 * librdkafka 2.0.2, kafka-python 2.0.2) by scripts/capture-frames.ts; see
 * test/fixtures/frames/README.md.
 *
 * Request frames are the clients' own bytes: they must decode, carry what the clients were
 * told to send, and re-encode to the same bytes. Response frames are what the capture
 * server answered and the clients accepted (they completed their runs on them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURE_MESSAGES } from '../scripts/capture-frames-clients.js';
import {
  type ApiKey,
  ApiKeys,
  type DecodedRequest,
  decodeRecordBatch,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  splitBatches,
} from '../src/index.js';

interface Entry {
  file: string;
  direction: 'request' | 'response';
  apiKey: number;
  apiName: string;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

const ROOT = join(import.meta.dirname, 'fixtures', 'frames');
/** Every capture run; the first four produced, consumed in a group and committed. */
const runs = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const clients = ['confluent', 'kafka-python', 'kafkajs', 'kcat'];
const manifest = (client: string): Entry[] =>
  JSON.parse(readFileSync(join(ROOT, client, 'manifest.json'), 'utf8')) as Entry[];
const frame = (client: string, e: Entry): Buffer => readFileSync(join(ROOT, client, e.file));

function requests(client: string, apiKey: number): DecodedRequest[] {
  return manifest(client)
    .filter((e) => e.direction === 'request' && e.apiKey === apiKey)
    .map((e) => decodeRequest(frame(client, e).subarray(4)));
}

it('has frames of every capture run', () => {
  expect(runs).toEqual([
    'confluent',
    'confluent-txn',
    'kafka-python',
    'kafkajs',
    'kafkajs-admin',
    'kafkajs-txn',
    'kcat',
    'kcat-sasl',
  ]);
});

describe.each(runs)('%s frames', (client) => {
  const entries = manifest(client);

  it.each(entries.filter((e) => e.direction === 'request').map((e) => [e.file, e] as const))(
    'request %s decodes and re-encodes to the same bytes',
    (_file, e) => {
      const bytes = frame(client, e);
      expect(bytes.readInt32BE(0)).toBe(bytes.length - 4);
      const req = decodeRequest(bytes.subarray(4));
      expect(req.header).toEqual({
        apiKey: e.apiKey,
        apiVersion: e.apiVersion,
        correlationId: e.correlationId,
        clientId: e.clientId,
      });
      expect(encodeRequest(req.header as never, req.body as never).equals(bytes)).toBe(true);
    },
  );

  it.each(entries.filter((e) => e.direction === 'response').map((e) => [e.file, e] as const))(
    'response %s decodes and re-encodes to the same bytes',
    (_file, e) => {
      const bytes = frame(client, e);
      const res = decodeResponse(bytes.subarray(4), e.apiKey as ApiKey, e.apiVersion);
      expect(res.correlationId).toBe(e.correlationId);
      expect(encodeResponse(res, e.apiKey as ApiKey, e.apiVersion, res.body as never).equals(bytes)).toBe(
        true,
      );
    },
  );
});

describe.each(clients)('%s', (client) => {
  const entries = manifest(client);
  const topic = `frames-${client}`;

  it('captured ApiVersions, Metadata, Produce, Fetch and the group APIs, both directions', () => {
    const kinds = new Set(entries.map((e) => `${e.apiName} ${e.direction}`));
    for (const api of [
      'ApiVersions',
      'Metadata',
      'Produce',
      'Fetch',
      'ListOffsets',
      'FindCoordinator',
      'JoinGroup',
      'SyncGroup',
      'OffsetCommit',
      'OffsetFetch',
      'LeaveGroup',
    ]) {
      expect(kinds).toContain(`${api} request`);
      expect(kinds).toContain(`${api} response`);
    }
  });

  it('Produce carries the messages the client was told to send', () => {
    const produced = requests(client, ApiKeys.Produce).flatMap((r) => {
      if (r.apiKey !== ApiKeys.Produce) return [];
      return r.body.topicData.flatMap((t) => {
        expect(t.name).toBe(topic);
        return t.partitionData.flatMap((p) =>
          splitBatches(p.records!).flatMap((b) =>
            decodeRecordBatch(b).records.map((rec) => ({
              key: rec.key?.toString(),
              value: rec.value?.toString(),
            })),
          ),
        );
      });
    });
    expect(produced.slice(0, CAPTURE_MESSAGES.length)).toEqual(CAPTURE_MESSAGES);
  });

  it('Fetch asks for the topic, and a Fetch response served the produced batches', () => {
    const fetches = requests(client, ApiKeys.Fetch);
    expect(fetches.length).toBeGreaterThan(0);
    for (const f of fetches) {
      if (f.apiKey !== ApiKeys.Fetch) continue;
      expect(f.body.topics.map((t) => t.topic)).toEqual([topic]);
      expect(f.body.topics[0]!.partitions[0]!.partition).toBe(0);
    }
    const served = entries
      .filter((e) => e.direction === 'response' && e.apiKey === ApiKeys.Fetch)
      .flatMap((e) => {
        const { body } = decodeResponse(frame(client, e).subarray(4), ApiKeys.Fetch, e.apiVersion);
        return body.responses.flatMap((t) =>
          t.partitions.flatMap((p) => (p.records ? splitBatches(p.records) : [])),
        );
      })
      .flatMap((b) => decodeRecordBatch(b).records.map((r) => r.value?.toString()));
    expect(served).toEqual(expect.arrayContaining(CAPTURE_MESSAGES.map((m) => m.value)));
  });

  it('joins its group as a consumer and commits offset 2', () => {
    const joins = requests(client, ApiKeys.JoinGroup);
    for (const j of joins) {
      if (j.apiKey !== ApiKeys.JoinGroup) continue;
      expect(j.body.groupId).toBe(`${topic}-group`);
      expect(j.body.protocolType).toBe('consumer');
    }
    const commits = requests(client, ApiKeys.OffsetCommit).flatMap((c) =>
      c.apiKey === ApiKeys.OffsetCommit
        ? c.body.topics.flatMap((t) => t.partitions.map((p) => [t.name, p.committedOffset]))
        : [],
    );
    expect(commits).toContainEqual([topic, 2]);
  });
});

it('librdkafka identifies itself in ApiVersions v3 (flexible, header v2)', () => {
  const [kcat] = requests('kcat', ApiKeys.ApiVersions);
  expect(kcat).toMatchObject({
    header: { apiVersion: 3, clientId: 'rdkafka' },
    body: { clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' },
  });
  const [confluent] = requests('confluent', ApiKeys.ApiVersions);
  expect(confluent?.body).toEqual({
    clientSoftwareName: 'confluent-kafka-python',
    clientSoftwareVersion: '1.7.0-rdkafka-2.0.2',
  });
});

it('SASL PLAIN: handshake v1, then the credentials in SaslAuthenticate (kafkajs v1, librdkafka v0)', () => {
  for (const run of ['kafkajs-admin', 'kcat-sasl']) {
    const [hs] = requests(run, ApiKeys.SaslHandshake);
    expect(hs?.body).toEqual({ mechanism: 'PLAIN' });
    const [auth] = requests(run, ApiKeys.SaslAuthenticate);
    expect(auth?.apiKey === ApiKeys.SaslAuthenticate && auth.body.authBytes.toString()).toBe(
      '\0alice\0alice-secret',
    );
  }
});

it('kafkajs admin requests name the topic and group', () => {
  const [dc] = requests('kafkajs-admin', ApiKeys.DescribeConfigs);
  expect(dc?.body).toMatchObject({ resources: [{ resourceType: 2, resourceName: 'frames-admin' }] });
  const [dt] = requests('kafkajs-admin', ApiKeys.DeleteTopics);
  expect(dt?.body).toMatchObject({ topicNames: ['frames-admin'] });
  const [dg] = requests('kafkajs-admin', ApiKeys.DeleteGroups);
  expect(dg?.body).toEqual({ groupsNames: ['frames-admin-group'] });
  const [cp] = requests('kafkajs-admin', ApiKeys.CreatePartitions);
  expect(cp?.body).toMatchObject({ topics: [{ name: 'frames-admin', count: 2, assignments: null }] });
});

it('transactions: kafkajs and librdkafka init, add partitions, commit', () => {
  // kafkajs first asks for a producer id without a transactional id (on connect), then with it.
  const inits = requests('kafkajs-txn', ApiKeys.InitProducerId).map((r) => r.body);
  expect(inits).toContainEqual(expect.objectContaining({ transactionalId: 'frames-txn' }));
  const [add] = requests('kafkajs-txn', ApiKeys.AddPartitionsToTxn);
  expect(add?.body).toMatchObject({
    v3AndBelowTransactionalId: 'frames-txn',
    v3AndBelowProducerId: 4242,
    v3AndBelowTopics: [{ name: 'frames-txn', partitions: [0] }],
  });
  const [offsets] = requests('kafkajs-txn', ApiKeys.TxnOffsetCommit);
  expect(offsets?.body).toMatchObject({
    groupId: 'frames-txn-group',
    topics: [{ name: 'frames-txn', partitions: [{ partitionIndex: 0, committedOffset: 1 }] }],
  });
  for (const [run, id] of [
    ['kafkajs-txn', 'frames-txn'],
    ['confluent-txn', 'frames-confluent-txn'],
  ] as const) {
    const [end] = requests(run, ApiKeys.EndTxn);
    expect(end?.body).toEqual({ transactionalId: id, producerId: 4242, producerEpoch: 0, committed: true });
  }
  // librdkafka sends InitProducerId v4, a flexible version (header v2, compact string).
  const [rdInit] = requests('confluent-txn', ApiKeys.InitProducerId);
  expect(rdInit).toMatchObject({
    header: { apiVersion: 4 },
    body: { transactionalId: 'frames-confluent-txn', producerId: -1, producerEpoch: -1 },
  });
});
