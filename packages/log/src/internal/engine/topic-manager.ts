/**
 * Owns the topics of one engine: their metadata, effective configs and open partitions, and
 * every change to them (create, delete, add partitions, alter configs), one change at a time.
 *
 * Crash ordering: the metadata file is written before partitions are created and before they
 * are deleted, so partition directories never exist without a metadata file listing or
 * un-listing them; on open, directories of topics or partitions not listed are strays from an
 * interrupted delete and are removed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LogError } from '../../errors.js';
import type { BrokerConfig } from '../config/broker-config.js';
import type { TopicConfig } from '../config/topic-config.js';
import { isTopicConfigKey } from '../config/config-def.js';
import { mergeTopicConfig, parseTopicConfigOverrides, type TopicConfigInput } from '../config/validate.js';
import type { Clock } from '../clock/clock.js';
import type { FileIO } from '../io/file-io.js';
import type { PartitionLog } from '../partition/types.js';
import { openPartitions, removeStrayPartitions, throwFirst, type OpenPartition } from './partition-dirs.js';
import {
  loadTopicMetadata,
  saveTopicMetadata,
  TOPIC_METADATA_FILE,
  type TopicMetadata,
} from '../topics/topic-metadata.js';
import { topicsCollide, validateTopicName } from '../topics/topic-name.js';

export interface TopicManagerDeps {
  readonly dataDir: string;
  readonly io: FileIO;
  readonly clock: Clock;
  readonly broker: BrokerConfig;
  readonly openPartition: OpenPartition;
}

export interface TopicEntry {
  readonly meta: TopicMetadata;
  readonly config: Readonly<TopicConfig>;
  readonly partitions: readonly PartitionLog[];
}

export interface AlterConfigOptions {
  /** Override keys to remove (the topic falls back to the engine default). */
  readonly delete?: readonly string[];
  /** Replace all overrides with the given ones (Kafka's legacy AlterConfigs) instead of merging. */
  readonly replace?: boolean;
}

const NEW_PARTITION = { cleanShutdown: false, fresh: true } as const;

