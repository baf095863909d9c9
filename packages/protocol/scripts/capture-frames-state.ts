/**
 * The in-memory state and the data-path handlers of capture-frames.ts: topics of one
 * partition holding the produced batches, topic ids, offsets, transactions and SASL
 * answered as accepted. Group-coordinator handlers are in capture-frames-groups.ts.
 */
import { createHash } from 'node:crypto';
import {
  type ApiKey,
  ApiKeys,
  type ApiResponses,
  type DecodedRequest,
  SUPPORTED_APIS,
  setBaseOffset,
  splitBatches,
} from '../src/index.js';

export interface Partition {
  batches: Buffer[];
  next: number;
}

export interface Group {
  generation: number;
  protocolName: string;
  protocolType: string;
  leader: string;
  members: Map<string, Buffer>;
  assignments: Map<string, Buffer>;
}

/** What the capture server remembers across connections and clients. */
export class CaptureState {
  readonly topics = new Map<string, Partition>();
  readonly groups = new Map<string, Group>();
  readonly offsets = new Map<string, number>();
  private memberSeq = 0;

  constructor(readonly port: number) {}

  topic(name: string): Partition {
    let t = this.topics.get(name);
    if (!t) this.topics.set(name, (t = { batches: [], next: 0 }));
    return t;
  }

  topicId(name: string): Buffer {
    return createHash('md5').update(name).digest();
  }

  topicName(id: Buffer): string | undefined {
    for (const name of this.topics.keys()) if (this.topicId(name).equals(id)) return name;
    return undefined;
  }

  newMember(clientId: string | null): string {
    return `${clientId ?? 'member'}-${++this.memberSeq}`;
  }
}

/** Answers a request with a response body, or undefined for none (acks=0). */
export type Handler = (b: CaptureState, req: DecodedRequest) => Promise<unknown> | unknown;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function fetchResponse(b: CaptureState, req: Extract<DecodedRequest, { apiKey: 1 }>): ApiResponses[1] {
  const v = req.header.apiVersion;
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: req.body.topics.map((t) => {
      const name = v >= 13 ? (b.topicName(t.topicId ?? Buffer.alloc(16)) ?? '') : (t.topic ?? '');
      const p = b.topic(name);
      return {
        topic: name,
        topicId: b.topicId(name),
        partitions: t.partitions.map((fp) => {
          const chosen = p.batches.filter(
            (batch) => batch.readBigInt64BE(0) + BigInt(batch.readInt32BE(23)) >= BigInt(fp.fetchOffset),
          );
          return {
            partitionIndex: fp.partition,
            errorCode: fp.partition === 0 ? 0 : 3,
            highWatermark: p.next,
            lastStableOffset: p.next,
            logStartOffset: 0,
            abortedTransactions: v >= 4 ? [] : null,
            preferredReadReplica: -1,
            records: Buffer.concat(chosen),
          };
        }),
      };
    }),
  };
}

