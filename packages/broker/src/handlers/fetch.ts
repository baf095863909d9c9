import { isLogError, type LogEngine } from '@rill/log';
import type {
  FetchRequest,
  FetchResponse,
  FetchResponsePartitionData,
  FetchableTopicResponse,
} from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { describeById, tryDescribe } from '../internal/topics.js';
import type { BrokerLogger } from '../internal/logger.js';
import type { WatchedPartition } from '../internal/data-waiters.js';

const EMPTY = Buffer.alloc(0);

/** A requested partition, resolved to a topic name (Fetch v13+ names topics by id). */
interface Target {
  readonly topic: string | undefined;
  readonly topicError: number;
  readonly partition: number;
  readonly fetchOffset: number;
  readonly maxBytes: number;
}

interface Round {
  readonly responses: FetchableTopicResponse[];
  readonly bytes: number;
  readonly hasError: boolean;
}

/**
 * Fetch: stored batch bytes as they are (no re-encoding). Waits up to `maxWaitMs` until at least
 * `minBytes` are available, woken by the engine on any append to a requested partition (from
 * Produce, transaction markers, coordinators or in-process producers) rather than polling. The
 * first partition with data gets at least one whole batch even above the limits (KIP-74); later
 * partitions stop at the response's `maxBytes`. Under read_committed (isolation level 1) reads stop at the last stable
 * offset and the response lists the aborted transactions the returned batches overlap.
 */
export async function fetch(ctx: RequestContext, req: FetchRequest): Promise<FetchResponse> {
  const { engine, logger, waiters, closing } = ctx.broker;
  const readCommitted = (req.isolationLevel ?? 0) === 1;
  const isolation = readCommitted ? 'read_committed' : 'read_uncommitted';
  const targets: Target[][] = req.topics.map((t) => {
    const d =
      t.topic !== undefined && ctx.apiVersion < 13
        ? tryDescribe(engine, t.topic)
        : t.topicId !== undefined
          ? describeById(engine, t.topicId)
          : undefined;
    const topicError =
      d !== undefined
        ? ERR.NONE
        : ctx.apiVersion >= 13
          ? ERR.UNKNOWN_TOPIC_ID
          : ERR.UNKNOWN_TOPIC_OR_PARTITION;
    return t.partitions.map((p) => ({
      topic: d?.name,
      topicError:
        topicError === ERR.NONE && (p.partition < 0 || p.partition >= d!.partitions)
          ? ERR.UNKNOWN_TOPIC_OR_PARTITION
          : topicError,
      partition: p.partition,
      fetchOffset: p.fetchOffset,
      maxBytes: p.partitionMaxBytes,
    }));
  });
  const deadline = Date.now() + Math.max(0, req.maxWaitMs);
  const maxBytes = Math.min(req.maxBytes ?? 0x7fffffff, ctx.broker.settings.fetchMaxBytes);
  for (;;) {
    const round = await readRound(engine, logger, req, targets, maxBytes, readCommitted);
    const remaining = deadline - Date.now();
    if (round.bytes >= req.minBytes || round.hasError || remaining <= 0 || closing.aborted) {
      return { throttleTimeMs: 0, errorCode: ERR.NONE, sessionId: 0, responses: round.responses };
    }
    await waiters.wait(engine, watchedOf(targets, round, readCommitted), isolation, remaining, closing);
  }
}

/**
 * Every readable partition of the request, waiting for its end (high watermark, or last stable
 * offset under read_committed) to pass both the fetch offset and the end this round saw: data
 * that arrived after the round's read wakes the Fetch, data it already counted does not.
 */
function watchedOf(targets: Target[][], round: Round, readCommitted: boolean): WatchedPartition[] {
  const watched: WatchedPartition[] = [];
  for (let i = 0; i < targets.length; i++) {
    const ts = targets[i]!;
    const seen = round.responses[i]!.partitions;
    for (let j = 0; j < ts.length; j++) {
      const t = ts[j]!;
      if (t.topic === undefined || t.topicError !== ERR.NONE) continue;
      const r = seen[j]!;
      const end = (readCommitted ? r.lastStableOffset : r.highWatermark) ?? t.fetchOffset;
      watched.push({ topic: t.topic, partition: t.partition, offset: Math.max(t.fetchOffset, end) });
    }
  }
  return watched;
}

