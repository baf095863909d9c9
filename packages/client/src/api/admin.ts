/**
 * The admin side of the client interface: topics, configs, groups, offsets, lag, records.
 *
 * Batch operations attempt every item and then, if any failed, reject with the first failure
 * in input order (as Java's `all()` futures do); `resource` names the failed item.
 */
import type { IsolationLevel, OffsetAndMetadata, TopicPartition, TopicPartitionOffset } from './common.js';

/** A topic to create. */
export interface NewTopic {
  readonly topic: string;
  /** Default the server's `num.partitions`. */
  readonly numPartitions?: number;
  /** Default the server's default; the embedded log accepts only 1 (it has no replicas). */
  readonly replicationFactor?: number;
  /** Topic config overrides under Kafka's names, as strings (as over the wire). */
  readonly configs?: Readonly<Record<string, string>>;
}

/** A partition as described by the admin. */
export interface PartitionInfo {
  readonly partition: number;
  /** Broker id of the leader; the embedded log is broker 0. */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** What `describeTopics` reports. */
export interface TopicDescription {
  readonly name: string;
  /** Kafka's topic id (UUID string). */
  readonly topicId: string;
  /** `__consumer_offsets`, `__transaction_state`. */
  readonly isInternal: boolean;
  readonly partitions: readonly PartitionInfo[];
}

/** A config resource: a topic, or the broker (the embedded engine). */
export interface ConfigResource {
  readonly type: 'topic' | 'broker';
  /** Topic name, or broker id as a string ('0' for the embedded engine). */
  readonly name: string;
}

/** Where a config value comes from (Kafka's ConfigSource, simplified to what applies here). */
export type ConfigSource =
  'DYNAMIC_TOPIC_CONFIG' | 'DYNAMIC_BROKER_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DEFAULT_CONFIG';

/** One config entry. Values are strings, as over the wire. */
export interface ConfigEntry {
  readonly name: string;
  readonly value: string | null;
  readonly source: ConfigSource;
  readonly isDefault: boolean;
  readonly isReadOnly: boolean;
  readonly isSensitive: boolean;
}

/** Configs of one resource. */
export interface ResourceConfigs {
  readonly resource: ConfigResource;
  readonly entries: readonly ConfigEntry[];
}

/** One change of Kafka's IncrementalAlterConfigs: set a value, or delete the override (revert to default). */
export type AlterConfigOp =
  | { readonly op: 'set'; readonly name: string; readonly value: string }
  | { readonly op: 'delete'; readonly name: string };

/** Kafka's group states. */
export type GroupState =
  'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead' | 'Unknown';

/** A row of `listGroups`. */
export interface GroupListing {
  readonly groupId: string;
  /** 'consumer' for consumer groups; '' for groups that only commit offsets. */
  readonly protocolType: string;
  readonly state: GroupState;
}

/** A member as described by `describeGroups`. */
export interface MemberDescription {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  /** Decoded from the member's consumer-protocol assignment ([] if none or not a consumer group). */
  readonly assignment: readonly TopicPartition[];
}

/** What `describeGroups` reports. */
export interface GroupDescription {
  readonly groupId: string;
  readonly state: GroupState;
  readonly protocolType: string;
  /** The chosen assignor ('range', 'cooperative-sticky', ...), '' when not stable. */
  readonly protocol: string;
  readonly members: readonly MemberDescription[];
}

/** Which offset `listOffsets` and `resetConsumerGroupOffsets` resolve. */
export type OffsetSpec = 'earliest' | 'latest' | { readonly timestamp: number };

/** Result of `listOffsets`: the offset, and the timestamp of that record for a timestamp spec (-1 otherwise). */
export interface ListedOffset extends TopicPartition {
  readonly offset: number;
  readonly timestamp: number;
}

/** Where `resetConsumerGroupOffsets` moves each partition. */
export type ResetTarget = OffsetSpec | { readonly offset: number };

/** Lag of a group on one partition. */
export interface PartitionLag extends TopicPartition {
  /** null if the group never committed here. */
  readonly committedOffset: number | null;
  /** Log end offset (read_uncommitted) or last stable offset (read_committed). */
  readonly endOffset: number;
  /** endOffset - committedOffset, or null without a committed offset. */
  readonly lag: number | null;
}

/**
 * Administrative operations.
 *
 * @example
 * ```ts
 * const admin = client.admin();
 * await admin.createTopics([{ topic: 'orders', numPartitions: 3, configs: { 'cleanup.policy': 'compact' } }]);
 * console.log(await admin.lag('billing'));
 * await admin.close();
 * ```
 */
export interface Admin {
  /** @throws ClientError TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR, INVALID_CONFIG. */
  createTopics(topics: readonly NewTopic[], options?: { readonly validateOnly?: boolean }): Promise<void>;
  /** @throws ClientError UNKNOWN_TOPIC_OR_PARTITION. */
  deleteTopics(topics: readonly string[]): Promise<void>;
  /** Topic names, sorted; internal topics only with `listInternal`. */
  listTopics(options?: { readonly listInternal?: boolean }): Promise<string[]>;
  /** @throws ClientError UNKNOWN_TOPIC_OR_PARTITION. */
  describeTopics(topics: readonly string[]): Promise<TopicDescription[]>;
  /** Grow topics to `totalCount` partitions. @throws ClientError INVALID_PARTITIONS (not larger), UNKNOWN_TOPIC_OR_PARTITION. */
  createPartitions(
    requests: readonly { readonly topic: string; readonly totalCount: number }[],
  ): Promise<void>;

