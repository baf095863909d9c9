import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from './faulty-file-io.js';

async function setup(): Promise<FaultyFileIO> {
  const io = new FaultyFileIO();
  await io.mkdir('/d');
  return io;
}

describe('FaultyFileIO', () => {
  it('reads what was written and tracks synced vs unsynced bytes', async () => {
    const io = await setup();
    const h = await io.open('/d/f', 'rw');
    await h.write(Buffer.from('hello'), 0);
    await h.writev([Buffer.from(' '), Buffer.from('world')], 5);
    expect(io.unsyncedBytes('/d/f')).toBe(11);
    await h.sync();
    expect([io.unsyncedBytes('/d/f'), io.syncedBytes('/d/f')]).toEqual([0, 11]);
    const buf = Buffer.alloc(20);
    expect(await h.read(buf, 0, 20, 0)).toBe(11);
    expect(buf.subarray(0, 11).toString()).toBe('hello world');
    expect(await h.size()).toBe(11);
    await expect(io.open('/d/missing', 'r')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('drop-unsynced keeps exactly the synced bytes; a file whose creation was not dir-synced vanishes', async () => {
    const io = await setup();
    const h = await io.open('/d/f', 'rw');
    await io.syncDir('/d');
    await h.write(Buffer.from('durable'), 0);
    await h.sync();
    await h.write(Buffer.from('-lost'), 7);
    const g = await io.open('/d/new', 'rw');
    await g.write(Buffer.from('x'), 0);
    await g.sync();
    const { io: after, droppedBytes } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    expect(droppedBytes).toBe(5);
    expect((await after.readFile('/d/f')).toString()).toBe('durable');
    expect(await after.exists('/d/new')).toBe(false);
    await expect(h.write(Buffer.from('z'), 0)).rejects.toMatchObject({ code: 'EIO' });
    await expect(io.readFile('/d/f')).rejects.toMatchObject({ code: 'EIO' });
  });

  it('tear-last-write keeps earlier unsynced writes and a strict prefix of the last one', async () => {
    let sawPartial = false;
    for (let seed = 0; seed < 20; seed++) {
      const io = await setup();
      const h = await io.open('/d/f', 'rw');
      await io.syncDir('/d');
      await h.write(Buffer.from('AAAA'), 0);
      await h.sync();
      await h.write(Buffer.from('BBBB'), 4);
      await h.write(Buffer.from('CCCCCCCC'), 8);
      const crash = io.crash({ mode: 'tear-last-write', seed });
      const content = (await crash.io.readFile('/d/f')).toString();
      expect(content.startsWith('AAAABBBB')).toBe(true);
      expect(content.length).toBeLessThan(16);
      expect(content.slice(8)).toBe('C'.repeat(content.length - 8));
      expect(crash.tornFiles).toEqual(['/d/f']);
      if (content.length > 8) sawPartial = true;
    }
    expect(sawPartial).toBe(true);
  });

  it('renames become durable with a directory fsync; writeFileAtomic is durable at once', async () => {
    const io = await setup();
    await io.writeFileAtomic('/d/a', Buffer.from('v1'));
    const h = await io.open('/d/b', 'rw');
    await h.write(Buffer.from('bb'), 0);
    await h.sync();
    await io.syncDir('/d');
    await io.rename('/d/b', '/d/c');
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 2 });
    expect((await after.readFile('/d/a')).toString()).toBe('v1');
    expect(await after.exists('/d/b')).toBe(true);
    expect(await after.exists('/d/c')).toBe(false);
    expect((await after.readdir('/d')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fails the next fsync of matching files once, and reports ENOSPC while the disk is full', async () => {
    const io = await setup();
    const h = await io.open('/d/seg.log', 'rw');
    const other = await io.open('/d/other', 'rw');
    io.failNextFsync(/seg\.log$/);
    await h.write(Buffer.from('x'), 0);
    await other.sync();
    await expect(h.sync()).rejects.toMatchObject({ code: 'EIO', syscall: 'fsync' });
    await h.sync();
    io.setDiskFull(true);
    await expect(h.write(Buffer.from('y'), 1)).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(io.writeFileAtomic('/d/cp', Buffer.from('1'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await io.exists('/d/cp')).toBe(false);
    io.setDiskFull(false);
    await h.write(Buffer.from('y'), 1);
    expect((await io.readFile('/d/seg.log')).toString()).toBe('xy');
  });

  it('crashAfterOps cuts the power at the chosen operation', async () => {
    const io = await setup();
    const h = await io.open('/d/f', 'rw');
    io.crashAfterOps(2, { mode: 'drop-unsynced', seed: 0 });
    await h.write(Buffer.from('a'), 0);
    await expect(h.sync()).rejects.toMatchObject({ code: 'EIO' });
    expect(io.lastCrash).not.toBeNull();
    await expect(h.write(Buffer.from('b'), 1)).rejects.toMatchObject({ code: 'EIO' });
    const after = io.lastCrash!.io;
    expect(await after.exists('/d/f')).toBe(false);
  });

  it('media corruption via corrupt() survives a crash', async () => {
    const io = await setup();
    await io.writeFileAtomic('/d/f', Buffer.from('abcd'));
    io.corrupt('/d/f', 1, Buffer.from('Z'));
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 0 });
    expect((await after.readFile('/d/f')).toString()).toBe('aZcd');
  });

  it('readdir, unlink, truncate and rmdir behave like a file system', async () => {
    const io = await setup();
    await io.mkdir('/d/sub/deeper');
    await io.writeFileAtomic('/d/sub/x', Buffer.from('1'));
    expect(await io.readdir('/d')).toEqual(['sub']);
    expect(await io.readdir('/d/sub')).toEqual(['deeper', 'x']);
    const h = await io.open('/d/sub/x', 'rw');
    await h.truncate(0);
    expect(await h.size()).toBe(0);
    await io.unlink('/d/sub/x');
    await expect(io.unlink('/d/sub/x')).rejects.toMatchObject({ code: 'ENOENT' });
    await io.rmdir('/d/sub');
    expect(await io.exists('/d/sub')).toBe(false);
    await expect(io.readdir('/d/sub')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
