/**
 * Byte vectors written out by hand from Kafka's protocol definitions (not produced by the
 * generator), and the codecs' edge rules: nullability per version, non-ignorable fields,
 * unknown tagged fields, header versions, unsupported requests.
 */
import { describe, expect, it } from 'vitest';
import {
  ApiKeys,
  decodeHeartbeatRequest,
  decodeMetadataRequest,
  decodeProduceResponse,
  decodeRequest,
  encodeApiVersionsRequest,
  encodeJoinGroupRequest,
  encodeMetadataRequest,
  encodeProduceResponse,
  encodeRequest,
  encodeResponse,
  encodeHeartbeatRequest,
  frameLength,
  ProtocolError,
  Reader,
  requestHeaderVersion,
  responseHeaderVersion,
  UnsupportedRequestError,
  Writer,
} from '../src/index.js';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const ascii = (s: string): string => Buffer.from(s).toString('hex');
const body = (write: (w: Writer) => void): Buffer => {
  const w = new Writer();
  write(w);
  return w.toBuffer();
};

describe('hand-written vectors', () => {
  it('ApiVersions v3 request as librdkafka sends it (header v2, compact strings)', () => {
    const frame = encodeRequest(
      { apiKey: ApiKeys.ApiVersions, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' },
      { clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' },
    );
    const expected = hex(
      `00000024 0012 0003 00000001 0007 ${ascii('rdkafka')} 00` + // size 36, key 18, v3, corr, client id, tags
        `0b ${ascii('librdkafka')} 06 ${ascii('2.0.2')} 00`, // compact strings (length + 1), tags
    );
    expect(frame.toString('hex')).toBe(expected.toString('hex'));
    const decoded = decodeRequest(frame.subarray(4));
    expect(decoded.apiKey).toBe(18);
    expect(decoded.body).toEqual({ clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' });
  });

  it('Metadata request: v0 array, v1 null = all topics, v9 compact with tagged fields', () => {
    expect(body((w) => encodeMetadataRequest({ topics: [{ name: 't' }] }, 0, w)).toString('hex')).toBe(
      '00000001' + '0001' + '74',
    );
    expect(body((w) => encodeMetadataRequest({ topics: null }, 1, w)).toString('hex')).toBe('ffffffff');
    expect(() => body((w) => encodeMetadataRequest({ topics: null }, 0, w))).toThrow(ProtocolError);
    // v9: null compact array (0), allowAutoTopicCreation true, includeClusterAuthorizedOperations
    // false, includeTopicAuthorizedOperations false, no tagged fields.
    expect(body((w) => encodeMetadataRequest({ topics: null }, 9, w)).toString('hex')).toBe('0001000000');
    const r = new Reader(hex('02 0000000000000000000000000000000a 02 78 00 01 00 00'));
    // v11: one topic (topic id, name "x", its tags); autoCreate, includeTopicOps, tags.
    const req = decodeMetadataRequest(r, 11);
    expect(req.topics).toEqual([
      { topicId: Buffer.from('0000000000000000000000000000000a', 'hex'), name: 'x' },
    ]);
    expect(req.allowAutoTopicCreation).toBe(true);
  });

  it('Produce v10 response writes CurrentLeader as tagged field 0 only when not default', () => {
    const partition = (currentLeader?: { leaderId: number; leaderEpoch: number }) => ({
      index: 2,
      errorCode: 6,
      baseOffset: -1,
      ...(currentLeader ? { currentLeader } : {}),
    });
    const msg = (p: ReturnType<typeof partition>) => ({
      responses: [{ name: 't', partitionResponses: [p] }],
    });
    const common =
      '02 02 74' + // responses: 1 (compact 2), name "t"
      '02 00000002 0006 ffffffffffffffff' + // partitions: 1, index 2, NOT_LEADER (6), base offset -1
      'ffffffffffffffff ffffffffffffffff' + // log append time -1, log start offset -1
      '01 00'; // record errors: empty; error message: null
    const plain = body((w) => encodeProduceResponse(msg(partition()), 10, w));
    // then the partition's tags, the topic's tags, throttle time, the response's tags.
    expect(plain.toString('hex')).toBe(hex(common + '00' + '00' + '00000000' + '00').toString('hex'));
    const tagged = body((w) => encodeProduceResponse(msg(partition({ leaderId: 3, leaderEpoch: 7 })), 10, w));
    // tag 0, 9 bytes: leader id 3, epoch 7, the struct's own empty tagged section.
    expect(tagged.toString('hex')).toBe(
      hex(common + '01 00 09 00000003 00000007 00' + '00' + '00000000' + '00').toString('hex'),
    );
    const back = decodeProduceResponse(new Reader(tagged), 10);
    expect(back.responses[0]!.partitionResponses[0]!.currentLeader).toEqual({ leaderId: 3, leaderEpoch: 7 });
  });
});

describe('rules', () => {
  it('skips unknown tagged fields on decode', () => {
    const plain = body((w) => encodeHeartbeatRequest({ groupId: 'g', generationId: 1, memberId: 'm' }, 4, w));
    expect(plain[plain.length - 1]).toBe(0);
    // Replace the empty tagged section with two unknown tags (5: 2 bytes, 9: 0 bytes).
    const withTags = Buffer.concat([plain.subarray(0, plain.length - 1), hex('02 05 02 abcd 09 00')]);
    const r = new Reader(withTags);
    expect(decodeHeartbeatRequest(r, 4)).toEqual({
      groupId: 'g',
      generationId: 1,
      memberId: 'm',
      groupInstanceId: null,
    });
    expect(r.remaining).toBe(0);
    // A tagged field whose size runs past the end is truncated input.
    const bad = Buffer.concat([plain.subarray(0, plain.length - 1), hex('01 05 09 ab')]);
    expect(() => decodeHeartbeatRequest(new Reader(bad), 4)).toThrow(
      expect.objectContaining({ code: 'TRUNCATED' }),
    );
  });

  it('refuses to drop a non-default non-ignorable field, drops ignorable ones', () => {
    const base = { groupId: 'g', sessionTimeoutMs: 1, memberId: '', protocolType: 'consumer', protocols: [] };
    expect(() => body((w) => encodeJoinGroupRequest({ ...base, groupInstanceId: 'static' }, 4, w))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', kafkaCode: 35 }),
    );
    expect(
      body((w) => encodeJoinGroupRequest({ ...base, groupInstanceId: null }, 4, w)).length,
    ).toBeGreaterThan(0);
    const v0 = body((w) => encodeJoinGroupRequest({ ...base, rebalanceTimeoutMs: 5000 }, 0, w));
    expect(v0).toEqual(body((w) => encodeJoinGroupRequest(base, 0, w)));
  });

  it('rejects a null where the version does not allow one, on the wire too', () => {
    expect(() => decodeMetadataRequest(new Reader(hex('ffffffff')), 0)).toThrow(
      expect.objectContaining({ code: 'CORRUPT_MESSAGE' }),
    );
  });

  it('rejects hostile array counts before allocating', () => {
    expect(() => decodeMetadataRequest(new Reader(hex('7fffffff 00')), 1)).toThrow(
      expect.objectContaining({ code: 'TRUNCATED' }),
    );
  });

  it('uses header versions by flexibility, and response header v0 for ApiVersions', () => {
    expect(requestHeaderVersion(ApiKeys.Produce, 8)).toBe(1);
    expect(requestHeaderVersion(ApiKeys.Produce, 9)).toBe(2);
    expect(requestHeaderVersion(ApiKeys.SaslHandshake, 1)).toBe(1);
    expect(responseHeaderVersion(ApiKeys.Produce, 9)).toBe(1);
    expect(responseHeaderVersion(ApiKeys.ApiVersions, 3)).toBe(0);
    const res = encodeResponse({ correlationId: 7 }, ApiKeys.ApiVersions, 3, {
      errorCode: 0,
      apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }],
      throttleTimeMs: 0,
    });
    // size, correlation id, no header tags; error 0, 1 api (compact 2): 18 0-4 + tags; throttle; tags.
    expect(res.toString('hex')).toBe(
      hex('00000013 00000007 0000 02 0012 0000 0004 00 00000000 00').toString('hex'),
    );
  });

  it('reports unknown api keys and versions with the header fields', () => {
    const frame = hex(`0063 0000 0000002a 0003 ${ascii('cli')}`); // api key 99
    expect(() => decodeRequest(frame)).toThrow(UnsupportedRequestError);
    try {
      decodeRequest(frame);
    } catch (e) {
      expect(e).toMatchObject({
        reason: 'UNKNOWN_API_KEY',
        apiKey: 99,
        correlationId: 42,
        clientId: 'cli',
        kafkaCode: 42,
      });
    }
    const v9 = body((w) =>
      encodeApiVersionsRequest({ clientSoftwareName: 'x', clientSoftwareVersion: '1' }, 3, w),
    );
    const future = Buffer.concat([hex(`0012 0009 00000005 ffff 00`), v9]);
    expect(() => decodeRequest(future)).toThrow(
      expect.objectContaining({
        reason: 'UNSUPPORTED_VERSION',
        apiKey: 18,
        apiVersion: 9,
        correlationId: 5,
        kafkaCode: 35,
      }),
    );
  });

  it('rejects bytes after the body and short frames', () => {
    const frame = encodeRequest(
      { apiKey: ApiKeys.Heartbeat, apiVersion: 0, correlationId: 1, clientId: null },
      { groupId: 'g', generationId: 1, memberId: 'm' },
    );
    expect(decodeRequest(frame.subarray(4)).apiKey).toBe(ApiKeys.Heartbeat);
    expect(() => decodeRequest(Buffer.concat([frame.subarray(4), hex('00')]))).toThrow(
      expect.objectContaining({ code: 'CORRUPT_MESSAGE' }),
    );
    expect(() => decodeRequest(frame.subarray(4, 10))).toThrow(
      expect.objectContaining({ code: 'TRUNCATED' }),
    );
  });

  it('frameLength waits for whole frames and refuses oversized ones', () => {
    const frame = hex('00000003 aabbcc 0000');
    expect(frameLength(frame, 0, 100)).toBe(7);
    expect(frameLength(frame, 7, 100)).toBe(0);
    expect(frameLength(frame.subarray(0, 6), 0, 100)).toBe(0);
    expect(() => frameLength(hex('7fffffff'), 0, 1024)).toThrow(
      expect.objectContaining({ code: 'CORRUPT_MESSAGE' }),
    );
    expect(() => frameLength(hex('ffffffff'), 0, 1024)).toThrow(ProtocolError);
  });
});