  /** Effective configs; `names` limits the entries. @throws ClientError UNKNOWN_TOPIC_OR_PARTITION. */
  describeConfigs(
    resources: readonly ConfigResource[],
    options?: { readonly names?: readonly string[] },
  ): Promise<ResourceConfigs[]>;
  /** Apply changes atomically per resource. @throws ClientError INVALID_CONFIG, UNKNOWN_TOPIC_OR_PARTITION. */
  alterConfigs(
    changes: readonly { readonly resource: ConfigResource; readonly ops: readonly AlterConfigOp[] }[],
  ): Promise<void>;

  listGroups(): Promise<GroupListing[]>;
  /** Unknown groups are described with state 'Dead' (as Kafka does), not rejected. */
  describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]>;
  /** @throws ClientError NON_EMPTY_GROUP (members active), GROUP_ID_NOT_FOUND. */
  deleteGroups(groupIds: readonly string[]): Promise<void>;

  /** Committed offsets of a group (all partitions it committed, or only `partitions`). */
  listConsumerGroupOffsets(
    groupId: string,
    options?: { readonly partitions?: readonly TopicPartition[]; readonly requireStable?: boolean },
  ): Promise<(TopicPartition & OffsetAndMetadata)[]>;
  /** Set committed offsets of a group with no active members. @throws ClientError UNKNOWN_MEMBER_ID (group not empty, as Kafka answers). */
  alterConsumerGroupOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void>;
  /**
   * Move a group's committed offsets (group must have no active members), for the given
   * partitions or every partition of the given topics. @returns the offsets written.
   */
  resetConsumerGroupOffsets(
    groupId: string,
    target: { readonly topics: readonly string[] } | { readonly partitions: readonly TopicPartition[] },
    to: ResetTarget,
  ): Promise<TopicPartitionOffset[]>;
  /** Remove committed offsets. @throws ClientError GROUP_SUBSCRIBED_TO_TOPIC if members still consume them. */
  deleteConsumerGroupOffsets(groupId: string, partitions: readonly TopicPartition[]): Promise<void>;
  /** Lag per partition of the topics the group committed to (or of `topics`). */
  lag(
    groupId: string,
    options?: { readonly topics?: readonly string[]; readonly isolationLevel?: IsolationLevel },
  ): Promise<PartitionLag[]>;

  /** Kafka's ListOffsets. A timestamp past the last record answers the end offset, timestamp -1. */
  listOffsets(
    requests: readonly (TopicPartition & { readonly spec: OffsetSpec })[],
    options?: { readonly isolationLevel?: IsolationLevel },
  ): Promise<ListedOffset[]>;
  /** Advance log start offsets (Kafka's DeleteRecords; -1 = high watermark). @returns new low watermarks. */
  deleteRecords(
    requests: readonly (TopicPartition & { readonly beforeOffset: number })[],
  ): Promise<(TopicPartition & { readonly lowWatermark: number })[]>;

  close(): Promise<void>;
}