async function readRound(
  engine: LogEngine,
  logger: BrokerLogger,
  req: FetchRequest,
  targets: Target[][],
  maxBytes: number,
  readCommitted: boolean,
): Promise<Round> {
  let bytes = 0;
  let hasError = false;
  const responses: FetchableTopicResponse[] = [];
  for (let i = 0; i < targets.length; i++) {
    const src = req.topics[i]!;
    const partitions: FetchResponsePartitionData[] = [];
    for (const t of targets[i]!) {
      const out = await readPartition(engine, logger, t, bytes === 0, maxBytes - bytes, readCommitted);
      if (out.errorCode !== ERR.NONE) hasError = true;
      bytes += out.records?.length ?? 0;
      partitions.push(out);
    }
    responses.push({ topic: src.topic ?? '', topicId: src.topicId ?? Buffer.alloc(16), partitions });
  }
  return { responses, bytes, hasError };
}

async function readPartition(
  engine: LogEngine,
  logger: BrokerLogger,
  t: Target,
  first: boolean,
  budget: number,
  readCommitted: boolean,
): Promise<FetchResponsePartitionData> {
  const base = {
    partitionIndex: t.partition,
    preferredReadReplica: -1,
    abortedTransactions: readCommitted ? [] : null,
  };
  if (t.topic === undefined || t.topicError !== ERR.NONE) {
    return {
      ...base,
      errorCode: t.topicError,
      highWatermark: -1,
      lastStableOffset: -1,
      logStartOffset: -1,
      records: EMPTY,
    };
  }
  try {
    const o = engine.offsets(t.topic, t.partition);
    const watermarks = {
      highWatermark: o.highWatermark,
      lastStableOffset: o.lastStableOffset,
      logStartOffset: o.logStartOffset,
    };
    // read_committed consumers see nothing at or past the first open transaction.
    const end = readCommitted ? o.lastStableOffset : o.highWatermark;
    if (t.fetchOffset < o.logStartOffset || t.fetchOffset > o.logEndOffset) {
      return { ...base, ...watermarks, errorCode: ERR.OFFSET_OUT_OF_RANGE, records: EMPTY };
    }
    const limit = Math.min(t.maxBytes, budget);
    if (t.fetchOffset >= end || (!first && limit <= 0)) {
      return { ...base, ...watermarks, errorCode: ERR.NONE, records: EMPTY };
    }
    const r = await engine.read(t.topic, t.partition, t.fetchOffset, {
      maxBytes: Math.max(1, limit),
      isolation: readCommitted ? 'read_committed' : 'read_uncommitted',
    });
    // Only the first partition with data may exceed the limits (one whole batch, KIP-74).
    const records = !first && r.batches.length > limit ? EMPTY : r.batches;
    return {
      ...base,
      errorCode: ERR.NONE,
      highWatermark: r.highWatermark,
      lastStableOffset: r.lastStableOffset,
      logStartOffset: r.logStartOffset,
      abortedTransactions:
        r.abortedTransactions === null || records === EMPTY
          ? base.abortedTransactions
          : r.abortedTransactions.map((a) => ({ producerId: a.producerId, firstOffset: a.firstOffset })),
      records,
    };
  } catch (e) {
    const code = isLogError(e, 'OFFSET_OUT_OF_RANGE')
      ? ERR.OFFSET_OUT_OF_RANGE
      : toKafkaError(e, logger, `fetch from ${t.topic}-${t.partition}`).errorCode;
    return {
      ...base,
      errorCode: code,
      highWatermark: -1,
      lastStableOffset: -1,
      logStartOffset: -1,
      records: EMPTY,
    };
  }
}
