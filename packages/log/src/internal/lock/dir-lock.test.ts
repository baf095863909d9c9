import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fsp } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { acquireDirLock, LOCK_FILE } from './dir-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'rill-lock-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function lockCode(d: string): Promise<string | undefined> {
  try {
    const lock = await acquireDirLock(d);
    await lock.release();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    return (e as LogError).code;
  }
}

function writeForeignLock(pid: number, host = hostname()): Promise<void> {
  return fsp.writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, host, token: 'other' }));
}

describe('acquireDirLock', () => {
  it('refuses a second lock in the same process until released', async () => {
    const lock = await acquireDirLock(dir);
    expect(await lockCode(dir)).toBe('LOG_DIR_LOCKED');
    // Same directory through a different spelling of its path.
    expect(await lockCode(join(dir, '.', '.'))).toBe('LOG_DIR_LOCKED');
    expect(JSON.parse(await fsp.readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    await expect(fsp.access(join(dir, LOCK_FILE))).rejects.toThrow();
    expect(await lockCode(dir)).toBeUndefined();
  });

  it('refuses when two opens race in one process', async () => {
    const results = await Promise.allSettled([acquireDirLock(dir), acquireDirLock(dir)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as LogError).code).toBe('LOG_DIR_LOCKED');
    await (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ release(): Promise<void> }>
    ).value.release();
  });

  it('refuses a lock held by a live process and takes it over once that process is dead', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const pid = child.pid!;
    await writeForeignLock(pid);
    try {
      const err = await acquireDirLock(dir).then(
        () => undefined,
        (e: unknown) => e as LogError,
      );
      expect(err?.code).toBe('LOG_DIR_LOCKED');
      expect(err?.message).toContain(String(pid));
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    // The owner is dead: its lock is stale.
    const lock = await acquireDirLock(dir);
    expect(JSON.parse(await fsp.readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    const leftovers = (await fsp.readdir(dir)).filter((f) => f.startsWith(LOCK_FILE));
    expect(leftovers).toEqual([]);
  });

  it("treats a lock with this process's pid but no live owner as stale", async () => {
    await writeForeignLock(process.pid);
    expect(await lockCode(dir)).toBeUndefined();
  });

  it('assumes a lock from another host is alive', async () => {
    await writeForeignLock(1, 'some-other-host.example');
    expect(await lockCode(dir)).toBe('LOG_DIR_LOCKED');
  });

  it('refuses to guess about a lock file with foreign content', async () => {
    await fsp.writeFile(join(dir, LOCK_FILE), 'garbage');
    expect(await lockCode(dir)).toBe('LOG_DIR_LOCKED');
  });

  it('does not remove a lock it no longer owns', async () => {
    const lock = await acquireDirLock(dir);
    await writeForeignLock(process.pid);
    await lock.release();
    expect(JSON.parse(await fsp.readFile(join(dir, LOCK_FILE), 'utf8')).token).toBe('other');
  });
});
