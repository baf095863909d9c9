import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/helpers/members.js';
import type { TopicPartition } from '../api/common.js';
import {
  CONSUMER_PROTOCOL_VERSION,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
} from './consumer-protocol.js';

const require = createRequire(import.meta.url);
const { MemberMetadata, MemberAssignment } = require('kafkajs/src/consumer/assignerProtocol.js') as {
  MemberMetadata: {
    encode(m: { version: number; topics: string[]; userData?: Buffer }): Buffer;
    decode(b: Buffer): { version: number; topics: string[]; userData: Buffer | null };
  };
  MemberAssignment: {
    encode(a: { version: number; assignment: Record<string, number[]>; userData?: Buffer }): Buffer;
    decode(
      b: Buffer,
    ): { version: number; assignment: Record<string, number[]>; userData: Buffer | null } | null;
  };
};

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// Topic names as Kafka allows them.
const topicArb = fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/);
const partitionsArb = fc.uniqueArray(fc.record({ topic: topicArb, partition: fc.nat({ max: 1000 }) }), {
  selector: (p) => `${p.topic}-${p.partition}`,
  maxLength: 12,
});
const bytesArb = fc.option(
  fc.uint8Array({ maxLength: 16 }).map((a) => Buffer.from(a)),
  { nil: null },
);

/** Group partitions by topic in order of first appearance, as the encodings do. */
function grouped(partitions: readonly TopicPartition[]): TopicPartition[] {
  const order: string[] = [];
  for (const p of partitions) if (!order.includes(p.topic)) order.push(p.topic);
  return order.flatMap((t) => partitions.filter((p) => p.topic === t));
}

describe('ConsumerProtocolSubscription', () => {
  it('matches a hand-built Java v3 vector (topics sorted, owned partitions grouped, generation, rack)', () => {
    const bytes = encodeSubscription({
      topics: ['bc', 'a'],
      userData: hex('0102'),
      ownedPartitions: [
        { topic: 'bc', partition: 1 },
        { topic: 'a', partition: 2 },
        { topic: 'a', partition: 0 },
      ],
      generationId: 7,
      rackId: 'r1',
    });
    expect(bytes.toString('hex')).toBe(
      hex(`0003
           00000002 0001 61 0002 6263
           00000002 0102
           00000002
             0001 61 00000002 00000000 00000002
             0002 6263 00000001 00000001
           00000007
           0002 7231`).toString('hex'),
    );
    expect(decodeSubscription(bytes)).toEqual({
      version: 3,
      topics: ['a', 'bc'],
      userData: hex('0102'),
      ownedPartitions: [
        { topic: 'a', partition: 0 },
        { topic: 'a', partition: 2 },
        { topic: 'bc', partition: 1 },
      ],
      generationId: 7,
      rackId: 'r1',
    });
  });

  it('matches hand-built Java vectors for v0, v1 and v2 with defaults (null user data, generation -1)', () => {
    const sub = { topics: ['t'] };
    expect(encodeSubscription(sub, 0).toString('hex')).toBe(
      hex('0000 00000001 0001 74 ffffffff').toString('hex'),
    );
    expect(encodeSubscription(sub, 1).toString('hex')).toBe(
      hex('0001 00000001 0001 74 ffffffff 00000000').toString('hex'),
    );
    expect(encodeSubscription(sub, 2).toString('hex')).toBe(
      hex('0002 00000001 0001 74 ffffffff 00000000 ffffffff').toString('hex'),
    );
    expect(encodeSubscription(sub, 3).toString('hex')).toBe(
      hex('0003 00000001 0001 74 ffffffff 00000000 ffffffff ffff').toString('hex'),
    );
    expect(decodeSubscription(encodeSubscription(sub, 0))).toEqual({
      version: 0,
      topics: ['t'],
      userData: null,
      ownedPartitions: [],
      generationId: -1,
      rackId: null,
    });
  });

  it('reads a newer version with the v3 layout and ignores what follows (Kafka forward compatibility)', () => {
    const v3 = encodeSubscription({ topics: ['t'], generationId: 2, rackId: 'r' });
    const v4 = Buffer.concat([hex('0004'), v3.subarray(2), hex('deadbeef')]);
    expect(decodeSubscription(v4)).toMatchObject({ version: 4, topics: ['t'], generationId: 2, rackId: 'r' });
  });

  it('is byte-identical to kafkajs 2.2.4 MemberMetadata for v0, and each reads the other', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(topicArb, { maxLength: 6 }),
        fc.uint8Array({ maxLength: 16 }),
        (topics, ud) => {
          const sorted = [...topics].sort();
          const userData = Buffer.from(ud);
          const ours = encodeSubscription({ topics: sorted, userData }, 0);
          expect(ours.toString('hex')).toBe(
            MemberMetadata.encode({ version: 0, topics: sorted, userData }).toString('hex'),
          );
          expect(
            decodeSubscription(MemberMetadata.encode({ version: 0, topics: sorted, userData })),
          ).toMatchObject({ topics: sorted, userData });
          // kafkajs reads the v0 prefix of any version.
          const v3 = encodeSubscription({
            topics: sorted,
            userData,
            generationId: 3,
            ownedPartitions: [{ topic: 'x', partition: 1 }],
          });
          expect(MemberMetadata.decode(v3)).toEqual({ version: 3, topics: sorted, userData });
        },
      ),
      { numRuns: runs },
    );
  });

  it('round-trips every version', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: CONSUMER_PROTOCOL_VERSION }),
        fc.uniqueArray(topicArb, { maxLength: 6 }),
        bytesArb,
        partitionsArb,
        fc.integer({ min: -1, max: 2 ** 31 - 1 }),
        fc.option(fc.string({ maxLength: 8 }), { nil: null }),
        (version, topics, userData, ownedPartitions, generationId, rackId) => {
          const d = decodeSubscription(
            encodeSubscription({ topics, userData, ownedPartitions, generationId, rackId }, version),
          );
          expect(d.version).toBe(version);
          expect(d.topics).toEqual([...topics].sort());
          expect(d.userData).toEqual(userData);
          const sortedOwned = [...ownedPartitions].sort((a, b) =>
            a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
          );
          expect(d.ownedPartitions).toEqual(version >= 1 ? sortedOwned : []);
          expect(d.generationId).toBe(version >= 2 ? generationId : -1);
          expect(d.rackId).toBe(version >= 3 ? rackId : null);
        },
      ),
      { numRuns: runs },
    );
  });
});

