import { describe, expect, it } from 'vitest';
import { isLogError, LogError, storageError } from './errors.js';

describe('LogError', () => {
  it('carries a stable code, Kafka numeric code, retriable flag and cause', () => {
    const cause = new Error('x');
    const e = new LogError('OFFSET_OUT_OF_RANGE', 'nope', { cause });
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.kafkaCode, e.retriable, e.cause]).toEqual([
      'LogError',
      'OFFSET_OUT_OF_RANGE',
      1,
      false,
      cause,
    ]);
    expect(new LogError('CORRUPT_MESSAGE', 'c').kafkaCode).toBe(2);
    expect(new LogError('MESSAGE_TOO_LARGE', 'm').kafkaCode).toBe(10);
    expect(new LogError('KAFKA_STORAGE_ERROR', 's').retriable).toBe(true);
    expect(new LogError('LOG_DIR_LOCKED', 'l').kafkaCode).toBeUndefined();
    expect(isLogError(e, 'OFFSET_OUT_OF_RANGE')).toBe(true);
    expect(isLogError(e, 'CLOSED')).toBe(false);
  });

  it('maps ENOSPC to DISK_FULL and other I/O errors to KAFKA_STORAGE_ERROR', () => {
    const enospc = Object.assign(new Error('full'), { code: 'ENOSPC' });
    expect(storageError('writing', enospc)).toMatchObject({
      code: 'DISK_FULL',
      kafkaCode: 56,
      cause: enospc,
    });
    expect(storageError('writing', new Error('EIO'))).toMatchObject({ code: 'KAFKA_STORAGE_ERROR' });
    const already = new LogError('FSYNC_FAILED', 'f');
    expect(storageError('x', already)).toBe(already);
  });
});
