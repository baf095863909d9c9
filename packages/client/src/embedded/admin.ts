/**
 * The embedded admin: topics, configs and records over the engine; groups and offsets over the
 * group coordinator.
 */
import { validateTopicConfig, validateTopicName } from '@rill/log';
import type { AdminConfig } from '../api/admin-config.js';
import { resolveAdminConfig } from '../api/admin-config.js';
import type {
  Admin,
  AlterConfigOp,
  ConfigResource,
  GroupDescription,
  GroupListing,
  ListedOffset,
  NewTopic,
  OffsetSpec,
  PartitionLag,
  ResetTarget,
  ResourceConfigs,
  TopicDescription,
} from '../api/admin.js';
import type {
  IsolationLevel,
  OffsetAndMetadata,
  TopicPartition,
  TopicPartitionOffset,
} from '../api/common.js';
import { ClientError, toClientError } from '../errors.js';
import {
  alterTopicConfigs,
  describeBrokerConfigs,
  describeTopicConfigs,
  EMBEDDED_BROKER_ID,
} from './admin-configs.js';
import * as groups from './admin-groups.js';
import { closedError, INTERNAL_TOPICS, type EmbeddedContext } from './context.js';
import { allInOrder } from './kafka-errors.js';
import { lastStableOffset } from './offsets.js';

const REPLICAS = [EMBEDDED_BROKER_ID] as const;

export class EmbeddedAdmin implements Admin {
  private closed = false;

  constructor(
    private readonly ctx: EmbeddedContext,
    config: AdminConfig | undefined,
    private readonly onClose: (a: EmbeddedAdmin) => void,
  ) {
    resolveAdminConfig(config);
  }

  async createTopics(
    topics: readonly NewTopic[],
    options?: { readonly validateOnly?: boolean },
  ): Promise<void> {
    this.check();
    const { engine } = this.ctx;
    await allInOrder(topics, async (t) => {
      try {
        const rf = t.replicationFactor;
        if (rf !== undefined && rf !== -1 && rf !== 1)
          throw new ClientError(
            'INVALID_REPLICATION_FACTOR',
            `Replication factor ${rf} is larger than the number of brokers (1) for ${t.topic}`,
            { resource: t.topic },
          );
        if (options?.validateOnly === true) {
          validateTopicName(t.topic);
          if (engine.listTopics().includes(t.topic))
            throw new ClientError('TOPIC_ALREADY_EXISTS', `Topic '${t.topic}' already exists`, {
              resource: t.topic,
            });
          const n = t.numPartitions;
          if (n !== undefined && n !== -1 && (!Number.isInteger(n) || n < 1))
            throw new ClientError('INVALID_PARTITIONS', `Number of partitions must be at least 1: ${n}`, {
              resource: t.topic,
            });
          validateTopicConfig(t.configs ?? {});
          return;
        }
        await engine.createTopic(t.topic, {
          ...(t.numPartitions === undefined ? {} : { partitions: t.numPartitions }),
          ...(t.configs === undefined ? {} : { configs: t.configs }),
        });
      } catch (e) {
        throw toClientError(e, t.topic);
      }
    });
  }

  async deleteTopics(topics: readonly string[]): Promise<void> {
    this.check();
    await allInOrder(topics, (t) =>
      this.ctx.engine.deleteTopic(t).catch((e: unknown) => Promise.reject(toClientError(e, t))),
    );
  }

  async listTopics(options?: { readonly listInternal?: boolean }): Promise<string[]> {
    this.check();
    const names = this.ctx.engine.listTopics();
    return options?.listInternal === true ? names : names.filter((n) => !INTERNAL_TOPICS.has(n));
  }

  async describeTopics(topics: readonly string[]): Promise<TopicDescription[]> {
    this.check();
    return topics.map((name) => {
      let d;
      try {
        d = this.ctx.engine.describeTopic(name);
      } catch (e) {
        throw toClientError(e, name);
      }
      return {
        name,
        topicId: d.topicId,
        isInternal: INTERNAL_TOPICS.has(name),
        partitions: Array.from({ length: d.partitions }, (_, partition) => ({
          partition,
          leader: EMBEDDED_BROKER_ID,
          replicas: REPLICAS,
          isr: REPLICAS,
        })),
      };
    });
  }

  async createPartitions(
    requests: readonly { readonly topic: string; readonly totalCount: number }[],
  ): Promise<void> {
    this.check();
    await allInOrder(requests, (r) =>
      this.ctx.engine
        .createPartitions(r.topic, r.totalCount)
        .catch((e: unknown) => Promise.reject(toClientError(e, r.topic))),
    );
  }