export class TopicManager {
  private readonly topics = new Map<string, TopicEntry>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: TopicManagerDeps) {}

  /** Read the metadata, remove strays and open every partition. */
  async load(cleanShutdown: boolean): Promise<void> {
    const { io, dataDir } = this.deps;
    const metas = await loadTopicMetadata(io, dataDir);
    const hasMetadataFile = await io.exists(join(dataDir, TOPIC_METADATA_FILE));
    await removeStrayPartitions(
      this.deps,
      new Map(metas.map((m) => [m.name, m.partitions])),
      hasMetadataFile,
    );
    try {
      for (const meta of metas) {
        const config = mergeTopicConfig(this.deps.broker.topicDefaults, meta.overrides);
        const partitions = await openPartitions(this.deps, meta.name, 0, meta.partitions, config, {
          cleanShutdown,
          fresh: false,
        });
        this.topics.set(meta.name, { meta, config, partitions });
      }
    } catch (e) {
      await this.closeAll().catch((closeError: unknown) => {
        throw new AggregateError(
          [e, closeError],
          'opening partitions failed and closing the opened ones failed too',
        );
      });
      throw e;
    }
  }

  names(): string[] {
    return [...this.topics.keys()].sort();
  }

  tryGet(name: string): TopicEntry | undefined {
    return this.topics.get(name);
  }

  get(name: string): TopicEntry {
    const entry = this.topics.get(name);
    if (entry === undefined) throw unknownTopic(name);
    return entry;
  }

  /** Every open partition of every topic. */
  *allPartitions(): Iterable<PartitionLog> {
    for (const entry of this.topics.values()) yield* entry.partitions;
  }

  partition(topic: string, partition: number): PartitionLog {
    const p = this.get(topic).partitions[partition];
    if (p === undefined || !Number.isInteger(partition)) {
      throw new LogError('UNKNOWN_TOPIC_OR_PARTITION', `Partition ${topic}-${partition} does not exist`);
    }
    return p;
  }

  /** Create a topic. `partitions` undefined or -1 means the engine's num.partitions. */
  create(
    name: string,
    partitions: number | undefined,
    configs: TopicConfigInput | undefined,
  ): Promise<TopicEntry> {
    // Validate before queueing so bad input fails fast with the caller's stack.
    validateTopicName(name);
    const count = partitions === undefined || partitions === -1 ? this.deps.broker.numPartitions : partitions;
    checkPartitionCount(count);
    const overrides = Object.freeze(parseTopicConfigOverrides(configs ?? {}));
    const config = mergeTopicConfig(this.deps.broker.topicDefaults, overrides);
    return this.exclusive(async () => {
      if (this.topics.has(name))
        throw new LogError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
      for (const existing of this.topics.keys()) {
        if (topicsCollide(name, existing)) {
          throw new LogError(
            'INVALID_TOPIC_EXCEPTION',
            `Topic '${name}' collides with existing topic: ${existing}`,
          );
        }
      }
      const meta: TopicMetadata = { name, topicId: randomUUID(), partitions: count, overrides };
      await this.persist([...this.metas(), meta]);
      let opened: PartitionLog[];
      try {
        opened = await openPartitions(this.deps, name, 0, count, config, NEW_PARTITION);
      } catch (e) {
        await this.persist(this.metas());
        throw e;
      }
      const entry: TopicEntry = { meta, config, partitions: opened };
      this.topics.set(name, entry);
      return entry;
    });
  }

  /** Return the topic, creating it with engine defaults if it does not exist (auto-create). */
  async ensure(name: string): Promise<TopicEntry> {
    const existing = this.topics.get(name);
    if (existing !== undefined) return existing;
    try {
      return await this.create(name, undefined, undefined);
    } catch (err) {
      // Lost a race with another creator: that topic is as good.
      const now = this.topics.get(name);
      if (now !== undefined && err instanceof LogError && err.code === 'TOPIC_ALREADY_EXISTS') return now;
      throw err;
    }
  }

  delete(name: string): Promise<void> {
    return this.exclusive(async () => {
      const entry = this.get(name);
      this.topics.delete(name);
      try {
        await this.persist(this.metas());
      } catch (e) {
        this.topics.set(name, entry);
        throw e;
      }
      const results = await Promise.allSettled(entry.partitions.map((p) => p.delete()));
      throwFirst(results);
    });
  }

  createPartitions(name: string, totalCount: number): Promise<void> {
    return this.exclusive(async () => {
      const entry = this.get(name);
      const current = entry.partitions.length;
      if (!Number.isSafeInteger(totalCount)) {
        throw new LogError(
          'INVALID_PARTITIONS',
          `Number of partitions must be an integer, got ${totalCount}.`,
        );
      }
      if (totalCount === current)
        throw new LogError('INVALID_PARTITIONS', `Topic already has ${current} partitions.`);
      if (totalCount < current) {
        throw new LogError(
          'INVALID_PARTITIONS',
          `Topic currently has ${current} partitions, which is higher than the requested ${totalCount}.`,
        );
      }
      const meta: TopicMetadata = { ...entry.meta, partitions: totalCount };
      await this.persist(this.metas().map((m) => (m.name === name ? meta : m)));
      let added: PartitionLog[];
      try {
        added = await openPartitions(this.deps, name, current, totalCount, entry.config, NEW_PARTITION);
      } catch (e) {
        await this.persist(this.metas());
        throw e;
      }
      this.topics.set(name, { meta, config: entry.config, partitions: [...entry.partitions, ...added] });
    });
  }

  alterConfig(
    name: string,
    configs: TopicConfigInput,
    options: AlterConfigOptions = {},
  ): Promise<Readonly<TopicConfig>> {
    const parsed = parseTopicConfigOverrides(configs);
    for (const key of options.delete ?? []) {
      if (!isTopicConfigKey(key)) throw new LogError('INVALID_CONFIG', `Unknown topic config name: ${key}`);
    }
    return this.exclusive(async () => {
      const entry = this.get(name);
      const overrides: Record<string, unknown> = options.replace
        ? { ...parsed }
        : { ...entry.meta.overrides, ...parsed };
      for (const key of options.delete ?? []) delete overrides[key];
      const config = mergeTopicConfig(this.deps.broker.topicDefaults, overrides as Partial<TopicConfig>);
      const meta: TopicMetadata = {
        ...entry.meta,
        overrides: Object.freeze(overrides) as Partial<TopicConfig>,
      };
      await this.persist(this.metas().map((m) => (m.name === name ? meta : m)));
      this.topics.set(name, { meta, config, partitions: entry.partitions });
      for (const p of entry.partitions) p.updateConfig(config);
      return config;
    });
  }

  /** Close every partition (flushing them); waits for a running admin change first. */
  closeAll(): Promise<void> {
    return this.exclusive(async () => {
      const all = [...this.topics.values()].flatMap((t) => t.partitions);
      this.topics.clear();
      throwFirst(await Promise.allSettled(all.map((p) => p.close())));
    });
  }

  private metas(): TopicMetadata[] {
    return [...this.topics.values()].map((t) => t.meta);
  }

  private persist(metas: TopicMetadata[]): Promise<void> {
    return saveTopicMetadata(this.deps.io, this.deps.dataDir, metas);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    // The queue continues whatever the outcome; the caller sees the outcome through `run`.
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

function checkPartitionCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new LogError('INVALID_PARTITIONS', `Number of partitions must be larger than 0, got ${count}.`);
  }
}

function unknownTopic(name: string): LogError {
  return new LogError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`);
}
