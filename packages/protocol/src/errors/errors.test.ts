import { describe, expect, it } from 'vitest';
import { KafkaErrorCodes, kafkaErrorByCode, kafkaErrorByName } from './kafka-error-codes.js';
import { ProtocolError } from './protocol-error.js';

describe('KafkaErrorCodes', () => {
  it('has every code from -1 to 100 exactly once', () => {
    const codes = Object.values(KafkaErrorCodes).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (let c = -1; c <= 100; c++) expect(kafkaErrorByCode(c), `code ${c}`).toBeDefined();
  });

  it('matches the codes and retriable flags of Errors.java', () => {
    expect(kafkaErrorByName('OFFSET_OUT_OF_RANGE')).toMatchObject({ code: 1, retriable: false });
    expect(kafkaErrorByName('CORRUPT_MESSAGE')).toMatchObject({ code: 2, retriable: true });
    expect(kafkaErrorByName('MESSAGE_TOO_LARGE')).toMatchObject({ code: 10, retriable: false });
    expect(kafkaErrorByName('NOT_LEADER_OR_FOLLOWER')).toMatchObject({ code: 6, retriable: true });
    expect(kafkaErrorByName('KAFKA_STORAGE_ERROR')).toMatchObject({ code: 56, retriable: true });
    expect(kafkaErrorByName('UNSUPPORTED_COMPRESSION_TYPE')).toMatchObject({ code: 76, retriable: false });
    expect(kafkaErrorByName('INVALID_RECORD')).toMatchObject({ code: 87, retriable: false });
    expect(kafkaErrorByName('PRODUCER_FENCED').code).toBe(90);
    expect(kafkaErrorByCode(-1)?.name).toBe('UNKNOWN_SERVER_ERROR');
    expect(kafkaErrorByCode(0)?.name).toBe('NONE');
    expect(kafkaErrorByCode(9999)).toBeUndefined();
  });
});

describe('ProtocolError', () => {
  it('carries a stable code, the Kafka code and the cause', () => {
    const cause = new Error('inner');
    const e = new ProtocolError('CORRUPT_MESSAGE', 'bad crc', { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'ProtocolError',
      code: 'CORRUPT_MESSAGE',
      kafkaCode: 2,
      retriable: false,
      cause,
    });
    expect(new ProtocolError('UNSUPPORTED_COMPRESSION_TYPE', 'x').kafkaCode).toBe(76);
    expect(new ProtocolError('INVALID_ARGUMENT', 'x').kafkaCode).toBeUndefined();
    expect(new ProtocolError('INVALID_RECORD', 'x', { kafkaCode: 10 }).kafkaCode).toBe(10);
  });
});
