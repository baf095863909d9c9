/**
 * FaultyFileIO: the fault-injecting I/O seam (DESIGN.md decision 7). It keeps an in-memory
 * model of a disk that knows which bytes and which directory entries are durable, so a test
 * can cut the power at any point (`crash`) and see exactly what a real power loss could
 * leave: unsynced bytes dropped, or the last write torn. It can also fail the next fsync of
 * matching files and report ENOSPC on writes.
 *
 * Model simplifications (documented, deliberate): directories are durable once created;
 * a failed fsync leaves the pending writes pending (they may or may not survive a crash).
 */
import { dirname } from 'node:path';
import type { FileHandle, FileIO, OpenMode } from './file-io.js';
import { type CrashMode, type CrashStats, FaultyDisk, Inode } from './faulty-disk.js';

export type { CrashMode, CrashStats } from './faulty-disk.js';

export interface CrashOptions {
  readonly mode: CrashMode;
  /** Seed for the choices a crash makes (how much of the last write survives, ...). */
  readonly seed: number;
}

export interface CrashResult extends CrashStats {
  /** A FileIO over the disk as it is after the crash (the "rebooted machine"). */
  readonly io: FaultyFileIO;
}

function sysError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${syscall} '${path}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  return e;
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? path.includes(pattern) : pattern.test(path);
}

/** Faults armed on one FaultyFileIO view (a rebooted view starts with none). */
class Faults {
  diskFull = false;
  failFsync: (string | RegExp)[] = [];
  ops = 0;
  crashAt: { ops: number; options: CrashOptions } | null = null;
  lastCrash: CrashResult | null = null;
}

class FaultyHandle implements FileHandle {
  constructor(
    readonly path: string,
    private readonly io: FaultyFileIO,
    private readonly inode: Inode,
    private readonly writable: boolean,
  ) {}

  private closed = false;

