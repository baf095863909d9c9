/**
 * Lock for a data directory on a FileIO that is not the real file system (e.g. the in-memory
 * FaultyFileIO of tests): such a disk lives inside one process, so a per-disk registry is the
 * whole lock. Keyed by the FileIO object, so the "rebooted" view a simulated crash returns is
 * a different disk view and may open the directory again, as a restarted process could.
 */
import { resolve } from 'node:path';
import { LogError } from '../../errors.js';
import type { DirLock } from './dir-lock.js';

const held = new WeakMap<object, Set<string>>();

/** @throws LogError LOG_DIR_LOCKED if another engine holds `dir` on the same FileIO. */
export function acquireIoLock(io: object, dir: string): DirLock {
  const key = resolve(dir);
  let dirs = held.get(io);
  if (dirs === undefined) held.set(io, (dirs = new Set()));
  if (dirs.has(key)) {
    throw new LogError(
      'LOG_DIR_LOCKED',
      `Data directory ${dir} is already open by another LogEngine on this FileIO`,
    );
  }
  dirs.add(key);
  let released = false;
  return {
    dir,
    release: () => {
      if (!released) {
        released = true;
        dirs.delete(key);
      }
      return Promise.resolve();
    },
  };
}
