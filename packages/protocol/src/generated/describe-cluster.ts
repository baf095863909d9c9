// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DescribeCluster (key 60), versions 0-1, flexible from 0. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** DescribeClusterRequest, versions 0-1. */
export interface DescribeClusterRequest {
  /** Kafka: IncludeClusterAuthorizedOperations (v0+). */
  includeClusterAuthorizedOperations: boolean;
  /** Kafka: EndpointType (v1+). */
  endpointType?: number;
}

/** Writes {@link DescribeClusterRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeClusterRequest(m: DescribeClusterRequest, version: number, w: Writer): void {
  checkVersion('DescribeClusterRequest', version, 0, 1);
  const v = version;
  w.boolean(m.includeClusterAuthorizedOperations);
  if (v >= 1) {
    w.int8((m.endpointType ?? 1));
  } else {
    if (m.endpointType !== undefined && !(m.endpointType === 1)) throw fieldNotInVersion('DescribeClusterRequest.endpointType', v);
  }
  w.unsignedVarint(0);
}

/** Reads {@link DescribeClusterRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  checkVersion('DescribeClusterRequest', version, 0, 1);
  const v = version;
  const _includeClusterAuthorizedOperations: boolean = r.boolean();
  let _endpointType: number;
  if (v >= 1) {
    _endpointType = r.int8();
  } else {
    _endpointType = 1;
  }
  skipTaggedFields(r);
  return { includeClusterAuthorizedOperations: _includeClusterAuthorizedOperations, endpointType: _endpointType };
}

/** Part of {@link DescribeClusterResponse}. */
export interface DescribeClusterBroker {
  /** Kafka: BrokerId (v0+). */
  brokerId: number;
  /** Kafka: Host (v0+). */
  host: string;
  /** Kafka: Port (v0+). */
  port: number;
  /** Kafka: Rack (v0+). */
  rack: string | null;
}

function writeDescribeClusterBroker(w: Writer, m: DescribeClusterBroker, v: number): void {
  w.int32(m.brokerId);
  w.compactString(m.host);
  w.int32(m.port);
  w.compactNullableString(m.rack);
  w.unsignedVarint(0);
}

function readDescribeClusterBroker(r: Reader, v: number): DescribeClusterBroker {
  const _brokerId: number = r.int32();
  const _host: string = r.compactString();
  const _port: number = r.int32();
  const _rack: string | null = r.compactNullableString();
  skipTaggedFields(r);
  return { brokerId: _brokerId, host: _host, port: _port, rack: _rack };
}

/** DescribeClusterResponse, versions 0-1. */
export interface DescribeClusterResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v0+). */
  errorMessage: string | null;
  /** Kafka: EndpointType (v1+). */
  endpointType?: number;
  /** Kafka: ClusterId (v0+). */
  clusterId: string;
  /** Kafka: ControllerId (v0+). */
  controllerId: number;
  /** Kafka: Brokers (v0+). */
  brokers: DescribeClusterBroker[];
  /** Kafka: ClusterAuthorizedOperations (v0+). */
  clusterAuthorizedOperations: number;
}

/** Writes {@link DescribeClusterResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeClusterResponse(m: DescribeClusterResponse, version: number, w: Writer): void {
  checkVersion('DescribeClusterResponse', version, 0, 1);
  const v = version;
  w.int32(m.throttleTimeMs);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  if (v >= 1) {
    w.int8((m.endpointType ?? 1));
  } else {
    if (m.endpointType !== undefined && !(m.endpointType === 1)) throw fieldNotInVersion('DescribeClusterResponse.endpointType', v);
  }
  w.compactString(m.clusterId);
  w.int32(m.controllerId);
  const a0 = m.brokers;
  {
    w.unsignedVarint(a0.length + 1);
    for (let i1 = 0; i1 < a0.length; i1++) { writeDescribeClusterBroker(w, a0[i1]!, v); }
  }
  w.int32(m.clusterAuthorizedOperations);
  w.unsignedVarint(0);
}

/** Reads {@link DescribeClusterResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  checkVersion('DescribeClusterResponse', version, 0, 1);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = r.compactNullableString();
  let _endpointType: number;
  if (v >= 1) {
    _endpointType = r.int8();
  } else {
    _endpointType = 1;
  }
  const _clusterId: string = r.compactString();
  const _controllerId: number = r.int32();
  const n2 = r.unsignedVarint() - 1;
  if (n2 < 0) throw nullOnWire('DescribeClusterResponse.brokers', v);
  checkCount(r, n2);
  const a3 = new Array<DescribeClusterBroker>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDescribeClusterBroker(r, v);
  const _brokers: DescribeClusterBroker[] = a3;
  const _clusterAuthorizedOperations: number = r.int32();
  skipTaggedFields(r);
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, errorMessage: _errorMessage, endpointType: _endpointType, clusterId: _clusterId, controllerId: _controllerId, brokers: _brokers, clusterAuthorizedOperations: _clusterAuthorizedOperations };
}
