import { LogError } from '@rill/log';
import { ProtocolError } from '@rill/protocol';
import { describe, expect, it } from 'vitest';
import { ClientError, isClientError, isClientErrorCode, toClientError } from './errors.js';
import { parseTpKey, toHeaders, tpKey } from './api/common.js';

describe('ClientError', () => {
  it("carries Kafka's numeric code and retriable flag for Kafka codes", () => {
    const e = new ClientError('REBALANCE_IN_PROGRESS', 'rebalancing');
    expect(e.kafkaCode).toBe(27);
    expect(e.retriable).toBe(false);
    expect(new ClientError('NOT_COORDINATOR', 'x').retriable).toBe(true);
    expect(new ClientError('CLOSED', 'x').kafkaCode).toBeUndefined();
    expect(new ClientError('TIMEOUT', 'x').retriable).toBe(true);
    expect(isClientError(e, 'REBALANCE_IN_PROGRESS')).toBe(true);
    expect(isClientError(e, 'CLOSED')).toBe(false);
    expect(isClientErrorCode('NONE')).toBe(false);
  });

  it('converts errors from below without losing the cause', () => {
    const log = new LogError('OFFSET_OUT_OF_RANGE', 'out of range');
    const c = toClientError(log, 't-0');
    expect(c).toMatchObject({ code: 'OFFSET_OUT_OF_RANGE', kafkaCode: 1, resource: 't-0', cause: log });
    expect(toClientError(new LogError('DISK_FULL', 'full'))).toMatchObject({
      code: 'KAFKA_STORAGE_ERROR',
      kafkaCode: 56,
    });
    expect(toClientError(new LogError('CLOSED', 'closed')).code).toBe('CLOSED');
    expect(toClientError(new ProtocolError('CORRUPT_MESSAGE', 'bad crc')).code).toBe('CORRUPT_MESSAGE');
    // kafkajs' KafkaJSProtocolError shape
    const kjs = Object.assign(new Error('fenced'), { type: 'PRODUCER_FENCED', code: 90, retriable: false });
    expect(toClientError(kjs)).toMatchObject({ code: 'PRODUCER_FENCED', kafkaCode: 90 });
    const odd = new TypeError('boom');
    expect(toClientError(odd)).toMatchObject({ code: 'UNKNOWN_SERVER_ERROR', cause: odd });
    expect(toClientError(c)).toBe(c);
  });
});

describe('common helpers', () => {
  it('makes collision-free partition keys and parses them back', () => {
    expect(tpKey('a-1', 2)).not.toBe(tpKey('a', 12));
    expect(parseTpKey(tpKey('a.b_c-d', 7))).toEqual({ topic: 'a.b_c-d', partition: 7 });
    expect(() => parseTpKey('nope')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('normalises headers from a list or an object', () => {
    expect(
      toHeaders([
        { key: 'k', value: 'v' },
        { key: 'k', value: null },
      ]),
    ).toEqual([
      { key: 'k', value: Buffer.from('v') },
      { key: 'k', value: null },
    ]);
    expect(toHeaders({ a: Buffer.from([1]), b: 'x' })).toEqual([
      { key: 'a', value: Buffer.from([1]) },
      { key: 'b', value: Buffer.from('x') },
    ]);
    expect(toHeaders(undefined)).toEqual([]);
  });
});
