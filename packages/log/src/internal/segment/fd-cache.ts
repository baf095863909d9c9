/**
 * A bounded LRU of read-only file handles, so a partition with thousands of segments keeps a
 * bounded number of descriptors open. Handles are leased: one in use is never closed under
 * its reader; eviction of a leased handle is deferred until it is released.
 */
import type { FileHandle, FileIO } from '../io/file-io.js';

interface Entry {
  readonly path: string;
  readonly handle: Promise<FileHandle>;
  refs: number;
  /** Evicted or invalidated while leased: close when the last lease ends. */
  doomed: boolean;
}

/** A leased handle; call `release()` exactly once. */
export interface HandleLease {
  readonly handle: FileHandle;
  release(): void;
}

const shared = new WeakMap<FileIO, FdCache>();

/** Default bound on read descriptors shared by every partition using one FileIO. */
export const DEFAULT_MAX_OPEN_READ_FILES = 256;

/** The cache shared by all partitions over `io`, so the bound holds across partitions too. */
export function sharedFdCache(io: FileIO): FdCache {
  let c = shared.get(io);
  if (c === undefined) {
    c = new FdCache(io, DEFAULT_MAX_OPEN_READ_FILES);
    shared.set(io, c);
  }
  return c;
}

export class FdCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly io: FileIO,
    readonly capacity: number = 256,
  ) {}

  /** Number of cached (open or opening) handles. */
  get size(): number {
    return this.entries.size;
  }

  async acquire(path: string): Promise<HandleLease> {
    let e = this.entries.get(path);
    if (e !== undefined) {
      // Re-insert to mark as most recently used.
      this.entries.delete(path);
      this.entries.set(path, e);
    } else {
      e = { path, handle: this.io.open(path, 'r'), refs: 0, doomed: false };
      this.entries.set(path, e);
      this.evictIdle();
    }
    const entry = e;
    entry.refs++;
    let handle: FileHandle;
    try {
      handle = await entry.handle;
    } catch (err) {
      entry.refs--;
      if (this.entries.get(path) === entry) this.entries.delete(path);
      throw err;
    }
    let released = false;
    return {
      handle,
      release: () => {
        if (released) return;
        released = true;
        entry.refs--;
        if (entry.refs === 0 && entry.doomed) void this.closeEntry(entry);
      },
    };
  }

  /** Forget `path` (deleted or renamed file); the handle closes once no reader holds it. */
  invalidate(path: string): Promise<void> {
    const e = this.entries.get(path);
    if (e === undefined) return Promise.resolve();
    this.entries.delete(path);
    if (e.refs > 0) {
      e.doomed = true;
      return Promise.resolve();
    }
    return this.closeEntry(e);
  }

  /** Close every idle handle and doom the leased ones. */
  async closeAll(): Promise<void> {
    const all = [...this.entries.keys()];
    await Promise.all(all.map((p) => this.invalidate(p)));
  }

  /** Invalidate every handle whose path starts with `prefix` (a closing partition's directory). */
  async invalidatePrefix(prefix: string): Promise<void> {
    const matching = [...this.entries.keys()].filter((p) => p.startsWith(prefix));
    await Promise.all(matching.map((p) => this.invalidate(p)));
  }

  private evictIdle(): void {
    if (this.entries.size <= this.capacity) return;
    for (const e of this.entries.values()) {
      if (this.entries.size <= this.capacity) break;
      if (e.refs > 0) continue;
      this.entries.delete(e.path);
      void this.closeEntry(e);
    }
  }

  private async closeEntry(e: Entry): Promise<void> {
    // A failed open has nothing to close; a failed close of a read-only handle loses nothing,
    // so both are reported to no one on purpose — but only those two cases.
    let h: FileHandle;
    try {
      h = await e.handle;
    } catch {
      return;
    }
    await h.close().catch(() => undefined);
  }
}