export const DATA_HANDLERS: Partial<Record<ApiKey, Handler>> = {
  [ApiKeys.ApiVersions]: () => ({
    errorCode: 0,
    apiKeys: SUPPORTED_APIS.map((a) => ({
      apiKey: a.apiKey,
      minVersion: a.minVersion,
      maxVersion: a.maxStableVersion,
    })),
    throttleTimeMs: 0,
  }),
  [ApiKeys.Metadata]: (b, req) => {
    if (req.apiKey !== ApiKeys.Metadata) return undefined;
    const names =
      req.body.topics === null || req.body.topics.length === 0
        ? [...b.topics.keys()]
        : req.body.topics.map((t) => t.name ?? b.topicName(t.topicId ?? Buffer.alloc(16)) ?? '');
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId: 0, host: '127.0.0.1', port: b.port, rack: null }],
      clusterId: 'capture-cluster',
      controllerId: 0,
      topics: names.map((name) => {
        b.topic(name);
        return {
          errorCode: 0,
          name,
          topicId: b.topicId(name),
          isInternal: false,
          partitions: [
            {
              errorCode: 0,
              partitionIndex: 0,
              leaderId: 0,
              leaderEpoch: 0,
              replicaNodes: [0],
              isrNodes: [0],
              offlineReplicas: [],
            },
          ],
          topicAuthorizedOperations: -2147483648,
        };
      }),
      clusterAuthorizedOperations: -2147483648,
    };
  },
  [ApiKeys.Produce]: (b, req) => {
    if (req.apiKey !== ApiKeys.Produce) return undefined;
    const responses = req.body.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((pd) => {
        const p = b.topic(t.name);
        const base = p.next;
        for (const batch of pd.records === null ? [] : splitBatches(pd.records)) {
          const copy = Buffer.from(batch);
          setBaseOffset(copy, p.next);
          p.next += copy.readInt32BE(23) + 1;
          p.batches.push(copy);
        }
        return { index: pd.index, errorCode: 0, baseOffset: base, logAppendTimeMs: -1, logStartOffset: 0 };
      }),
    }));
    return req.body.acks === 0 ? undefined : { responses, throttleTimeMs: 0 };
  },
  [ApiKeys.Fetch]: async (b, req) => {
    if (req.apiKey !== ApiKeys.Fetch) return undefined;
    let res = fetchResponse(b, req);
    const empty = (): boolean =>
      res.responses.every((t) => t.partitions.every((p) => p.records!.length === 0));
    const deadline = Date.now() + Math.min(req.body.maxWaitMs, 1000);
    while (empty() && Date.now() < deadline) {
      await sleep(50);
      res = fetchResponse(b, req);
    }
    return res;
  },
  [ApiKeys.ListOffsets]: (b, req) => {
    if (req.apiKey !== ApiKeys.ListOffsets) return undefined;
    return {
      throttleTimeMs: 0,
      topics: req.body.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          const offset = p.timestamp === -2 ? 0 : b.topic(t.name).next;
          // Version 0 answers with a list of offsets, later versions with one offset.
          const v0 = req.header.apiVersion === 0;
          return {
            partitionIndex: p.partitionIndex,
            errorCode: 0,
            oldStyleOffsets: v0 ? [offset] : [],
            timestamp: -1,
            offset: v0 ? -1 : offset,
            leaderEpoch: req.header.apiVersion >= 4 ? 0 : -1,
          };
        }),
      })),
    };
  },
  [ApiKeys.InitProducerId]: () => ({ throttleTimeMs: 0, errorCode: 0, producerId: 4242, producerEpoch: 0 }),
  [ApiKeys.DeleteTopics]: (b, req) => {
    if (req.apiKey !== ApiKeys.DeleteTopics) return undefined;
    const names =
      req.header.apiVersion >= 6
        ? (req.body.topics ?? []).map((t) => t.name ?? '')
        : (req.body.topicNames ?? []);
    for (const n of names) b.topics.delete(n);
    return {
      throttleTimeMs: 0,
      responses: names.map((name) => ({ name, topicId: b.topicId(name), errorCode: 0, errorMessage: null })),
    };
  },
  [ApiKeys.CreatePartitions]: (_b, req) => {
    if (req.apiKey !== ApiKeys.CreatePartitions) return undefined;
    // One-partition topics only: growing them is refused as Kafka refuses an invalid count.
    return {
      throttleTimeMs: 0,
      results: req.body.topics.map((t) => ({
        name: t.name,
        errorCode: 37,
        errorMessage: 'capture server: partitions are fixed',
      })),
    };
  },
  [ApiKeys.DescribeConfigs]: (_b, req) => {
    if (req.apiKey !== ApiKeys.DescribeConfigs) return undefined;
    const v = req.header.apiVersion;
    return {
      throttleTimeMs: 0,
      results: req.body.resources.map((r) => ({
        errorCode: 0,
        errorMessage: null,
        resourceType: r.resourceType,
        resourceName: r.resourceName,
        configs: [
          {
            name: 'cleanup.policy',
            value: 'delete',
            readOnly: false,
            isDefault: v === 0,
            configSource: 5,
            isSensitive: false,
            synonyms: [],
            configType: 2,
            documentation: null,
          },
        ],
      })),
    };
  },
  [ApiKeys.AddPartitionsToTxn]: (_b, req) => {
    if (req.apiKey !== ApiKeys.AddPartitionsToTxn) return undefined;
    const results = (topics: { name: string; partitions: number[] }[]) =>
      topics.map((t) => ({
        name: t.name,
        resultsByPartition: t.partitions.map((partitionIndex) => ({ partitionIndex, partitionErrorCode: 0 })),
      }));
    return {
      throttleTimeMs: 0,
      errorCode: 0,
      resultsByTransaction: (req.body.transactions ?? []).map((t) => ({
        transactionalId: t.transactionalId,
        topicResults: results(t.topics),
      })),
      resultsByTopicV3AndBelow: results(req.body.v3AndBelowTopics ?? []),
    };
  },
  [ApiKeys.AddOffsetsToTxn]: () => ({ throttleTimeMs: 0, errorCode: 0 }),
  [ApiKeys.EndTxn]: () => ({ throttleTimeMs: 0, errorCode: 0 }),
  [ApiKeys.SaslHandshake]: () => ({ errorCode: 0, mechanisms: ['PLAIN'] }),
  [ApiKeys.SaslAuthenticate]: () => ({
    errorCode: 0,
    errorMessage: null,
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0,
  }),
  [ApiKeys.CreateTopics]: (b, req) => {
    if (req.apiKey !== ApiKeys.CreateTopics) return undefined;
    return {
      throttleTimeMs: 0,
      topics: req.body.topics.map((t) => {
        const exists = b.topics.has(t.name);
        b.topic(t.name);
        return {
          name: t.name,
          topicId: b.topicId(t.name),
          errorCode: exists ? 36 : 0,
          errorMessage: null,
          numPartitions: 1,
          replicationFactor: 1,
          configs: [],
        };
      }),
    };
  },
};