  private check(syscall: string): void {
    this.io.step(syscall, this.path);
    if (this.closed) throw sysError('EBADF', syscall, this.path);
  }

  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    this.check('read');
    const c = this.inode.content;
    if (position >= c.length) return 0;
    return c.copy(buf, offset, position, Math.min(c.length, position + length));
  }

  async write(data: Buffer, position: number): Promise<void> {
    this.check('write');
    if (!this.writable) throw sysError('EBADF', 'write', this.path);
    if (this.io.faults.diskFull) throw sysError('ENOSPC', 'write', this.path);
    this.inode.write(position, data);
  }

  writev(data: readonly Buffer[], position: number): Promise<void> {
    return this.write(Buffer.concat(data), position);
  }

  async sync(): Promise<void> {
    this.check('fsync');
    const f = this.io.faults.failFsync;
    const i = f.findIndex((p) => matches(p, this.path));
    if (i >= 0) {
      f.splice(i, 1);
      throw sysError('EIO', 'fsync', this.path);
    }
    this.inode.sync();
  }

  async truncate(length: number): Promise<void> {
    this.check('ftruncate');
    if (!this.writable) throw sysError('EBADF', 'ftruncate', this.path);
    this.inode.truncate(length);
  }

  async size(): Promise<number> {
    this.check('fstat');
    return this.inode.content.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

let tmpCounter = 0;

/**
 * The fault-injecting FileIO. Paths are plain strings; no real file is touched.
 *
 * @example
 * ```ts
 * const io = new FaultyFileIO();
 * const log = await openPartition({ dir: '/data/t-0', io, ... });
 * await log.appendRecords([{ key: null, value: Buffer.from('v') }]); // durable: fsynced
 * const { io: rebooted, tornFiles } = io.crash({ mode: 'tear-last-write', seed: 42 });
 * const again = await openPartition({ dir: '/data/t-0', io: rebooted, ... }); // recovers
 * ```
 */
export class FaultyFileIO implements FileIO {
  /** @internal */ readonly faults: Faults;
  private readonly disk: FaultyDisk;
  private dead = false;

  constructor(shared?: { disk: FaultyDisk; faults: Faults }) {
    this.disk = shared?.disk ?? new FaultyDisk();
    this.faults = shared?.faults ?? new Faults();
  }

  /** Count one operation, refuse it after a crash, and crash here if one is scheduled. */
  step(syscall: string, path: string): void {
    if (this.dead) throw sysError('EIO', `${syscall} (after power loss)`, path);
    const f = this.faults;
    f.ops++;
    if (f.crashAt !== null && f.ops >= f.crashAt.ops) {
      const { options } = f.crashAt;
      f.crashAt = null;
      f.lastCrash = this.crash(options);
      throw sysError('EIO', `${syscall} (power lost)`, path);
    }
  }

  /** Cut the power now. This view (and its open handles) stop working; use the returned `io`. */
  crash(options: CrashOptions): CrashResult {
    this.dead = true;
    this.faults.crashAt = null;
    const stats = this.disk.crash(options.mode, options.seed);
    // The rebooted machine starts with no faults armed; the op counter keeps counting.
    const faults = new Faults();
    faults.ops = this.faults.ops;
    const io = new FaultyFileIO({ disk: this.disk, faults });
    return { ...stats, io };
  }

  /** Cut the power when the `ops`-th I/O operation from now starts; see {@link lastCrash}. */
  crashAfterOps(ops: number, options: CrashOptions): void {
    this.faults.crashAt = { ops: this.faults.ops + Math.max(1, ops), options };
  }

  /** Forget a crash scheduled by {@link crashAfterOps} that has not happened yet. */
  cancelScheduledCrash(): void {
    this.faults.crashAt = null;
  }

  /** The crash that ended this view when {@link crashAfterOps} triggered it, if any. */
  get lastCrash(): CrashResult | null {
    return this.faults.lastCrash;
  }

  /** Make the next fsync of a file whose path contains (or matches) `pattern` fail with EIO. */
  failNextFsync(pattern: string | RegExp): void {
    this.faults.failFsync.push(pattern);
  }

  /** While true, every write fails with ENOSPC. */
  setDiskFull(full: boolean): void {
    this.faults.diskFull = full;
  }

  /** Number of I/O operations performed so far (for choosing crash points). */
  get opCount(): number {
    return this.faults.ops;
  }

  /** Bytes written to `path` and not yet fsynced. */
  unsyncedBytes(path: string): number {
    return this.disk.ns.get(path)?.unsyncedBytes() ?? 0;
  }

  /** Bytes of `path` that are durable (its length as of the last fsync). */
  syncedBytes(path: string): number {
    return this.disk.ns.get(path)?.durable.length ?? 0;
  }

  /** Overwrite bytes in place, durably, bypassing faults: simulates media corruption. */
  corrupt(path: string, position: number, bytes: Buffer): void {
    const inode = this.disk.ns.get(path);
    if (inode === undefined) throw sysError('ENOENT', 'corrupt', path);
    bytes.copy(inode.content, position);
    bytes.copy(inode.durable, position);
  }

  async open(path: string, mode: OpenMode): Promise<FileHandle> {
    this.step('open', path);
    let inode = this.disk.ns.get(path);
    if (inode === undefined) {
      if (mode === 'r') throw sysError('ENOENT', 'open', path);
      if (!this.disk.dirs.has(dirname(path))) throw sysError('ENOENT', 'open', path);
      inode = new Inode();
      this.disk.apply({ kind: 'link', path, inode });
    }
    return new FaultyHandle(path, this, inode, mode === 'rw');
  }

  async readFile(path: string): Promise<Buffer> {
    this.step('readFile', path);
    const inode = this.disk.ns.get(path);
    if (inode === undefined) throw sysError('ENOENT', 'open', path);
    return Buffer.from(inode.content);
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.${++tmpCounter}.tmp`;
    const fh = await this.open(tmp, 'rw');
    try {
      await fh.write(data, 0);
      await fh.sync();
    } catch (e) {
      if (!this.dead) await this.unlink(tmp);
      throw e;
    } finally {
      await fh.close();
    }
    await this.rename(tmp, path);
    await this.syncDir(dirname(path));
  }

  async rename(from: string, to: string): Promise<void> {
    this.step('rename', from);
    if (!this.disk.ns.has(from)) throw sysError('ENOENT', 'rename', from);
    if (!this.disk.dirs.has(dirname(to))) throw sysError('ENOENT', 'rename', to);
    this.disk.apply({ kind: 'rename', from, to });
  }

  async unlink(path: string): Promise<void> {
    this.step('unlink', path);
    if (!this.disk.ns.has(path)) throw sysError('ENOENT', 'unlink', path);
    this.disk.apply({ kind: 'unlink', path });
  }

  async mkdir(path: string): Promise<void> {
    this.step('mkdir', path);
    let p = path;
    while (!this.disk.dirs.has(p)) {
      this.disk.dirs.add(p);
      const parent = dirname(p);
      if (parent === p) break;
      p = parent;
    }
  }

  async rmdir(path: string): Promise<void> {
    this.step('rmdir', path);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const touched = new Set<string>();
    for (const p of [...this.disk.ns.keys()]) {
      if (!p.startsWith(prefix)) continue;
      this.disk.apply({ kind: 'unlink', path: p });
      touched.add(dirname(p));
    }
    // Removing a tree is modelled as durable, like the directories themselves.
    for (const d of touched) this.disk.syncDir(d);
    for (const d of [...this.disk.dirs]) if (d === path || d.startsWith(prefix)) this.disk.dirs.delete(d);
  }

  async readdir(path: string): Promise<string[]> {
    this.step('readdir', path);
    if (!this.disk.dirs.has(path)) throw sysError('ENOENT', 'scandir', path);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Set<string>();
    for (const p of this.disk.ns.keys()) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    for (const d of this.disk.dirs) {
      if (d.startsWith(prefix)) names.add(d.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }

  async exists(path: string): Promise<boolean> {
    this.step('access', path);
    return this.disk.ns.has(path) || this.disk.dirs.has(path);
  }

  async syncDir(path: string): Promise<void> {
    this.step('fsyncdir', path);
    if (!this.disk.dirs.has(path)) throw sysError('ENOENT', 'open', path);
    this.disk.syncDir(path);
  }
}
