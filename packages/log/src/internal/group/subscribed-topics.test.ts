import { Writer } from '@rill/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subscribedTopicsOf } from './subscribed-topics.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

/** ConsumerProtocolSubscription as the Java client writes it (v0-v1 header: version, topics, user data). */
function subscription(version: number, topics: string[]): Buffer {
  return new Writer()
    .int16(version)
    .array(topics, (w, t) => w.string(t))
    .nullableBytes(null)
    .toBuffer();
}

describe('subscribed topics of a consumer-protocol subscription', () => {
  it('reads the topic list of any version', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
        (v, topics) => {
          expect(subscribedTopicsOf(subscription(v, topics))).toEqual(topics);
        },
      ),
      { numRuns: runs },
    );
  });

  it('answers null (unknown) for bytes that are not a subscription, never throws', () => {
    expect(subscribedTopicsOf(Buffer.from('sub'))).toBeNull();
    expect(subscribedTopicsOf(Buffer.from('0000000000057fff', 'hex'))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30 }), (bytes) => {
        const r = subscribedTopicsOf(Buffer.from(bytes));
        expect(r === null || Array.isArray(r)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});
