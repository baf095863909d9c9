/**
 * The production FileIO over node:fs/promises. Positional reads and writes, fdatasync for
 * durability, and directory fsyncs so that creations and renames survive a power loss.
 */
import { constants, promises as fsp } from 'node:fs';
import type { FileHandle as NodeHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileHandle, FileIO, OpenMode } from './file-io.js';

class NodeFileHandle implements FileHandle {
  constructor(
    readonly path: string,
    private readonly fh: NodeHandle,
  ) {}

  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    let total = 0;
    // A positional read may return short (e.g. on large requests); loop until EOF or done.
    while (total < length) {
      const { bytesRead } = await this.fh.read(buf, offset + total, length - total, position + total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return total;
  }

  async write(data: Buffer, position: number): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.fh.write(data, done, data.length - done, position + done);
      done += bytesWritten;
    }
  }

  async writev(data: readonly Buffer[], position: number): Promise<void> {
    let bufs = data.filter((b) => b.length > 0);
    let pos = position;
    while (bufs.length > 0) {
      const { bytesWritten } = await this.fh.writev(bufs, pos);
      pos += bytesWritten;
      // Short writev: drop what was written and continue with the remainder.
      let skip = bytesWritten;
      const rest: Buffer[] = [];
      for (const b of bufs) {
        if (skip >= b.length) {
          skip -= b.length;
        } else {
          rest.push(skip > 0 ? b.subarray(skip) : b);
          skip = 0;
        }
      }
      bufs = rest;
    }
  }

  sync(): Promise<void> {
    return this.fh.datasync();
  }

  truncate(length: number): Promise<void> {
    return this.fh.truncate(length);
  }

  async size(): Promise<number> {
    return (await this.fh.stat()).size;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

let tmpCounter = 0;

/** FileIO backed by the real file system. */
export class NodeFileIO implements FileIO {
  async open(path: string, mode: OpenMode): Promise<FileHandle> {
    const flags = mode === 'r' ? constants.O_RDONLY : constants.O_RDWR | constants.O_CREAT;
    return new NodeFileHandle(path, await fsp.open(path, flags, 0o644));
  }

  readFile(path: string): Promise<Buffer> {
    return fsp.readFile(path);
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.${process.pid}.${++tmpCounter}.tmp`;
    const fh = await fsp.open(tmp, 'w', 0o644);
    try {
      try {
        await fh.writeFile(data);
        await fh.datasync();
      } finally {
        await fh.close();
      }
      await fsp.rename(tmp, path);
    } catch (e) {
      // Do not leave a half-written temp file behind (e.g. after ENOSPC).
      await fsp.rm(tmp, { force: true }).catch((rmError: unknown) => {
        throw new AggregateError(
          [e, rmError],
          `writing ${path} failed and its temp file could not be removed`,
        );
      });
      throw e;
    }
    await this.syncDir(dirname(path));
  }

  rename(from: string, to: string): Promise<void> {
    return fsp.rename(from, to);
  }

  unlink(path: string): Promise<void> {
    return fsp.unlink(path);
  }

  async mkdir(path: string): Promise<void> {
    await fsp.mkdir(path, { recursive: true });
  }

  rmdir(path: string): Promise<void> {
    return fsp.rm(path, { recursive: true, force: true });
  }

  readdir(path: string): Promise<string[]> {
    return fsp.readdir(path);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await fsp.access(path);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  async syncDir(path: string): Promise<void> {
    const fh = await fsp.open(path, constants.O_RDONLY);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
}

/** The shared production FileIO instance. */
export const nodeFileIO: FileIO = new NodeFileIO();
