import { validateTopicConfig, validateTopicName, type TopicDescription } from '@rill/log';
import type {
  CreateTopicsRequest,
  CreateTopicsRequestCreatableTopic,
  CreateTopicsResponse,
  CreateTopicsResponseCreatableTopicResult,
} from '@rill/protocol';
import { configInput, topicConfigEntries } from '../internal/config-entries.js';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { tryDescribe, uuidBytes } from '../internal/topics.js';

const ZERO_UUID = Buffer.alloc(16);

/**
 * CreateTopics: one replica on this broker. A replication factor above 1 or an assignment
 * naming another broker is refused as Kafka refuses it when brokers are missing.
 */
export async function createTopics(
  ctx: RequestContext,
  req: CreateTopicsRequest,
): Promise<CreateTopicsResponse> {
  const topics: CreateTopicsResponseCreatableTopicResult[] = [];
  const seen = new Set<string>();
  for (const t of req.topics) {
    if (seen.has(t.name)) {
      topics.push(failure(t.name, ERR.INVALID_REQUEST, 'Duplicate topic in request'));
      continue;
    }
    seen.add(t.name);
    topics.push(await createOne(ctx, t, req.validateOnly ?? false));
  }
  return { throttleTimeMs: 0, topics };
}

function failure(
  name: string,
  errorCode: number,
  errorMessage: string | null,
): CreateTopicsResponseCreatableTopicResult {
  return {
    name,
    topicId: ZERO_UUID,
    errorCode,
    errorMessage,
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: null,
  };
}

async function createOne(
  ctx: RequestContext,
  t: CreateTopicsRequestCreatableTopic,
  validateOnly: boolean,
): Promise<CreateTopicsResponseCreatableTopicResult> {
  const { engine, logger, nodeId, settings } = ctx.broker;
  if (t.assignments.length > 0) {
    if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
      return failure(
        t.name,
        ERR.INVALID_REQUEST,
        'Both assignments and numPartitions/replicationFactor are set',
      );
    }
    if (t.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== nodeId)) {
      return failure(t.name, ERR.INVALID_REPLICA_ASSIGNMENT, `Only broker ${nodeId} exists`);
    }
  } else if (t.replicationFactor > 1 || t.replicationFactor === 0 || t.replicationFactor < -1) {
    return failure(
      t.name,
      ERR.INVALID_REPLICATION_FACTOR,
      `Replication factor: ${t.replicationFactor} larger than available brokers: 1.`,
    );
  }
  if (t.numPartitions === 0 || t.numPartitions < -1) {
    return failure(t.name, ERR.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.');
  }
  const partitions =
    t.assignments.length > 0
      ? t.assignments.length
      : t.numPartitions === -1
        ? settings.numPartitions
        : t.numPartitions;
  const configs = configInput(t.configs);
  try {
    if (validateOnly) {
      validateTopicName(t.name);
      validateTopicConfig(configs);
      if (tryDescribe(engine, t.name) !== undefined) {
        return failure(t.name, ERR.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`);
      }
      return { ...failure(t.name, ERR.NONE, null), numPartitions: partitions, replicationFactor: 1 };
    }
    await engine.createTopic(t.name, { partitions, configs });
  } catch (e) {
    const { errorCode, errorMessage } = toKafkaError(e, logger, `create topic ${t.name}`);
    return failure(t.name, errorCode, errorMessage);
  }
  const d = tryDescribe(engine, t.name);
  return d === undefined
    ? failure(t.name, ERR.UNKNOWN_TOPIC_OR_PARTITION, 'Deleted while created')
    : created(d);
}

function created(d: TopicDescription): CreateTopicsResponseCreatableTopicResult {
  return {
    name: d.name,
    topicId: uuidBytes(d.topicId),
    errorCode: ERR.NONE,
    errorMessage: null,
    topicConfigErrorCode: 0,
    numPartitions: d.partitions,
    replicationFactor: 1,
    configs: topicConfigEntries(d, new Set()).map((c) => ({
      name: c.name,
      value: c.value,
      readOnly: false,
      configSource: c.source,
      isSensitive: false,
    })),
  };
}
