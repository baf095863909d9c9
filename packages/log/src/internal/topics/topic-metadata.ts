/**
 * The persisted list of topics: `<dataDir>/rill-topics.json`, written atomically (temp file,
 * fsync, rename, fsync dir) so a crash leaves either the old or the new list, never a torn one.
 * Only config overrides are stored, as in Kafka, so a topic follows later changes of the
 * engine-level defaults for the keys it does not override.
 */
import { join } from 'node:path';
import { LogError, storageError } from '../../errors.js';
import type { TopicConfig } from '../config/topic-config.js';
import { parseTopicConfigOverrides, type TopicConfigInput } from '../config/validate.js';
import type { FileIO } from '../io/file-io.js';
import { validateTopicName } from './topic-name.js';

export const TOPIC_METADATA_FILE = 'rill-topics.json';
const FORMAT = 'rill-topic-metadata';
/** Bump when the layout changes; older versions must stay readable. */
export const TOPIC_METADATA_VERSION = 1;

export interface TopicMetadata {
  readonly name: string;
  /** Kafka's topic id (a UUID), stable for the topic's lifetime and new after delete + create. */
  readonly topicId: string;
  readonly partitions: number;
  readonly overrides: Readonly<Partial<TopicConfig>>;
}

export function encodeTopicMetadata(topics: Iterable<TopicMetadata>): Buffer {
  const list = [...topics]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => ({ name: t.name, topicId: t.topicId, partitions: t.partitions, configs: t.overrides }));
  return Buffer.from(
    JSON.stringify({ format: FORMAT, version: TOPIC_METADATA_VERSION, topics: list }, null, 1) + '\n',
    'utf8',
  );
}

/** Decode and validate the file's content; `file` names the source in error messages. */
export function decodeTopicMetadata(bytes: Buffer, file: string): TopicMetadata[] {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw corrupt(file, 'not valid JSON', cause);
  }
  if (!isObject(doc) || doc['format'] !== FORMAT) throw corrupt(file, `not a ${FORMAT} file`);
  const version = doc['version'];
  if (version !== TOPIC_METADATA_VERSION) {
    throw new LogError(
      'KAFKA_STORAGE_ERROR',
      `${file}: unsupported topic metadata format version ${String(version)} (this build reads version ${TOPIC_METADATA_VERSION})`,
    );
  }
  const topics = doc['topics'];
  if (!Array.isArray(topics)) throw corrupt(file, 'missing topics list');
  const seen = new Set<string>();
  return topics.map((entry: unknown, i) => {
    if (!isObject(entry)) throw corrupt(file, `topic entry ${i} is not an object`);
    const { name, topicId, partitions, configs } = entry;
    if (
      typeof name !== 'string' ||
      typeof topicId !== 'string' ||
      !Number.isSafeInteger(partitions) ||
      (partitions as number) < 1 ||
      !isObject(configs)
    ) {
      throw corrupt(file, `topic entry ${i} is malformed`);
    }
    if (seen.has(name)) throw corrupt(file, `topic ${name} is listed twice`);
    seen.add(name);
    try {
      validateTopicName(name);
      return {
        name,
        topicId,
        partitions: partitions as number,
        overrides: Object.freeze(parseTopicConfigOverrides(configs as TopicConfigInput)),
      };
    } catch (cause) {
      throw corrupt(file, `topic entry ${i} (${name}) is invalid`, cause);
    }
  });
}

/** Load the topic list; a missing file means a new, empty data directory. */
export async function loadTopicMetadata(io: FileIO, dataDir: string): Promise<TopicMetadata[]> {
  const file = join(dataDir, TOPIC_METADATA_FILE);
  let bytes: Buffer;
  try {
    bytes = await io.readFile(file);
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'ENOENT') return [];
    throw storageError(`reading ${file}`, cause);
  }
  return decodeTopicMetadata(bytes, file);
}

export async function saveTopicMetadata(
  io: FileIO,
  dataDir: string,
  topics: Iterable<TopicMetadata>,
): Promise<void> {
  const file = join(dataDir, TOPIC_METADATA_FILE);
  try {
    await io.writeFileAtomic(file, encodeTopicMetadata(topics));
  } catch (cause) {
    throw storageError(`writing ${file}`, cause);
  }
}

function corrupt(file: string, what: string, cause?: unknown): LogError {
  return new LogError(
    'KAFKA_STORAGE_ERROR',
    `${file}: corrupt topic metadata: ${what}`,
    cause === undefined ? {} : { cause },
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