  async describeConfigs(
    resources: readonly ConfigResource[],
    options?: { readonly names?: readonly string[] },
  ): Promise<ResourceConfigs[]> {
    this.check();
    const out: ResourceConfigs[] = [];
    for (const r of resources) {
      if (r.type === 'topic') out.push(describeTopicConfigs(this.ctx.engine, r, options?.names));
      else out.push(describeBrokerConfigs(await this.ctx.coordinator(), r, options?.names));
    }
    return out;
  }

  async alterConfigs(
    changes: readonly { readonly resource: ConfigResource; readonly ops: readonly AlterConfigOp[] }[],
  ): Promise<void> {
    this.check();
    await allInOrder(changes, async (c) => {
      if (c.resource.type !== 'topic')
        throw new ClientError(
          'INVALID_REQUEST',
          'Broker configs of the embedded engine are fixed when it opens',
          {
            resource: c.resource.name,
          },
        );
      await alterTopicConfigs(this.ctx.engine, c.resource, c.ops);
    });
  }

  async listGroups(): Promise<GroupListing[]> {
    this.check();
    return groups.listGroups(await this.ctx.coordinator());
  }

  async describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]> {
    this.check();
    return groups.describeGroups(await this.ctx.coordinator(), groupIds);
  }

  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    this.check();
    await groups.deleteGroups(await this.ctx.coordinator(), groupIds);
  }

  async listConsumerGroupOffsets(
    groupId: string,
    options?: { readonly partitions?: readonly TopicPartition[]; readonly requireStable?: boolean },
  ): Promise<(TopicPartition & OffsetAndMetadata)[]> {
    this.check();
    return groups.fetchGroupOffsets(
      await this.ctx.coordinator(),
      groupId,
      options?.partitions,
      options?.requireStable ?? false,
    );
  }

  async alterConsumerGroupOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void> {
    this.check();
    await groups.commitGroupOffsets(await this.ctx.coordinator(), groupId, offsets);
  }

  async resetConsumerGroupOffsets(
    groupId: string,
    target: { readonly topics: readonly string[] } | { readonly partitions: readonly TopicPartition[] },
    to: ResetTarget,
  ): Promise<TopicPartitionOffset[]> {
    this.check();
    return groups.resetGroupOffsets(await this.ctx.coordinator(), this.ctx.engine, groupId, target, to);
  }

  async deleteConsumerGroupOffsets(groupId: string, partitions: readonly TopicPartition[]): Promise<void> {
    this.check();
    await groups.deleteGroupOffsets(await this.ctx.coordinator(), groupId, partitions);
  }

  async lag(
    groupId: string,
    options?: { readonly topics?: readonly string[]; readonly isolationLevel?: IsolationLevel },
  ): Promise<PartitionLag[]> {
    this.check();
    return groups.groupLag(
      await this.ctx.coordinator(),
      this.ctx.engine,
      groupId,
      options?.topics,
      options?.isolationLevel ?? 'read_uncommitted',
    );
  }

  async listOffsets(
    requests: readonly (TopicPartition & { readonly spec: OffsetSpec })[],
    options?: { readonly isolationLevel?: IsolationLevel },
  ): Promise<ListedOffset[]> {
    this.check();
    const isolation = options?.isolationLevel ?? 'read_uncommitted';
    return allInOrder(requests, async (r) => {
      const { topic, partition } = r;
      try {
        if (r.spec === 'latest')
          return {
            topic,
            partition,
            offset: lastStableOffset(this.ctx.engine, topic, partition, isolation),
            timestamp: -1,
          };
        const ts = r.spec === 'earliest' ? -2 : r.spec.timestamp;
        const found = await this.ctx.engine.offsetForTimestamp(topic, partition, ts);
        if (found === null)
          return {
            topic,
            partition,
            offset: lastStableOffset(this.ctx.engine, topic, partition, isolation),
            timestamp: -1,
          };
        return { topic, partition, offset: found.offset, timestamp: found.timestamp };
      } catch (e) {
        throw toClientError(e, `${topic}-${partition}`);
      }
    });
  }

  async deleteRecords(
    requests: readonly (TopicPartition & { readonly beforeOffset: number })[],
  ): Promise<(TopicPartition & { readonly lowWatermark: number })[]> {
    this.check();
    return allInOrder(requests, async (r) => {
      try {
        const lowWatermark = await this.ctx.engine.deleteRecords(r.topic, r.partition, r.beforeOffset);
        return { topic: r.topic, partition: r.partition, lowWatermark };
      } catch (e) {
        throw toClientError(e, `${r.topic}-${r.partition}`);
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }

  private check(): void {
    if (this.closed) throw closedError('admin');
    this.ctx.checkOpen();
  }
}
