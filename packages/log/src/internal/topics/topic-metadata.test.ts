import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { NodeFileIO } from '../io/node-file-io.js';
import { LONG_MAX } from '../config/topic-config.js';
import {
  decodeTopicMetadata,
  encodeTopicMetadata,
  loadTopicMetadata,
  saveTopicMetadata,
  TOPIC_METADATA_FILE,
  type TopicMetadata,
} from './topic-metadata.js';

let dir: string;
const io = new NodeFileIO();
beforeEach(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'rill-meta-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const topics: TopicMetadata[] = [
  {
    name: 'b.topic',
    topicId: '5f0c2a3e-1111-4b7a-9c1d-0a1b2c3d4e5f',
    partitions: 3,
    overrides: { 'cleanup.policy': 'compact,delete', 'flush.ms': LONG_MAX },
  },
  { name: 'a', topicId: '0b7e6c4d-2222-4e5f-8a9b-1c2d3e4f5a6b', partitions: 1, overrides: {} },
];

function storageCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    return (e as LogError).code;
  }
}

describe('topic metadata', () => {
  it('is empty for a new directory', async () => {
    expect(await loadTopicMetadata(io, dir)).toEqual([]);
  });

  it('round-trips through the file, with a format version', async () => {
    await saveTopicMetadata(io, dir, topics);
    const doc = JSON.parse(await fsp.readFile(join(dir, TOPIC_METADATA_FILE), 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.format).toBe('rill-topic-metadata');
    const loaded = await loadTopicMetadata(io, dir);
    expect(loaded).toEqual([...topics].sort((x, y) => x.name.localeCompare(y.name)));
  });

  it('rejects an unknown version, corrupt JSON, bad entries and duplicates', () => {
    const good = JSON.parse(encodeTopicMetadata(topics).toString('utf8'));
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v));
    expect(storageCode(() => decodeTopicMetadata(enc({ ...good, version: 2 }), 'f'))).toBe(
      'KAFKA_STORAGE_ERROR',
    );
    expect(storageCode(() => decodeTopicMetadata(Buffer.from('{"format":'), 'f'))).toBe(
      'KAFKA_STORAGE_ERROR',
    );
    expect(
      storageCode(() =>
        decodeTopicMetadata(enc({ ...good, topics: [{ ...good.topics[0], partitions: 0 }] }), 'f'),
      ),
    ).toBe('KAFKA_STORAGE_ERROR');
    expect(
      storageCode(() =>
        decodeTopicMetadata(enc({ ...good, topics: [{ ...good.topics[0], name: 'a/b' }] }), 'f'),
      ),
    ).toBe('KAFKA_STORAGE_ERROR');
    expect(
      storageCode(() =>
        decodeTopicMetadata(enc({ ...good, topics: [{ ...good.topics[0], configs: { nope: 1 } }] }), 'f'),
      ),
    ).toBe('KAFKA_STORAGE_ERROR');
    expect(
      storageCode(() => decodeTopicMetadata(enc({ ...good, topics: [good.topics[0], good.topics[0]] }), 'f')),
    ).toBe('KAFKA_STORAGE_ERROR');
    expect(decodeTopicMetadata(enc(good), 'f')).toHaveLength(2);
  });
});
