import type { DescribeClusterRequest, DescribeClusterResponse } from '@rill/protocol';
import type { RequestContext } from '../internal/context.js';
import { ERR } from '../internal/kafka-errors.js';

const OPS_NOT_REQUESTED = -2147483648;

/** DescribeCluster: this one broker, which is also the controller. */
export function describeCluster(ctx: RequestContext, req: DescribeClusterRequest): DescribeClusterResponse {
  const { nodeId, clusterId } = ctx.broker;
  // endpointType 2 asks for controllers (KIP-919); there is no separate controller here.
  if ((req.endpointType ?? 1) !== 1) {
    return {
      throttleTimeMs: 0,
      errorCode: ERR.UNSUPPORTED_VERSION,
      errorMessage: 'Only broker endpoints are served',
      endpointType: req.endpointType ?? 1,
      clusterId,
      controllerId: -1,
      brokers: [],
      clusterAuthorizedOperations: OPS_NOT_REQUESTED,
    };
  }
  return {
    throttleTimeMs: 0,
    errorCode: ERR.NONE,
    errorMessage: null,
    endpointType: 1,
    clusterId,
    controllerId: nodeId,
    brokers: [
      { brokerId: nodeId, host: ctx.listener.advertisedHost, port: ctx.listener.advertisedPort, rack: null },
    ],
    clusterAuthorizedOperations: OPS_NOT_REQUESTED,
  };
}
