// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API DescribeConfigs (key 32), versions 0-4, flexible from 4. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, fieldNotInVersion, nullOnWire, skipTaggedFields } from '../messages/internal/codec-support.js';

/** Part of {@link DescribeConfigsRequest}. */
export interface DescribeConfigsResource {
  /** Kafka: ResourceType (v0+). */
  resourceType: number;
  /** Kafka: ResourceName (v0+). */
  resourceName: string;
  /** Kafka: ConfigurationKeys (v0+). */
  configurationKeys: string[] | null;
}

function writeDescribeConfigsResource(w: Writer, m: DescribeConfigsResource, v: number): void {
  w.int8(m.resourceType);
  if (v >= 4) w.compactString(m.resourceName); else w.string(m.resourceName);
  const a0 = m.configurationKeys;
  if (a0 === null) { if (v >= 4) w.unsignedVarint(0); else w.int32(-1); } else {
    if (v >= 4) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { if (v >= 4) w.compactString(a0[i1]!); else w.string(a0[i1]!); }
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResource(r: Reader, v: number): DescribeConfigsResource {
  const _resourceType: number = r.int8();
  const _resourceName: string = (v >= 4 ? r.compactString() : r.string());
  const n2 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  let a3: string[] | null = null;
  if (n2 >= 0) {
    checkCount(r, n2);
    a3 = new Array<string>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = (v >= 4 ? r.compactString() : r.string());
  }
  const _configurationKeys: string[] | null = a3;
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { resourceType: _resourceType, resourceName: _resourceName, configurationKeys: _configurationKeys };
}

/** DescribeConfigsRequest, versions 0-4. */
export interface DescribeConfigsRequest {
  /** Kafka: Resources (v0+). */
  resources: DescribeConfigsResource[];
  /** Kafka: IncludeSynonyms (v1+). */
  includeSynonyms?: boolean;
  /** Kafka: IncludeDocumentation (v3+). */
  includeDocumentation?: boolean;
}

/** Writes {@link DescribeConfigsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeConfigsRequest(m: DescribeConfigsRequest, version: number, w: Writer): void {
  checkVersion('DescribeConfigsRequest', version, 0, 4);
  const v = version;
  const a5 = m.resources;
  {
    if (v >= 4) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeDescribeConfigsResource(w, a5[i6]!, v); }
  }
  if (v >= 1) {
    w.boolean((m.includeSynonyms ?? false));
  } else {
    if (m.includeSynonyms !== undefined && !(m.includeSynonyms === false)) throw fieldNotInVersion('DescribeConfigsRequest.includeSynonyms', v);
  }
  if (v >= 3) {
    w.boolean((m.includeDocumentation ?? false));
  } else {
    if (m.includeDocumentation !== undefined && !(m.includeDocumentation === false)) throw fieldNotInVersion('DescribeConfigsRequest.includeDocumentation', v);
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DescribeConfigsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  checkVersion('DescribeConfigsRequest', version, 0, 4);
  const v = version;
  const n7 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('DescribeConfigsRequest.resources', v);
  checkCount(r, n7);
  const a8 = new Array<DescribeConfigsResource>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readDescribeConfigsResource(r, v);
  const _resources: DescribeConfigsResource[] = a8;
  let _includeSynonyms: boolean;
  if (v >= 1) {
    _includeSynonyms = r.boolean();
  } else {
    _includeSynonyms = false;
  }
  let _includeDocumentation: boolean;
  if (v >= 3) {
    _includeDocumentation = r.boolean();
  } else {
    _includeDocumentation = false;
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { resources: _resources, includeSynonyms: _includeSynonyms, includeDocumentation: _includeDocumentation };
}

/** Part of {@link DescribeConfigsResponse}. */
export interface DescribeConfigsSynonym {
  /** Kafka: Name (v1+). */
  name: string;
  /** Kafka: Value (v1+). */
  value: string | null;
  /** Kafka: Source (v1+). */
  source: number;
}

function writeDescribeConfigsSynonym(w: Writer, m: DescribeConfigsSynonym, v: number): void {
  if (v >= 4) w.compactString(m.name); else w.string(m.name);
  if (v >= 4) w.compactNullableString(m.value); else w.nullableString(m.value);
  w.int8(m.source);
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsSynonym(r: Reader, v: number): DescribeConfigsSynonym {
  const _name: string = (v >= 4 ? r.compactString() : r.string());
  const _value: string | null = (v >= 4 ? r.compactNullableString() : r.nullableString());
  const _source: number = r.int8();
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { name: _name, value: _value, source: _source };
}

/** Part of {@link DescribeConfigsResponse}. */
export interface DescribeConfigsResourceResult {
  /** Kafka: Name (v0+). */
  name: string;
  /** Kafka: Value (v0+). */
  value: string | null;
  /** Kafka: ReadOnly (v0+). */
  readOnly: boolean;
  /** Kafka: IsDefault (v0). */
  isDefault?: boolean;
  /** Kafka: ConfigSource (v1+). */
  configSource?: number;
  /** Kafka: IsSensitive (v0+). */
  isSensitive: boolean;
  /** Kafka: Synonyms (v1+). */
  synonyms?: DescribeConfigsSynonym[];
  /** Kafka: ConfigType (v3+). */
  configType?: number;
  /** Kafka: Documentation (v3+). */
  documentation?: string | null;
}

function writeDescribeConfigsResourceResult(w: Writer, m: DescribeConfigsResourceResult, v: number): void {
  if (v >= 4) w.compactString(m.name); else w.string(m.name);
  if (v >= 4) w.compactNullableString(m.value); else w.nullableString(m.value);
  w.boolean(m.readOnly);
  if (v <= 0) {
    w.boolean((m.isDefault ?? false));
  } else {
    if (m.isDefault !== undefined && !(m.isDefault === false)) throw fieldNotInVersion('DescribeConfigsResponse.isDefault', v);
  }
  if (v >= 1) {
    w.int8((m.configSource ?? -1));
  }
  w.boolean(m.isSensitive);
  if (v >= 1) {
    const a0 = (m.synonyms ?? []);
    {
      if (v >= 4) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
      for (let i1 = 0; i1 < a0.length; i1++) { writeDescribeConfigsSynonym(w, a0[i1]!, v); }
    }
  }
  if (v >= 3) {
    w.int8((m.configType ?? 0));
  }
  if (v >= 3) {
    if (v >= 4) w.compactNullableString((m.documentation === undefined ? "" : m.documentation)); else w.nullableString((m.documentation === undefined ? "" : m.documentation));
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResourceResult(r: Reader, v: number): DescribeConfigsResourceResult {
  const _name: string = (v >= 4 ? r.compactString() : r.string());
  const _value: string | null = (v >= 4 ? r.compactNullableString() : r.nullableString());
  const _readOnly: boolean = r.boolean();
  let _isDefault: boolean;
  if (v <= 0) {
    _isDefault = r.boolean();
  } else {
    _isDefault = false;
  }
  let _configSource: number;
  if (v >= 1) {
    _configSource = r.int8();
  } else {
    _configSource = -1;
  }
  const _isSensitive: boolean = r.boolean();
  let _synonyms: DescribeConfigsSynonym[];
  if (v >= 1) {
    const n2 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
    if (n2 < 0) throw nullOnWire('DescribeConfigsResponse.synonyms', v);
    checkCount(r, n2);
    const a3 = new Array<DescribeConfigsSynonym>(n2);
    for (let i4 = 0; i4 < n2; i4++) a3[i4] = readDescribeConfigsSynonym(r, v);
    _synonyms = a3;
  } else {
    _synonyms = [];
  }
  let _configType: number;
  if (v >= 3) {
    _configType = r.int8();
  } else {
    _configType = 0;
  }
  let _documentation: string | null;
  if (v >= 3) {
    _documentation = (v >= 4 ? r.compactNullableString() : r.nullableString());
  } else {
    _documentation = "";
  }
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { name: _name, value: _value, readOnly: _readOnly, isDefault: _isDefault, configSource: _configSource, isSensitive: _isSensitive, synonyms: _synonyms, configType: _configType, documentation: _documentation };
}

/** Part of {@link DescribeConfigsResponse}. */
export interface DescribeConfigsResult {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ErrorMessage (v0+). */
  errorMessage: string | null;
  /** Kafka: ResourceType (v0+). */
  resourceType: number;
  /** Kafka: ResourceName (v0+). */
  resourceName: string;
  /** Kafka: Configs (v0+). */
  configs: DescribeConfigsResourceResult[];
}

function writeDescribeConfigsResult(w: Writer, m: DescribeConfigsResult, v: number): void {
  w.int16(m.errorCode);
  if (v >= 4) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (v >= 4) w.compactString(m.resourceName); else w.string(m.resourceName);
  const a5 = m.configs;
  {
    if (v >= 4) w.unsignedVarint(a5.length + 1); else w.int32(a5.length);
    for (let i6 = 0; i6 < a5.length; i6++) { writeDescribeConfigsResourceResult(w, a5[i6]!, v); }
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

function readDescribeConfigsResult(r: Reader, v: number): DescribeConfigsResult {
  const _errorCode: number = r.int16();
  const _errorMessage: string | null = (v >= 4 ? r.compactNullableString() : r.nullableString());
  const _resourceType: number = r.int8();
  const _resourceName: string = (v >= 4 ? r.compactString() : r.string());
  const n7 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  if (n7 < 0) throw nullOnWire('DescribeConfigsResponse.configs', v);
  checkCount(r, n7);
  const a8 = new Array<DescribeConfigsResourceResult>(n7);
  for (let i9 = 0; i9 < n7; i9++) a8[i9] = readDescribeConfigsResourceResult(r, v);
  const _configs: DescribeConfigsResourceResult[] = a8;
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { errorCode: _errorCode, errorMessage: _errorMessage, resourceType: _resourceType, resourceName: _resourceName, configs: _configs };
}

/** DescribeConfigsResponse, versions 0-4. */
export interface DescribeConfigsResponse {
  /** Kafka: ThrottleTimeMs (v0+). */
  throttleTimeMs: number;
  /** Kafka: Results (v0+). */
  results: DescribeConfigsResult[];
}

/** Writes {@link DescribeConfigsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeDescribeConfigsResponse(m: DescribeConfigsResponse, version: number, w: Writer): void {
  checkVersion('DescribeConfigsResponse', version, 0, 4);
  const v = version;
  w.int32(m.throttleTimeMs);
  const a10 = m.results;
  {
    if (v >= 4) w.unsignedVarint(a10.length + 1); else w.int32(a10.length);
    for (let i11 = 0; i11 < a10.length; i11++) { writeDescribeConfigsResult(w, a10[i11]!, v); }
  }
  if (v >= 4) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link DescribeConfigsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  checkVersion('DescribeConfigsResponse', version, 0, 4);
  const v = version;
  const _throttleTimeMs: number = r.int32();
  const n12 = (v >= 4 ? r.unsignedVarint() - 1 : r.int32());
  if (n12 < 0) throw nullOnWire('DescribeConfigsResponse.results', v);
  checkCount(r, n12);
  const a13 = new Array<DescribeConfigsResult>(n12);
  for (let i14 = 0; i14 < n12; i14++) a13[i14] = readDescribeConfigsResult(r, v);
  const _results: DescribeConfigsResult[] = a13;
  if (v >= 4) {
    skipTaggedFields(r);
  }
  return { throttleTimeMs: _throttleTimeMs, results: _results };
}
