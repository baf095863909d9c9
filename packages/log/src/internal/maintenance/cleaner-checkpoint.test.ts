import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import {
  CLEANER_CHECKPOINT_FILE,
  EMPTY_CLEANER_CHECKPOINT,
  parseCleanerCheckpoint,
  readCleanerCheckpoint,
  serializeCleanerCheckpoint,
  writeCleanerCheckpoint,
} from './cleaner-checkpoint.js';

describe('cleaner checkpoint', () => {
  it('round-trips through its versioned text form', () => {
    const c = { firstDirtyOffset: 42, deleteHorizonMs: -1 };
    const text = serializeCleanerCheckpoint(c).toString();
    expect(text).toBe('rill-cleaner-checkpoint 1\nfirst-dirty-offset 42\ndelete-horizon-ms -1\n');
    expect(parseCleanerCheckpoint(Buffer.from(text))).toEqual(c);
  });

  it('rejects other versions and malformed content', () => {
    expect(parseCleanerCheckpoint(Buffer.from('rill-cleaner-checkpoint 2\nfirst-dirty-offset 1\n'))).toMatch(
      /version/,
    );
    expect(parseCleanerCheckpoint(Buffer.from('rill-cleaner-checkpoint 1\nfirst-dirty-offset x\n'))).toMatch(
      /malformed/,
    );
    expect(parseCleanerCheckpoint(Buffer.from('rill-cleaner-checkpoint 1\nfirst-dirty-offset 3\n'))).toMatch(
      /missing/,
    );
    expect(
      parseCleanerCheckpoint(
        Buffer.from('rill-cleaner-checkpoint 1\nfirst-dirty-offset -3\ndelete-horizon-ms 1\n'),
      ),
    ).toMatch(/invalid/);
  });

  it('reads what was written durably, and falls back to a full pass when missing or unusable', async () => {
    const io = new FaultyFileIO();
    await io.mkdir('/d');
    expect(await readCleanerCheckpoint(io, '/d')).toEqual(EMPTY_CLEANER_CHECKPOINT);
    await writeCleanerCheckpoint(io, '/d', { firstDirtyOffset: 7, deleteHorizonMs: 99 });
    const rebooted = io.crash({ mode: 'drop-unsynced', seed: 1 }).io;
    expect(await readCleanerCheckpoint(rebooted, '/d')).toEqual({ firstDirtyOffset: 7, deleteHorizonMs: 99 });
    await rebooted.writeFileAtomic(`/d/${CLEANER_CHECKPOINT_FILE}`, Buffer.from('garbage'));
    expect(await readCleanerCheckpoint(rebooted, '/d')).toEqual(EMPTY_CLEANER_CHECKPOINT);
  });
});
