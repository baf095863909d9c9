import { describe, expect, it } from 'vitest';
import { isLogError } from '../../errors.js';
import { acquireIoLock } from './io-lock.js';

describe('acquireIoLock', () => {
  it('refuses a second lock of the same dir on the same FileIO until released', async () => {
    const io = {};
    const lock = acquireIoLock(io, '/data');
    let err: unknown;
    try {
      acquireIoLock(io, '/data/./');
    } catch (e) {
      err = e;
    }
    expect(isLogError(err, 'LOG_DIR_LOCKED')).toBe(true);
    // Another disk, or another directory, is independent.
    const other = acquireIoLock({}, '/data');
    const sibling = acquireIoLock(io, '/data2');
    await lock.release();
    await lock.release();
    const again = acquireIoLock(io, '/data');
    await Promise.all([other.release(), sibling.release(), again.release()]);
  });
});
