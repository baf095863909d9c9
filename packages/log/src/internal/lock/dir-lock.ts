/**
 * The data-directory lock: one LogEngine per directory, across processes and within one.
 *
 * Across processes: `<dir>/.lock` holds the owner's pid. It is created atomically with its
 * content (write a private temp file, then link(2) it into place, which fails if the lock
 * exists), so no reader ever sees a half-written lock. A lock whose pid is dead is stale (the
 * owner crashed) and is broken by renaming it away first, so two processes breaking the same
 * stale lock cannot both win. Node has no flock(2); this is the portable equivalent.
 *
 * Within a process: a registry keyed by the directory's real path, shared through a global
 * symbol so that two copies of this module (e.g. source and dist) still see each other.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LogError, storageError } from '../../errors.js';

export const LOCK_FILE = '.lock';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/** A held lock; release it exactly once when the engine closes. */
export interface DirLock {
  readonly dir: string;
  release(): Promise<void>;
}

const REGISTRY_KEY = Symbol.for('rill.log.dirLocks');
const registry: Set<string> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as Set<string> | undefined) ??
  (((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = new Set<string>()) as Set<string>);

/**
 * Lock `dir` (which must exist) for this engine.
 * @throws LogError LOG_DIR_LOCKED if another engine in this process or a live process holds it.
 */
export async function acquireDirLock(dir: string): Promise<DirLock> {
  let key: string;
  try {
    key = await fsp.realpath(dir);
  } catch (cause) {
    throw storageError(`resolving data directory ${dir}`, cause);
  }
  if (registry.has(key)) {
    throw new LogError(
      'LOG_DIR_LOCKED',
      `Data directory ${dir} is already open by another LogEngine in this process`,
    );
  }
  // Reserve before the first await so a concurrent open in this process sees it.
  registry.add(key);
  try {
    const content: LockContent = {
      pid: process.pid,
      host: hostname(),
      token: randomBytes(8).toString('hex'),
    };
    await lockFile(key, content);
    return new HeldLock(dir, key, content);
  } catch (e) {
    registry.delete(key);
    throw e;
  }
}

class HeldLock implements DirLock {
  private released = false;
  constructor(
    readonly dir: string,
    private readonly key: string,
    private readonly content: LockContent,
  ) {}

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      const path = join(this.key, LOCK_FILE);
      const current = await readLock(path);
      // Never remove a lock that is no longer ours (someone judged it stale and took over).
      if (current?.token === this.content.token) await fsp.unlink(path);
    } catch (cause) {
      throw storageError(`releasing the lock on ${this.dir}`, cause);
    } finally {
      registry.delete(this.key);
    }
  }
}

async function lockFile(dir: string, content: LockContent): Promise<void> {
  const path = join(dir, LOCK_FILE);
  const tmp = join(dir, `${LOCK_FILE}.${content.pid}.${content.token}.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(content));
  try {
    // A few rounds: each lost race against another process breaking a stale lock retries.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await fsp.link(tmp, path);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw storageError(`creating lock file ${path}`, e);
      }
      const owner = await readLock(path);
      if (owner === undefined) continue; // removed meanwhile: try again
      if (ownerAlive(owner)) throw lockedBy(dir, owner);
      await breakStaleLock(dir, path, owner);
    }
    throw new LogError(
      'LOG_DIR_LOCKED',
      `Data directory ${dir} is locked: lost the race for ${path} repeatedly`,
    );
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** Move a dead owner's lock aside; if it turns out to be a fresh live lock, put it back. */
async function breakStaleLock(dir: string, path: string, stale: LockContent): Promise<void> {
  const aside = join(dir, `${LOCK_FILE}.stale.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    await fsp.rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it first
    throw storageError(`removing stale lock ${path}`, e);
  }
  const moved = await readLock(aside);
  if (moved !== undefined && moved.token !== stale.token && ownerAlive(moved)) {
    // We raced with a process that had just taken the lock: restore it and give up.
    await fsp.link(aside, path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw storageError(`restoring lock ${path}`, e);
    });
    await fsp.rm(aside, { force: true });
    throw lockedBy(dir, moved);
  }
  await fsp.rm(aside, { force: true });
}

async function readLock(path: string): Promise<LockContent | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storageError(`reading lock file ${path}`, e);
  }
  let v: Partial<LockContent> | null = null;
  try {
    v = JSON.parse(text) as Partial<LockContent>;
  } catch (cause) {
    throw unrecognised(path, cause);
  }
  if (v !== null && Number.isSafeInteger(v.pid) && typeof v.host === 'string' && typeof v.token === 'string')
    return v as LockContent;
  throw unrecognised(path);
}

/** Content is linked in whole, so an unreadable lock was not written by this code: refuse to guess. */
function unrecognised(path: string, cause?: unknown): LogError {
  return new LogError(
    'LOG_DIR_LOCKED',
    `Lock file ${path} has unrecognised content; remove it if no engine is using the directory`,
    cause === undefined ? {} : { cause },
  );
}

/** Whether the lock's owner may still be running. */
function ownerAlive(owner: LockContent): boolean {
  // Another host (shared file system): its pids mean nothing here, so assume alive.
  if (owner.host !== hostname()) return true;
  // Our own pid but not in the registry: a previous engine of this process (or an earlier
  // process that had the same pid, common as pid 1 in containers) never released it.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function lockedBy(dir: string, owner: LockContent): LogError {
  return new LogError(
    'LOG_DIR_LOCKED',
    `Data directory ${dir} is locked by process ${owner.pid} on ${owner.host}`,
  );
}
