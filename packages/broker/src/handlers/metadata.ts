import { isLogError } from '@rill/log';
import type { MetadataRequest, MetadataResponse, MetadataResponseTopic } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { describeById, isInternalTopic, tryDescribe, uuidBytes } from '../internal/topics.js';

/** Kafka's "authorized operations not requested" value. */
const OPS_NOT_REQUESTED = -2147483648;
const ZERO_UUID = Buffer.alloc(16);

/**
 * Metadata: this broker leads every partition. Unknown topics are created when both the request
 * (v4+) and `auto.create.topics.enable` allow it.
 */
export async function metadata(ctx: RequestContext, req: MetadataRequest): Promise<MetadataResponse> {
  const { engine, nodeId, clusterId, settings } = ctx.broker;
  // v0 has no null: an empty list means every topic.
  const all = req.topics === null || (ctx.apiVersion === 0 && req.topics.length === 0);
  const topics: MetadataResponseTopic[] = [];
  if (all) {
    for (const name of engine.listTopics()) {
      const d = tryDescribe(engine, name);
      if (d !== undefined) topics.push(topicEntry(nodeId, d.name, d.topicId, d.partitions));
    }
  } else {
    const autoCreate = settings.autoCreateTopicsEnable && (req.allowAutoTopicCreation ?? true);
    for (const t of req.topics ?? []) {
      topics.push(await oneTopic(ctx, t.name, t.topicId, autoCreate));
    }
  }
  return {
    throttleTimeMs: 0,
    brokers: [{ nodeId, host: ctx.listener.advertisedHost, port: ctx.listener.advertisedPort, rack: null }],
    clusterId,
    controllerId: nodeId,
    topics,
    clusterAuthorizedOperations: OPS_NOT_REQUESTED,
  };
}

async function oneTopic(
  ctx: RequestContext,
  name: string | null,
  topicId: Buffer | undefined,
  autoCreate: boolean,
): Promise<MetadataResponseTopic> {
  const { engine, nodeId, logger } = ctx.broker;
  if (name === null) {
    const d = topicId === undefined ? undefined : describeById(engine, topicId);
    if (d === undefined) return errorEntry(ERR.UNKNOWN_TOPIC_ID, null, topicId);
    return topicEntry(nodeId, d.name, d.topicId, d.partitions);
  }
  let d = tryDescribe(engine, name);
  if (d === undefined && autoCreate) {
    try {
      await engine.createTopic(name, {});
    } catch (e) {
      // A concurrent request may have created it first.
      if (!isLogError(e, 'TOPIC_ALREADY_EXISTS')) {
        return errorEntry(toKafkaError(e, logger, `auto-creating topic ${name}`).errorCode, name);
      }
    }
    d = tryDescribe(engine, name);
  }
  if (d === undefined) return errorEntry(ERR.UNKNOWN_TOPIC_OR_PARTITION, name);
  return topicEntry(nodeId, d.name, d.topicId, d.partitions);
}

function errorEntry(
  errorCode: number,
  name: string | null,
  topicId: Buffer = ZERO_UUID,
): MetadataResponseTopic {
  return {
    errorCode,
    name,
    topicId,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: OPS_NOT_REQUESTED,
  };
}

function topicEntry(
  nodeId: number,
  name: string,
  topicId: string,
  partitions: number,
): MetadataResponseTopic {
  const parts = new Array<MetadataResponseTopic['partitions'][number]>(partitions);
  for (let i = 0; i < partitions; i++) {
    parts[i] = {
      errorCode: ERR.NONE,
      partitionIndex: i,
      leaderId: nodeId,
      // -1: no leader epochs, so clients skip OffsetsForLeaderEpoch validation.
      leaderEpoch: -1,
      replicaNodes: [nodeId],
      isrNodes: [nodeId],
      offlineReplicas: [],
    };
  }
  return {
    errorCode: ERR.NONE,
    name,
    topicId: uuidBytes(topicId),
    isInternal: isInternalTopic(name),
    partitions: parts,
    topicAuthorizedOperations: OPS_NOT_REQUESTED,
  };
}
