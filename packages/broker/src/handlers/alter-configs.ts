import type { AlterConfigsRequest, AlterConfigsResponse, AlterConfigsResourceResponse } from '@rill/protocol';
import { validateTopicConfig } from '@rill/log';
import { configInput } from '../internal/config-entries.js';
import type { RequestContext } from '../internal/context.js';
import { ERR, toKafkaError } from '../internal/kafka-errors.js';
import { tryDescribe } from '../internal/topics.js';
import { ResourceType } from './describe-configs.js';

/**
 * AlterConfigs (the legacy, non-incremental API): the given configs replace all of a topic's
 * overrides. Broker settings are static here (given at start).
 */
export async function alterConfigs(
  ctx: RequestContext,
  req: AlterConfigsRequest,
): Promise<AlterConfigsResponse> {
  const { engine, logger } = ctx.broker;
  const responses: AlterConfigsResourceResponse[] = [];
  for (const r of req.resources) {
    const base = { resourceType: r.resourceType, resourceName: r.resourceName };
    if (r.resourceType !== ResourceType.TOPIC) {
      responses.push({
        ...base,
        errorCode: ERR.INVALID_REQUEST,
        errorMessage: 'Broker configs are static; restart with --config',
      });
      continue;
    }
    if (tryDescribe(engine, r.resourceName) === undefined) {
      responses.push({
        ...base,
        errorCode: ERR.UNKNOWN_TOPIC_OR_PARTITION,
        errorMessage: `Topic '${r.resourceName}' does not exist.`,
      });
      continue;
    }
    try {
      const configs = configInput(r.configs);
      if (req.validateOnly) validateTopicConfig(configs);
      else await engine.alterTopicConfig(r.resourceName, configs, { replace: true });
      responses.push({ ...base, errorCode: ERR.NONE, errorMessage: null });
    } catch (e) {
      responses.push({ ...base, ...toKafkaError(e, logger, `alter configs of ${r.resourceName}`) });
    }
  }
  return { throttleTimeMs: 0, responses };
}
