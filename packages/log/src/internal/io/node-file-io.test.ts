import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeFileIO } from './node-file-io.js';

describe('NodeFileIO', () => {
  let dir: string;
  const io = new NodeFileIO();
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rill-io-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes positionally (write and writev), reads, syncs, truncates', async () => {
    const f = join(dir, 'f');
    const h = await io.open(f, 'rw');
    await h.write(Buffer.from('hello'), 0);
    await h.writev([Buffer.from(' '), Buffer.alloc(0), Buffer.from('world')], 5);
    await h.sync();
    expect(await h.size()).toBe(11);
    const buf = Buffer.alloc(32);
    expect(await h.read(buf, 0, 32, 0)).toBe(11);
    expect(buf.subarray(0, 11).toString()).toBe('hello world');
    await h.truncate(5);
    expect(await h.size()).toBe(5);
    await h.close();
    const r = await io.open(f, 'r');
    await expect(r.write(Buffer.from('x'), 0)).rejects.toBeInstanceOf(Error);
    await r.close();
  });

  it('replaces files atomically and manages directories', async () => {
    const f = join(dir, 'sub', 'cp');
    await io.mkdir(join(dir, 'sub'));
    await io.writeFileAtomic(f, Buffer.from('v1'));
    await io.writeFileAtomic(f, Buffer.from('v2'));
    expect((await io.readFile(f)).toString()).toBe('v2');
    expect(await io.readdir(join(dir, 'sub'))).toEqual(['cp']);
    await io.rename(f, `${f}.old`);
    expect(await io.exists(f)).toBe(false);
    await io.unlink(`${f}.old`);
    await io.syncDir(join(dir, 'sub'));
    await io.rmdir(join(dir, 'sub'));
    expect(await io.exists(join(dir, 'sub'))).toBe(false);
    await io.rmdir(join(dir, 'sub'));
    await expect(io.readFile(f)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(io.open(f, 'r')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
