import type {
  DeleteTopicsRequest,
  DeleteTopicsResponse,
  DeleteTopicsResponseDeletableTopicResult,
} from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { describeById, isInternalTopic, uuidBytes } from '../internal/topics.js';

const ZERO_UUID = Buffer.alloc(16);

/** DeleteTopics by name (v0-5) or by name or id (v6+); internal topics cannot be deleted. */
export async function deleteTopics(
  ctx: RequestContext,
  req: DeleteTopicsRequest,
): Promise<DeleteTopicsResponse> {
  const { engine, logger } = ctx.broker;
  const wanted =
    ctx.apiVersion >= 6
      ? (req.topics ?? [])
      : (req.topicNames ?? []).map((name) => ({ name, topicId: ZERO_UUID }));
  const responses: DeleteTopicsResponseDeletableTopicResult[] = [];
  for (const w of wanted) {
    let name = w.name;
    let topicId = w.topicId;
    if (name === null) {
      const d = describeById(engine, w.topicId);
      if (d === undefined) {
        responses.push({
          name: null,
          topicId,
          errorCode: ERR.UNKNOWN_TOPIC_ID,
          errorMessage: 'Unknown topic id',
        });
        continue;
      }
      name = d.name;
    }
    if (isInternalTopic(name)) {
      responses.push({
        name,
        topicId,
        errorCode: ERR.INVALID_REQUEST,
        errorMessage: `${name} is an internal topic`,
      });
      continue;
    }
    try {
      topicId = uuidBytes(engine.describeTopic(name).topicId);
      await engine.deleteTopic(name);
      responses.push({ name, topicId, errorCode: ERR.NONE, errorMessage: null });
    } catch (e) {
      const err = toKafkaError(e, logger, `delete topic ${name}`);
      responses.push({ name, topicId, ...err });
    }
  }
  return { throttleTimeMs: 0, responses };
}
