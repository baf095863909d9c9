/**
 * Routes decoded requests to their handlers and encodes the responses; builds the ApiVersions
 * list of what this broker serves.
 */
import {
  ApiKeys,
  KafkaErrorCodes,
  SUPPORTED_APIS,
  encodeResponse,
  type ApiKey,
  type ApiResponses,
  type DecodedRequest,
} from '@rill/protocol';
import { BrokerError } from '../errors.js';
import { HANDLERS } from '../handlers/index.js';
import type { AdvertisedApi, Handler, RequestContext } from './context.js';

export type { AdvertisedApi } from './context.js';

/**
 * Lowest versions served: record batches v2 (the stored format) need Produce v3 and Fetch v4;
 * older versions would need message down-conversion, which Kafka 4 dropped as well.
 */
const MIN_VERSION_OVERRIDES: Partial<Record<number, number>> = {
  [ApiKeys.Produce]: 3,
  [ApiKeys.Fetch]: 4,
};

/** APIs served only when the group coordinator is present. */
export const GROUP_APIS: ReadonlySet<number> = new Set([
  ApiKeys.FindCoordinator,
  ApiKeys.JoinGroup,
  ApiKeys.SyncGroup,
  ApiKeys.Heartbeat,
  ApiKeys.LeaveGroup,
  ApiKeys.OffsetCommit,
  ApiKeys.OffsetFetch,
  ApiKeys.DescribeGroups,
  ApiKeys.ListGroups,
  ApiKeys.DeleteGroups,
]);

/**
 * APIs of the transaction coordinator, advertised when it is present (otherwise answered with
 * errors). InitProducerId is always advertised: idempotent producers need only the log.
 */
export const TXN_APIS: ReadonlySet<number> = new Set([
  ApiKeys.AddPartitionsToTxn,
  ApiKeys.AddOffsetsToTxn,
  ApiKeys.EndTxn,
  ApiKeys.TxnOffsetCommit,
]);

/** What ApiVersions advertises, given whether groups and transactions are served. */
export function advertisedApis(withGroups: boolean, withTxns: boolean): AdvertisedApi[] {
  const out: AdvertisedApi[] = [];
  for (const api of SUPPORTED_APIS) {
    if (!withTxns && TXN_APIS.has(api.apiKey)) continue;
    if (!withGroups && GROUP_APIS.has(api.apiKey)) continue;
    if (HANDLERS[api.apiKey] === undefined) continue;
    out.push({
      apiKey: api.apiKey,
      minVersion: Math.max(api.minVersion, MIN_VERSION_OVERRIDES[api.apiKey] ?? 0),
      maxVersion: api.maxStableVersion,
    });
  }
  return out;
}

/** The ApiVersions v0 answer to an ApiVersions request of a version the broker cannot read. */
export function answerUnsupportedApiVersions(correlationId: number): Buffer {
  return encodeResponse({ correlationId }, ApiKeys.ApiVersions, 0, {
    errorCode: KafkaErrorCodes.UNSUPPORTED_VERSION.code,
    apiKeys: advertisedApis(true, true).filter((a) => a.apiKey === ApiKeys.ApiVersions),
  });
}

/**
 * Runs the request's handler and encodes its response (null: nothing to send).
 * @throws BrokerError UNSUPPORTED_REQUEST for a version below the served minimum or an API
 *   without a handler; HANDLER_FAILED when the handler throws or its answer cannot be encoded.
 */
export async function dispatch(ctx: RequestContext, request: DecodedRequest): Promise<Buffer | null> {
  const apiKey = request.apiKey;
  const handler = HANDLERS[apiKey] as Handler<ApiKey> | undefined;
  const min = MIN_VERSION_OVERRIDES[apiKey] ?? 0;
  if (handler === undefined || ctx.apiVersion < min) {
    throw new BrokerError(
      'UNSUPPORTED_REQUEST',
      `api key ${apiKey} v${ctx.apiVersion} is not served by this broker`,
      { kafkaCode: KafkaErrorCodes.UNSUPPORTED_VERSION.code },
    );
  }
  let body: ApiResponses[ApiKey] | null;
  try {
    body = await handler(ctx, request.body);
  } catch (e) {
    throw new BrokerError('HANDLER_FAILED', `api key ${apiKey} v${ctx.apiVersion} handler failed`, {
      cause: e,
    });
  }
  if (body === null) return null;
  try {
    return encodeResponse(request.header, apiKey, ctx.apiVersion, body);
  } catch (e) {
    throw new BrokerError(
      'HANDLER_FAILED',
      `api key ${apiKey} v${ctx.apiVersion} response cannot be encoded`,
      {
        cause: e,
      },
    );
  }
}
