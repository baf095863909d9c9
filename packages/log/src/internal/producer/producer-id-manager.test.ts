import { describe, expect, it } from 'vitest';
import { FaultyFileIO } from '../io/faulty-file-io.js';
import { PRODUCER_ID_BLOCK_SIZE, ProducerIdManager } from './producer-id-manager.js';

describe('ProducerIdManager', () => {
  it('hands out distinct ids and never repeats one after a restart or a crash', async () => {
    const io = new FaultyFileIO();
    await io.mkdir('/d');
    const m = new ProducerIdManager(io, '/d');
    const first = await Promise.all(Array.from({ length: 5 }, () => m.allocate()));
    expect(first).toEqual([0, 1, 2, 3, 4]);
    const restarted = new ProducerIdManager(io, '/d');
    expect(await restarted.allocate()).toBe(PRODUCER_ID_BLOCK_SIZE);
    const { io: after } = io.crash({ mode: 'drop-unsynced', seed: 1 });
    expect(await new ProducerIdManager(after, '/d').allocate()).toBe(2 * PRODUCER_ID_BLOCK_SIZE);
  });

  it('refuses to start from an unreadable file rather than risk reusing ids', async () => {
    const io = new FaultyFileIO();
    await io.mkdir('/d');
    await io.writeFileAtomic('/d/producer-ids', Buffer.from('garbage'));
    await expect(new ProducerIdManager(io, '/d').allocate()).rejects.toMatchObject({
      code: 'KAFKA_STORAGE_ERROR',
    });
  });
});
