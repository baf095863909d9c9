import type { FindCoordinatorRequest, FindCoordinatorResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

const GROUP_KEY = 0;
const TXN_KEY = 1;

/** FindCoordinator: this broker coordinates every group (key type 0) and transactional id (1). */
export function findCoordinator(ctx: RequestContext, req: FindCoordinatorRequest): FindCoordinatorResponse {
  const { nodeId } = ctx.broker;
  const { advertisedHost: host, advertisedPort: port } = ctx.listener;
  const keyType = req.keyType ?? GROUP_KEY;
  const served = keyType === GROUP_KEY || (keyType === TXN_KEY && ctx.broker.txns !== null);
  const answer = (key: string) => {
    if (served && key !== '') return { key, nodeId, host, port, errorCode: ERR.NONE, errorMessage: null };
    const errorCode = !served
      ? ERR.COORDINATOR_NOT_AVAILABLE
      : keyType === GROUP_KEY
        ? ERR.INVALID_GROUP_ID
        : ERR.INVALID_REQUEST;
    const errorMessage = !served ? `Coordinator key type ${keyType} is not served` : 'Empty key';
    return { key, nodeId: -1, host: '', port: -1, errorCode, errorMessage };
  };
  if (ctx.apiVersion >= 4) {
    return { throttleTimeMs: 0, coordinators: (req.coordinatorKeys ?? []).map(answer) };
  }
  const a = answer(req.key ?? '');
  return {
    throttleTimeMs: 0,
    errorCode: a.errorCode,
    errorMessage: a.errorMessage,
    nodeId: a.nodeId,
    host: a.host,
    port: a.port,
  };
}
