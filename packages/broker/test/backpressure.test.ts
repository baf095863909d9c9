/** A client that does not read its responses: the broker stops reading from it, then catches up. */
import { ApiKeys, encodeRecordBatch, encodeRequest } from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger, withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('backpressure', () => {
  it('pauses a connection whose responses pile up and answers everything once it reads', async () => {
    const log = recordingLogger();
    const b = await withBroker({ logger: log });
    cleanups.push(b.stop);
    const c = await WireClient.open(b.broker.port);
    cleanups.push(() => c.close());
    await c.call(ApiKeys.Metadata, 4, {
      topics: [{ name: 'bp' }],
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
    });
    const value = Buffer.alloc(256 * 1024, 7);
    await c.call(ApiKeys.Produce, 7, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 1000,
      topicData: [
        {
          name: 'bp',
          partitionData: [
            { index: 0, records: encodeRecordBatch({ records: [{ key: null, value, timestamp: 1 }] }) },
          ],
        },
      ],
    });
    // Stop reading on the client side, then pipeline many fetches of ~256 KiB each.
    c.socket.pause();
    const n = 600;
    const frames: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      frames.push(
        encodeRequest(
          { apiKey: ApiKeys.Fetch, apiVersion: 11, correlationId: 1000 + i, clientId: 'bp' },
          {
            replicaId: -1,
            maxWaitMs: 0,
            minBytes: 0,
            maxBytes: 1 << 20,
            isolationLevel: 0,
            sessionId: 0,
            sessionEpoch: -1,
            topics: [
              {
                topic: 'bp',
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
          },
        ),
      );
    }
    c.write(Buffer.concat(frames));
    const started = () => log.lines.filter((l) => l.includes('api=1 ')).length;
    // Wait until the broker stops taking requests from this connection (bounded).
    let last = -1;
    let stableSince = Date.now();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && started() < n) {
      const now = started();
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      } else if (Date.now() - stableSince > 500) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(started()).toBeLessThan(n / 2);
    // Reading again releases everything, in order.
    c.socket.resume();
    for (let i = 0; i < n; i++) {
      const res = await c.receive(ApiKeys.Fetch, 11, 1000 + i, 15_000);
      expect(res.responses[0]!.partitions[0]!.records!.length).toBeGreaterThan(value.length);
    }
  });
});