describe('ConsumerProtocolAssignment', () => {
  it('matches a hand-built Java v3 vector (topics in order of first appearance)', () => {
    const partitions = [
      { topic: 'bc', partition: 1 },
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 2 },
    ];
    const bytes = encodeAssignment({ partitions });
    expect(bytes.toString('hex')).toBe(
      hex(`0003 00000002
             0002 6263 00000001 00000001
             0001 61 00000002 00000000 00000002
           ffffffff`).toString('hex'),
    );
    expect(decodeAssignment(bytes)).toEqual({ version: 3, partitions, userData: null });
  });

  it('is byte-identical to kafkajs 2.2.4 MemberAssignment in every version, and each reads the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        partitionsArb,
        fc.uint8Array({ maxLength: 16 }),
        (version, raw, ud) => {
          const userData = Buffer.from(ud);
          // kafkajs indexes topics in a plain object, which cannot hold a topic named __proto__.
          fc.pre(raw.every((p) => p.topic !== '__proto__'));
          const assignment: Record<string, number[]> = Object.create(null) as Record<string, number[]>;
          for (const p of raw) (assignment[p.topic] ??= []).push(p.partition);
          // kafkajs writes topics in Object.keys order (integer-like names first).
          const partitions = Object.keys(assignment).flatMap((topic) =>
            assignment[topic]!.map((partition) => ({ topic, partition })),
          );
          const theirs = MemberAssignment.encode({ version, assignment, userData });
          const ours = encodeAssignment({ partitions, userData }, version);
          expect(ours.toString('hex')).toBe(theirs.toString('hex'));
          expect(decodeAssignment(theirs)).toEqual({ version, partitions, userData });
          expect(MemberAssignment.decode(ours)).toEqual({ version, assignment: { ...assignment }, userData });
        },
      ),
      { numRuns: runs },
    );
  });

  it('reads empty bytes as no assignment, as kafkajs and librdkafka do', () => {
    expect(decodeAssignment(Buffer.alloc(0))).toEqual({ version: 0, partitions: [], userData: null });
  });

  it('round-trips every version and copies user data out of the input buffer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), partitionsArb, bytesArb, (version, raw, userData) => {
        const partitions = grouped(raw);
        const bytes = encodeAssignment({ partitions, userData }, version);
        const d = decodeAssignment(bytes);
        expect(d).toEqual({ version, partitions, userData });
        bytes.fill(0);
        expect(d.userData).toEqual(userData);
      }),
      { numRuns: runs },
    );
  });
});

describe('malformed consumer protocol bytes', () => {
  const malformed = expect.objectContaining({ name: 'ClientError', code: 'MALFORMED_CONSUMER_PROTOCOL' });

  it('rejects every truncation of a valid assignment and subscription with a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), partitionsArb, bytesArb, (version, raw, userData) => {
        const a = encodeAssignment({ partitions: grouped(raw), userData }, version);
        for (let n = 1; n < a.length; n++)
          expect(() => decodeAssignment(a.subarray(0, n))).toThrow(malformed);
        const s = encodeSubscription(
          { topics: ['t'], userData, ownedPartitions: raw, generationId: 1, rackId: 'r' },
          version,
        );
        for (let n = 0; n < s.length; n++)
          expect(() => decodeSubscription(s.subarray(0, n))).toThrow(malformed);
      }),
      { numRuns: Math.max(10, Math.floor(runs / 5)) },
    );
  });

  it('rejects negative versions, null arrays, negative or repeated partitions and hostile counts', () => {
    expect(() => decodeAssignment(hex('ffff 00000000 ffffffff'))).toThrow(malformed);
    expect(() => decodeAssignment(hex('0000 ffffffff ffffffff'))).toThrow(malformed);
    expect(() => decodeAssignment(hex('0000 00000001 0001 74 ffffffff ffffffff'))).toThrow(malformed);
    expect(() => decodeAssignment(hex('0000 00000001 0001 74 00000001 ffffffff ffffffff'))).toThrow(
      malformed,
    );
    expect(() => decodeAssignment(hex('0000 00000001 0001 74 00000002 00000001 00000001 ffffffff'))).toThrow(
      malformed,
    );
    expect(() => decodeAssignment(hex('0000 7fffffff'))).toThrow(malformed);
    expect(() => decodeAssignment(hex('0000 00000001 ffff'))).toThrow(malformed);
    expect(() => decodeSubscription(hex('0000 ffffffff ffffffff'))).toThrow(malformed);
    expect(() => decodeSubscription(hex('0000 00000001 fffe'))).toThrow(malformed);
  });

  it('never throws anything but the typed error on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (arr) => {
        const b = Buffer.from(arr);
        for (const decode of [decodeAssignment, decodeSubscription]) {
          try {
            decode(b);
          } catch (e) {
            expect(e).toEqual(malformed);
          }
        }
      }),
      { numRuns: runs },
    );
  });

  it('refuses to encode versions it does not know', () => {
    expect(() => encodeAssignment({ partitions: [] }, 4)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => encodeSubscription({ topics: [] }, -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
