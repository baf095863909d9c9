/**
 * Protocol fuzzing against a running broker: malformed frames get an error response or a closed
 * connection, never a hang or a crash; the broker keeps serving and stored data does not change.
 */
import fc from 'fast-check';
import { ApiKeys, encodeRecordBatch, encodeRequest } from '@rill/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const MAX = 64 * 1024;

let broker: Awaited<ReturnType<typeof withBroker>>;
let snapshot: string;

/** The canary topic's offsets and bytes, read over the wire. */
async function canary(): Promise<string> {
  const c = await WireClient.open(broker.broker.port);
  try {
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
          topic: 'canary',
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
    const p = f.responses[0]!.partitions[0]!;
    return `${p.errorCode}/${p.highWatermark}/${p.logStartOffset}/${p.records!.toString('hex')}`;
  } finally {
    c.close();
  }
}

beforeAll(async () => {
  broker = await withBroker({ config: { 'socket.request.max.bytes': MAX } });
  const c = await WireClient.open(broker.broker.port);
  await c.call(ApiKeys.Metadata, 4, {
    topics: [{ name: 'canary' }],
    allowAutoTopicCreation: true,
    includeTopicAuthorizedOperations: false,
  });
  const records = encodeRecordBatch({
    records: [{ key: Buffer.from('k'), value: Buffer.from('v'), timestamp: 5 }],
  });
  const res = await c.call(ApiKeys.Produce, 7, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 1000,
    topicData: [{ name: 'canary', partitionData: [{ index: 0, records }] }],
  });
  expect(res.responses[0]!.partitionResponses[0]!.errorCode).toBe(0);
  c.close();
  snapshot = await canary();
});

afterAll(async () => broker?.stop());

const sized = (body: Uint8Array, declared = body.length): Buffer => {
  const out = Buffer.alloc(4 + body.length);
  out.writeInt32BE(declared, 0);
  Buffer.from(body).copy(out, 4);
  return out;
};

/** Valid request frames to damage. */
const validFrames = [
  encodeRequest(
    { apiKey: ApiKeys.ApiVersions, apiVersion: 3, correlationId: 1, clientId: 'f' },
    { clientSoftwareName: 'f', clientSoftwareVersion: '1' },
  ),
  encodeRequest(
    { apiKey: ApiKeys.Metadata, apiVersion: 9, correlationId: 2, clientId: 'f' },
    { topics: [{ name: 'canary' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false },
  ),
  encodeRequest(
    { apiKey: ApiKeys.ListOffsets, apiVersion: 5, correlationId: 3, clientId: 'f' },
    {
      replicaId: -1,
      isolationLevel: 0,
      topics: [
        { name: 'canary', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1 }] },
      ],
    },
  ),
];

/** API keys whose garbage body cannot change the canary or legitimately wait long. */
const harmlessKeys = [
  2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22, 24, 25, 26, 28, 32, 36, 42, 60, 99, 1000, -1,
];

const malformed = fc.oneof(
  // Wrong size prefix around random bytes.
  fc
    .tuple(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: -8, max: 8 }))
    .map(([b, d]) => sized(b, Math.max(0, b.length + d))),
  // Truncated valid requests (size prefix matches the truncated body).
  fc.tuple(fc.constantFrom(...validFrames), fc.nat()).map(([f, n]) => {
    const body = f.subarray(4, 4 + (n % (f.length - 4)));
    return sized(body);
  }),
  // Bogus api keys and versions with a plausible header.
  fc
    .tuple(
      fc.integer({ min: -32768, max: 32767 }),
      fc.integer({ min: -32768, max: 32767 }),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([key, version, rest]) => {
      const h = Buffer.alloc(10);
      h.writeInt16BE(key, 0);
      h.writeInt16BE(version, 2);
      h.writeInt32BE(9, 4);
      h.writeInt16BE(-1, 8);
      return sized(Buffer.concat([h, rest]));
    }),
  // Huge or negative declared lengths.
  fc
    .oneof(fc.integer({ min: MAX + 1, max: 0x7fffffff }), fc.integer({ min: -0x80000000, max: -1 }))
    .map((n) => sized(new Uint8Array(6), n)),
  // Garbage after a valid header of a harmless API.
  fc
    .tuple(
      fc.constantFrom(...harmlessKeys),
      fc.integer({ min: 0, max: 12 }),
      fc.uint8Array({ maxLength: 300 }),
    )
    .map(([key, version, rest]) => {
      const h = Buffer.alloc(12);
      h.writeInt16BE(key, 0);
      h.writeInt16BE(version, 2);
      h.writeInt32BE(11, 4);
      h.writeInt16BE(2, 8);
      h.write('fz', 10);
      return sized(Buffer.concat([h, rest]));
    }),
);

describe('protocol fuzzing', () => {
  it('answers or closes every malformed frame; the broker stays up and data is unchanged', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(malformed, async (frame) => {
        const c = await WireClient.open(broker.broker.port);
        try {
          c.write(frame);
          const declared = frame.readInt32BE(0);
          const sent = frame.length - 4;
          // A frame announcing more than was sent is waited for: complete it with zeros.
          if (declared > sent && declared <= MAX) c.write(Buffer.alloc(declared - sent));
          if (declared < sent && declared >= 0) {
            // The leftover bytes start another frame; it may be incomplete, so only the first
            // answer (or a close) is required.
          }
          const first = await c.nextFrame(5000);
          expect(first === null || first.length >= 4).toBe(true);
        } finally {
          c.close();
        }
      }),
      { numRuns: runs },
    );
    expect(await canary()).toBe(snapshot);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  });
});
