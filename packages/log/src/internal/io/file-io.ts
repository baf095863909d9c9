/**
 * The I/O seam (DESIGN.md decision 7). Every byte the log writes goes through a FileIO,
 * so tests can substitute a fault-injecting implementation that drops unsynced bytes,
 * tears the last write, fails fsync or reports ENOSPC.
 */

/** An open file. Writes are positional; the log always writes at the current end. */
export interface FileHandle {
  readonly path: string;
  /** Read up to `length` bytes at `position` into `buf` at `offset`; returns bytes read. */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** Write all of `data` at `position`. */
  write(data: Buffer, position: number): Promise<void>;
  /** Write several buffers at `position` as one write (writev). */
  writev(data: readonly Buffer[], position: number): Promise<void>;
  /** Make every completed write durable (fdatasync). */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export type OpenMode =
  /** read only; the file must exist */
  | 'r'
  /** read and write; created if missing */
  | 'rw';

export interface FileIO {
  open(path: string, mode: OpenMode): Promise<FileHandle>;
  /** Whole-file read; rejects with ENOENT if missing. */
  readFile(path: string): Promise<Buffer>;
  /** Write to a temp file, fsync it, rename over `path`, fsync the directory. */
  writeFileAtomic(path: string, data: Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Remove a directory tree (no error if missing). */
  rmdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** fsync a directory so renames and creations in it are durable. */
  syncDir(path: string): Promise<void>;
}
