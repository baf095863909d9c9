/**
 * The in-memory "disk" behind FaultyFileIO: files (inodes) whose content is split into what
 * is durable (as of the last fsync) and the writes since, and a namespace (path -> inode)
 * whose creations, renames and unlinks become durable only when their directory is fsynced.
 * A crash rebuilds the namespace and every file from the durable state plus, depending on
 * the mode, some of the pending operations — what a power loss could leave behind.
 */
import { dirname } from 'node:path';

export type PendingWrite =
  | { readonly kind: 'write'; readonly pos: number; readonly data: Buffer }
  | { readonly kind: 'truncate'; readonly len: number };

export class Inode {
  /** Current content, as readers see it. */
  content: Buffer = Buffer.alloc(0) as Buffer;
  /** Content as of the last successful sync. */
  durable: Buffer = Buffer.alloc(0) as Buffer;
  /** Writes and truncates since the last sync, in order. */
  pending: PendingWrite[] = [];

  write(pos: number, data: Buffer): void {
    const end = pos + data.length;
    if (end > this.content.length) {
      const grown = Buffer.alloc(end);
      this.content.copy(grown, 0, 0, this.content.length);
      this.content = grown;
    }
    data.copy(this.content, pos);
    this.pending.push({ kind: 'write', pos, data: Buffer.from(data) });
  }

  truncate(len: number): void {
    const next = Buffer.alloc(len);
    this.content.copy(next, 0, 0, Math.min(len, this.content.length));
    this.content = next;
    this.pending.push({ kind: 'truncate', len });
  }

  sync(): void {
    this.durable = Buffer.from(this.content);
    this.pending = [];
  }

  unsyncedBytes(): number {
    let n = 0;
    for (const op of this.pending) if (op.kind === 'write') n += op.data.length;
    return n;
  }
}

export type NamespaceOp =
  | { readonly kind: 'link'; readonly path: string; readonly inode: Inode }
  | { readonly kind: 'unlink'; readonly path: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

function dirsOf(op: NamespaceOp): string[] {
  return op.kind === 'rename' ? [dirname(op.from), dirname(op.to)] : [dirname(op.path)];
}

function applyOp(ns: Map<string, Inode>, op: NamespaceOp): void {
  if (op.kind === 'link') ns.set(op.path, op.inode);
  else if (op.kind === 'unlink') ns.delete(op.path);
  else {
    const inode = ns.get(op.from);
    // The source may be missing in the durable view if its creation was never made durable.
    if (inode === undefined) return;
    ns.delete(op.from);
    ns.set(op.to, inode);
  }
}

/** A tiny deterministic PRNG (mulberry32) so a crash is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CrashMode = 'drop-unsynced' | 'tear-last-write';

export interface CrashStats {
  /** Files whose last pending write was torn (a strict prefix of it survived). */
  readonly tornFiles: readonly string[];
  /** Pending (unsynced) bytes that did not survive. */
  readonly droppedBytes: number;
}

export class FaultyDisk {
  readonly dirs = new Set<string>();
  ns = new Map<string, Inode>();
  durableNs = new Map<string, Inode>();
  pendingNs: NamespaceOp[] = [];

  apply(op: NamespaceOp): void {
    applyOp(this.ns, op);
    this.pendingNs.push(op);
  }

  /** Make every pending namespace change touching `dir` durable (in order). */
  syncDir(dir: string): void {
    const keep: NamespaceOp[] = [];
    for (const op of this.pendingNs) {
      if (dirsOf(op).includes(dir)) applyOp(this.durableNs, op);
      else keep.push(op);
    }
    this.pendingNs = keep;
  }

  /**
   * Replace the current state with what survives a power loss.
   * - drop-unsynced: exactly the durable state.
   * - tear-last-write: a seeded prefix of pending namespace changes survives, and in each
   *   file every pending write but the last survives, the last one only as a strict prefix.
   */
  crash(mode: CrashMode, seed: number): CrashStats {
    const rand = prng(seed);
    const ns = new Map(this.durableNs);
    if (mode === 'tear-last-write') {
      const keep = Math.floor(rand() * (this.pendingNs.length + 1));
      for (let i = 0; i < keep; i++) applyOp(ns, this.pendingNs[i]!);
    }
    const tornFiles: string[] = [];
    let droppedBytes = 0;
    const seen = new Set<Inode>();
    for (const [path, inode] of ns) {
      if (seen.has(inode)) continue;
      seen.add(inode);
      const survived = inode.unsyncedBytes();
      let content: Buffer = Buffer.from(inode.durable);
      if (mode === 'tear-last-write' && inode.pending.length > 0) {
        const last = inode.pending.length - 1;
        const scratch = new Inode();
        scratch.content = content;
        for (let i = 0; i < last; i++) {
          const op = inode.pending[i]!;
          if (op.kind === 'write') scratch.write(op.pos, op.data);
          else scratch.truncate(op.len);
        }
        const op = inode.pending[last]!;
        let kept = survived - (op.kind === 'write' ? op.data.length : 0);
        if (op.kind === 'write' && op.data.length > 0) {
          const prefix = Math.floor(rand() * op.data.length);
          scratch.write(op.pos, op.data.subarray(0, prefix));
          kept += prefix;
          tornFiles.push(path);
        } else if (op.kind === 'truncate' && rand() < 0.5) {
          scratch.truncate(op.len);
        }
        content = scratch.content;
        droppedBytes += survived - kept;
      } else {
        droppedBytes += survived;
      }
      inode.content = content;
      inode.durable = Buffer.from(content);
      inode.pending = [];
    }
    this.ns = ns;
    this.durableNs = new Map(ns);
    this.pendingNs = [];
    return { tornFiles, droppedBytes };
  }
}
