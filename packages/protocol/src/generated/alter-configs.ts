// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API AlterConfigs (key 33), versions 0-2, flexible from 2. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link AlterConfigsRequest}. */
export interface AlterConfigsRequestAlterableConfig {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Value (v0+). */
  value: string | null;
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, m: AlterConfigsRequestAlterableConfig, v: number): void {
  if (v >= 2) w.compactString(m.name); else w.string(m.name);
  if (v >= 2) w.compactNullableString(m.value); else w.nullableString(m.value);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsRequestAlterableConfig(r: Reader, v: number): AlterConfigsRequestAlterableConfig {
  const _name: string = (v >= 2 ? r.compactString() : r.string());
  const _value: string | null = (v >= 2 ? r.compactNullableString() : r.nullableString());
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { name: _name, value: _value };
}

/** Part of {@link AlterConfigsRequest}. */
export interface AlterConfigsResource {
  /** Kafka: ResourceType (v0+). */
  resourceType: number;
  /** Kafka: ResourceName (v0+). */
  resourceName: string;
  /** Kafka: Configs (v0+). */
  configs: AlterConfigsRequestAlterableConfig[];
}

function writeAlterConfigsResource(w: Writer, m: AlterConfigsResource, v: number): void {
  w.int8(m.resourceType);
  if (v >= 2) w.compactString(m.resourceName); else w.string(m.resourceName);
  const a0 = m.configs;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeAlterConfigsRequestAlterableConfig(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsResource(r: Reader, v: number): AlterConfigsResource {
  const _resourceType: number = r.int8();
  const _resourceName: string = (v >= 2 ? r.compactString() : r.string());
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('AlterConfigsRequest.configs', v);
  checkCount(r, n2);
  const a3 = new Array<AlterConfigsRequestAlterableConfig>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readAlterConfigsRequestAlterableConfig(r, v);
  const _configs: AlterConfigsRequestAlterableConfig[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { resourceType: _resourceType, resourceName: _resourceName, configs: _configs };
}

/** AlterConfigsRequest, versions 0-2. */
export interface AlterConfigsRequest {
  /** Kafka: Resources (v0+). */
  resources: AlterConfigsResource[];
  /** Kafka: ValidateOnly (v0+). */
  validateOnly: boolean;
}

/** Writes {@link AlterConfigsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAlterConfigsRequest(m: AlterConfigsRequest, version: number, w: Writer): void {
  checkVersion('AlterConfigsRequest', version, 0, 2);
  const v = version;
  const a5 = m.resources;
  {
    if (v >= 2) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeAlterConfigsResource(w, a5[i6]!, v); }
  }
  w.boolean(m.validateOnly);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AlterConfigsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  checkVersion('AlterConfigsRequest', version, 0, 2);
  const v = version;
  const n7 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('AlterConfigsRequest.resources', v);
  checkCount(r, n7);
  const a8 = new Array<AlterConfigsResource>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readAlterConfigsResource(r, v);
  const _resources: AlterConfigsResource[] = a8;
  const _validateOnly: boolean = r.boolean();
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { resources: _resources, validateOnly: _validateOnly };
}

/** Part of {@link AlterConfigsResponse}. */
export interface AlterConfigsResourceResponse {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v0+). */
  errorMessage: string | null;
  /** Kafka: ResourceType (v0+). */
  resourceType: number;
  /** Kafka: ResourceName (v0+). */
  resourceName: string;
}

function writeAlterConfigsResourceResponse(w: Writer, m: AlterConfigsResourceResponse, v: number): void {
  w.int16(m.errorCode);
  if (v >= 2) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (v >= 2) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterConfigsResourceResponse(r: Reader, v: number): AlterConfigsResourceResponse {
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = (v >= 2 ? r.compactNullableString() : r.nullableString());
  const _resourceType: number = r.int8();
  const _resourceName: string = (v >= 2 ? r.compactString() : r.string());
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, errorMessage: _errorMessage, resourceType: _resourceType, resourceName: _resourceName };
}

/** AlterConfigsResponse, versions 0-2. */
export interface AlterConfigsResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Responses (v0+). */
  responses: AlterConfigsResourceResponse[];
}

/** Writes {@link AlterConfigsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeAlterConfigsResponse(m: AlterConfigsResponse, version: number, w: Writer): void {
  checkVersion('AlterConfigsResponse', version, 0, 2);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a0 = m.responses;
  {
    if (v >= 2) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeAlterConfigsResourceResponse(w, a0[i1]!, v); }
  }
  if (v >= 2) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link AlterConfigsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  checkVersion('AlterConfigsResponse', version, 0, 2);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n2 = (v >= 2 ? r.unsignedVarint() - 1 : r.int32());
  if (n2 < 0) throw nullOnWire('AlterConfigsResponse.responses', v);
  checkCount(r, n2);
  const a3 = new Array<AlterConfigsResourceResponse>(n2);
  for (let i4 = 0; i4 < n2; i4++) a3[i4] = readAlterConfigsResourceResponse(r, v);
  const _responses: AlterConfigsResourceResponse[] = a3;
  if (v >= 2) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, responses: _responses };
}
