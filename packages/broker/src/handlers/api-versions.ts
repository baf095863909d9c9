import type { ApiVersionsRequest, ApiVersionsResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

/** ApiVersions: every API and version range this broker serves. */
export function apiVersions(ctx: RequestContext, _req: ApiVersionsRequest): ApiVersionsResponse {
  return {
    errorCode: ERR.NONE,
    apiKeys: [...ctx.broker.apis],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}
