// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API FindCoordinator (key 10), versions 0-6, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** FindCoordinatorRequest, versions 0-6. */
export interface FindCoordinatorRequest {
  /** Kafka: Key (v0-3). */
  key?: string;
  /** Kafka: KeyType (v1+). */
  keyType?: number;
  /** Kafka: CoordinatorKeys (v4+). */
  coordinatorKeys?: string[];
}

/** Writes {@link FindCoordinatorRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeFindCoordinatorRequest(m: FindCoordinatorRequest, version: number, w: Writer): void {
  checkVersion('FindCoordinatorRequest', version, 0, 6);
  const v = version;
  if (v <= 3) {
    if (v >= 3) w.compactString((m.key ?? "")); else w.string((m.key ?? ""));
  } else {
    if (m.key !== undefined && !(m.key === "")) throw fieldNotInVersion('FindCoordinatorRequest.key', v);
  }
  if (v >= 1) {
    w.int8((m.keyType ?? 0));
  } else {
    if (m.keyType !== undefined && !(m.keyType === 0)) throw fieldNotInVersion('FindCoordinatorRequest.keyType', v);
  }
  if (v >= 4) {
    const a0 = (m.coordinatorKeys ?? []);
    {
      w.unsignedVarint(a0.length + 1);
      for (let i1 = 0; i1 < a0.length; i1++) { w.compactString(a0[i1]!); }
    }
  } else {
    if (m.coordinatorKeys !== undefined && !(m.coordinatorKeys.length === 0)) throw fieldNotInVersion('FindCoordinatorRequest.coordinatorKeys', v);
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link FindCoordinatorRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeFindCoordinatorRequest(r: Reader, version: number): FindCoordinatorRequest {
  checkVersion('FindCoordinatorRequest', version, 0, 6);
  const v = version;
  let _key: string;
  if (v <= 3) {
    _key = (v >= 3 ? r.compactString() : r.string());
  } else {
    _key = "";
  }
  let _keyType: number;
  if (v >= 1) {
    _keyType = r.int8();
  } else {
    _keyType = 0;
  }
  let _coordinatorKeys: string[];
  if (v >= 4) {
    const n2 = r.unsignedVarint() - 1;
    if (n2 < 0) throw nullOnWire('FindCoordinatorRequest.coordinatorKeys', v);
    checkCount(r, n2);
    const a3 = new Array<string>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = r.compactString();
    _coordinatorKeys = a3;
  } else {
    _coordinatorKeys = [];
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { key: _key, keyType: _keyType, coordinatorKeys: _coordinatorKeys };
}

/** Part of {@link FindCoordinatorResponse}. */
export interface FindCoordinatorResponseCoordinator {
  /** Kafka: Key (v4+). */
  key: string;
  /** Kafka: NodeId (v4+). */
  nodeId: number;
  /** Kafka: Host (v4+). */
  host: string;
  /** Kafka: Port (v4+). */
  port: number;
  /** Kafka: ErrorCode (v4+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v4+). */
  errorMessage: string | null;
}

function writeFindCoordinatorResponseCoordinator(w: Writer, m: FindCoordinatorResponseCoordinator, v: number): void {
  w.compactString(m.key);
  w.int32(m.nodeId);
  w.compactString(m.host);
  w.int32(m.port);
  w.int16(m.errorCode);
  w.compactNullableString(m.errorMessage);
  w.unsignedVarint(0);
}

function readFindCoordinatorResponseCoordinator(r: Reader, v: number): FindCoordinatorResponseCoordinator {
  const _key: string = r.compactString();
  const _nodeId: number = r.int32();
  const _host: string = r.compactString();
  const _port: number = r.int32();
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = r.compactNullableString();
  skipTaggedFields(r);
  return { key: _key, nodeId: _nodeId, host: _host, port: _port, errorCode: _errorCode, errorMessage: _errorMessage };
}

