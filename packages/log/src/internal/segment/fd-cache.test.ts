import { describe, expect, it } from 'vitest';
import type { FileHandle, FileIO, OpenMode } from '../io/file-io.js';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { FdCache } from './fd-cache.js';

/** Counts open descriptors. */
function counting(io: FileIO): { io: FileIO; open: () => number } {
  let open = 0;
  const wrapped: FileIO = Object.create(io) as FileIO;
  wrapped.open = async (path: string, mode: OpenMode): Promise<FileHandle> => {
    const h = await io.open(path, mode);
    open++;
    const close = h.close.bind(h);
    return Object.assign(Object.create(h) as FileHandle, {
      close: async () => {
        open--;
        await close();
      },
    });
  };
  return { io: wrapped, open: () => open };
}

describe('FdCache', () => {
  it('keeps at most `capacity` idle handles open with thousands of files', async () => {
    const base = new FaultyFileIO();
    await base.mkdir('/d');
    for (let i = 0; i < 2000; i++) await base.writeFileAtomic(`/d/${i}`, Buffer.from([i & 0xff]));
    const { io, open } = counting(base);
    const cache = new FdCache(io, 16);
    for (let i = 0; i < 2000; i++) {
      const lease = await cache.acquire(`/d/${i}`);
      const b = Buffer.alloc(1);
      await lease.handle.read(b, 0, 1, 0);
      expect(b[0]).toBe(i & 0xff);
      lease.release();
    }
    await new Promise((r) => setImmediate(r));
    expect(open()).toBeLessThanOrEqual(16);
    expect(cache.size).toBeLessThanOrEqual(16);
    await cache.closeAll();
    await new Promise((r) => setImmediate(r));
    expect(open()).toBe(0);
  });

  it('never closes a handle under a reader; reuses the most recently used', async () => {
    const base = new FaultyFileIO();
    await base.mkdir('/d');
    for (let i = 0; i < 4; i++) await base.writeFileAtomic(`/d/${i}`, Buffer.from('x'));
    const { io, open } = counting(base);
    const cache = new FdCache(io, 1);
    const held = await cache.acquire('/d/0');
    for (let i = 1; i < 4; i++) (await cache.acquire(`/d/${i}`)).release();
    expect(await held.handle.read(Buffer.alloc(1), 0, 1, 0)).toBe(1);
    await cache.invalidate('/d/0');
    expect(await held.handle.read(Buffer.alloc(1), 0, 1, 0)).toBe(1);
    held.release();
    await new Promise((r) => setImmediate(r));
    expect(open()).toBeLessThanOrEqual(1);
    const a = await cache.acquire('/d/3');
    const b = await cache.acquire('/d/3');
    expect(a.handle).toBe(b.handle);
    a.release();
    b.release();
    await expect(cache.acquire('/d/missing')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
