import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { parseCheckpoint, readCheckpoint, serializeCheckpoint, writeCheckpoint } from './checkpoint.js';

describe('partition checkpoint', () => {
  it('round-trips and carries a format version', async () => {
    const c = { recoveryPoint: 123, logStartOffset: 45 };
    expect(serializeCheckpoint(c).toString()).toBe(
      'rill-partition-checkpoint 1\nrecovery-point 123\nlog-start-offset 45\n',
    );
    expect(parseCheckpoint(serializeCheckpoint(c))).toEqual(c);
    const io = new FaultyFileIO();
    await io.mkdir('/p');
    expect(await readCheckpoint(io, '/p')).toBeNull();
    await writeCheckpoint(io, '/p', c);
    expect(await readCheckpoint(io, '/p')).toEqual(c);
  });

  it('treats unknown versions and malformed content as unusable', () => {
    expect(
      typeof parseCheckpoint(
        Buffer.from('rill-partition-checkpoint 2\nrecovery-point 1\nlog-start-offset 0\n'),
      ),
    ).toBe('string');
    expect(typeof parseCheckpoint(Buffer.from('rill-partition-checkpoint 1\nrecovery-point x\n'))).toBe(
      'string',
    );
    expect(typeof parseCheckpoint(Buffer.from('rill-partition-checkpoint 1\nrecovery-point 1\n'))).toBe(
      'string',
    );
  });
});