/** FindCoordinatorResponse, versions 0-6. */
export interface FindCoordinatorResponse {
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: ErrorCode (v0-3). */
  errorCode?: number;
  /** Kafka: ErrorMessage (v1-3). */
  errorMessage?: string | null;
  /** Kafka: NodeId (v0-3). */
  nodeId?: number;
  /** Kafka: Host (v0-3). */
  host?: string;
  /** Kafka: Port (v0-3). */
  port?: number;
  /** Kafka: Coordinators (v4+). */
  coordinators?: FindCoordinatorResponseCoordinator[];
}

/** Writes {@link FindCoordinatorResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeFindCoordinatorResponse(m: FindCoordinatorResponse, version: number, w: Writer): void {
  checkVersion('FindCoordinatorResponse', version, 0, 6);
  const v = version;
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  if (v <= 3) {
    w.int16((m.errorCode ?? 0));
  } else {
    if (m.errorCode !== undefined && !(m.errorCode === 0)) throw fieldNotInVersion('FindCoordinatorResponse.errorCode', v);
  }
  if (v >= 1 && v <= 3) {
    if (v >= 3) w.compactNullableString((m.errorMessage === undefined ? "" : m.errorMessage)); else w.nullableString((m.errorMessage === undefined ? "" : m.errorMessage));
  }
  if (v <= 3) {
    w.int32((m.nodeId ?? 0));
  } else {
    if (m.nodeId !== undefined && !(m.nodeId === 0)) throw fieldNotInVersion('FindCoordinatorResponse.nodeId', v);
  }
  if (v <= 3) {
    if (v >= 3) w.compactString((m.host ?? "")); else w.string((m.host ?? ""));
  } else {
    if (m.host !== undefined && !(m.host === "")) throw fieldNotInVersion('FindCoordinatorResponse.host', v);
  }
  if (v <= 3) {
    w.int32((m.port ?? 0));
  } else {
    if (m.port !== undefined && !(m.port === 0)) throw fieldNotInVersion('FindCoordinatorResponse.port', v);
  }
  if (v >= 4) {
    const a0 = (m.coordinators ?? []);
    {
      w.unsignedVarint(a0.length + 1);
      for (let i1 = 0; i1 < a0.length; i1++) { writeFindCoordinatorResponseCoordinator(w, a0[i1]!, v); }
    }
  } else {
    if (m.coordinators !== undefined && !(m.coordinators.length === 0)) throw fieldNotInVersion('FindCoordinatorResponse.coordinators', v);
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link FindCoordinatorResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  checkVersion('FindCoordinatorResponse', version, 0, 6);
  const v = version;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  let _errorCode: number;
  if (v <= 3) {
    _errorCode = r.int16();
  } else {
    _errorCode = 0;
  }
  let _errorMessage: string | null;
  if (v >= 1 && v <= 3) {
    _errorMessage = (v >= 3 ? r.compactNullableString() : r.nullableString());
  } else {
    _errorMessage = "";
  }
  let _nodeId: number;
  if (v <= 3) {
    _nodeId = r.int32();
  } else {
    _nodeId = 0;
  }
  let _host: string;
  if (v <= 3) {
    _host = (v >= 3 ? r.compactString() : r.string());
  } else {
    _host = "";
  }
  let _port: number;
  if (v <= 3) {
    _port = r.int32();
  } else {
    _port = 0;
  }
  let _coordinators: FindCoordinatorResponseCoordinator[];
  if (v >= 4) {
    const n2 = r.unsignedVarint() - 1;
    if (n2 < 0) throw nullOnWire('FindCoordinatorResponse.coordinators', v);
    checkCount(r, n2);
    const a3 = new Array<FindCoordinatorResponseCoordinator>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = readFindCoordinatorResponseCoordinator(r, v);
    _coordinators = a3;
  } else {
    _coordinators = [];
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, errorCode: _errorCode, errorMessage: _errorMessage, nodeId: _nodeId, host: _host, port: _port, coordinators: _coordinators };
}
