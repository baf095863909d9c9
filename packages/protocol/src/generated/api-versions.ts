// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)
/** Kafka API ApiVersions (key 18), versions 0-4, flexible from 3. */
import type { Reader } from '../primitives/reader.js';
import type { TaggedField, Writer } from '../primitives/writer.js';
import { checkCount, checkVersion, nullOnWire, skipTaggedFields, taggedData, taggedReader, writeTaggedFields } from '../messages/internal/codec-support.js';

/** ApiVersionsRequest, versions 0-4. */
export interface ApiVersionsRequest {
  /** Kafka: ClientSoftwareName (v3+). */
  clientSoftwareName?: string;
  /** Kafka: ClientSoftwareVersion (v3+). */
  clientSoftwareVersion?: string;
}

/** Writes {@link ApiVersionsRequest} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeApiVersionsRequest(m: ApiVersionsRequest, version: number, w: Writer): void {
  checkVersion('ApiVersionsRequest', version, 0, 4);
  const v = version;
  if (v >= 3) {
    w.compactString((m.clientSoftwareName ?? ""));
  }
  if (v >= 3) {
    w.compactString((m.clientSoftwareVersion ?? ""));
  }
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

/** Reads {@link ApiVersionsRequest} in `version`; byte fields are views into the reader's buffer. */
export function decodeApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  checkVersion('ApiVersionsRequest', version, 0, 4);
  const v = version;
  let _clientSoftwareName: string;
  if (v >= 3) {
    _clientSoftwareName = r.compactString();
  } else {
    _clientSoftwareName = "";
  }
  let _clientSoftwareVersion: string;
  if (v >= 3) {
    _clientSoftwareVersion = r.compactString();
  } else {
    _clientSoftwareVersion = "";
  }
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { clientSoftwareName: _clientSoftwareName, clientSoftwareVersion: _clientSoftwareVersion };
}

/** Part of {@link ApiVersionsResponse}. */
export interface ApiVersionsResponseFinalizedFeatureKey {
  /** Kafka: Name (v3+). */
  name: string;
  /** Kafka: MaxVersionLevel (v3+). */
  maxVersionLevel: number;
  /** Kafka: MinVersionLevel (v3+). */
  minVersionLevel: number;
}

function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, m: ApiVersionsResponseFinalizedFeatureKey, v: number): void {
  w.compactString(m.name);
  w.int16(m.maxVersionLevel);
  w.int16(m.minVersionLevel);
  w.unsignedVarint(0);
}

function readApiVersionsResponseFinalizedFeatureKey(r: Reader, v: number): ApiVersionsResponseFinalizedFeatureKey {
  const _name: string = r.compactString();
  const _maxVersionLevel: number = r.int16();
  const _minVersionLevel: number = r.int16();
  skipTaggedFields(r);
  return { name: _name, maxVersionLevel: _maxVersionLevel, minVersionLevel: _minVersionLevel };
}

/** Part of {@link ApiVersionsResponse}. */
export interface ApiVersionsResponseSupportedFeatureKey {
  /** Kafka: Name (v3+). */
  name: string;
  /** Kafka: MinVersion (v3+). */
  minVersion: number;
  /** Kafka: MaxVersion (v3+). */
  maxVersion: number;
}

function writeApiVersionsResponseSupportedFeatureKey(w: Writer, m: ApiVersionsResponseSupportedFeatureKey, v: number): void {
  w.compactString(m.name);
  w.int16(m.minVersion);
  w.int16(m.maxVersion);
  w.unsignedVarint(0);
}

function readApiVersionsResponseSupportedFeatureKey(r: Reader, v: number): ApiVersionsResponseSupportedFeatureKey {
  const _name: string = r.compactString();
  const _minVersion: number = r.int16();
  const _maxVersion: number = r.int16();
  skipTaggedFields(r);
  return { name: _name, minVersion: _minVersion, maxVersion: _maxVersion };
}

/** Part of {@link ApiVersionsResponse}. */
export interface ApiVersionsResponseApiVersion {
  /** Kafka: ApiKey (v0+). */
  apiKey: number;
  /** Kafka: MinVersion (v0+). */
  minVersion: number;
  /** Kafka: MaxVersion (v0+). */
  maxVersion: number;
}

function writeApiVersionsResponseApiVersion(w: Writer, m: ApiVersionsResponseApiVersion, v: number): void {
  w.int16(m.apiKey);
  w.int16(m.minVersion);
  w.int16(m.maxVersion);
  if (v >= 3) {
    w.unsignedVarint(0);
  }
}

function readApiVersionsResponseApiVersion(r: Reader, v: number): ApiVersionsResponseApiVersion {
  const _apiKey: number = r.int16();
  const _minVersion: number = r.int16();
  const _maxVersion: number = r.int16();
  if (v >= 3) {
    skipTaggedFields(r);
  }
  return { apiKey: _apiKey, minVersion: _minVersion, maxVersion: _maxVersion };
}

/** ApiVersionsResponse, versions 0-4. */
export interface ApiVersionsResponse {
  /** Kafka: ErrorCode (v0+). */
  errorCode: number;
  /** Kafka: ApiKeys (v0+). */
  apiKeys: ApiVersionsResponseApiVersion[];
  /** Kafka: ThrottleTimeMs (v1+). */
  throttleTimeMs?: number;
  /** Kafka: SupportedFeatures (v3+, tag 0). */
  supportedFeatures?: ApiVersionsResponseSupportedFeatureKey[];
  /** Kafka: FinalizedFeaturesEpoch (v3+, tag 1). */
  finalizedFeaturesEpoch?: number;
  /** Kafka: FinalizedFeatures (v3+, tag 2). */
  finalizedFeatures?: ApiVersionsResponseFinalizedFeatureKey[];
  /** Kafka: ZkMigrationReady (v3+, tag 3). */
  zkMigrationReady?: boolean;
}

/** Writes {@link ApiVersionsResponse} in `version`; throws ProtocolError INVALID_ARGUMENT if it cannot. */
export function encodeApiVersionsResponse(m: ApiVersionsResponse, version: number, w: Writer): void {
  checkVersion('ApiVersionsResponse', version, 0, 4);
  const v = version;
  w.int16(m.errorCode);
  const a0 = m.apiKeys;
  {
    if (v >= 3) w.unsignedVarint(a0.length + 1); else w.int32(a0.length);
    for (let i1 = 0; i1 < a0.length; i1++) { writeApiVersionsResponseApiVersion(w, a0[i1]!, v); }
  }
  if (v >= 1) {
    w.int32((m.throttleTimeMs ?? 0));
  }
  if (v >= 3) {
    let tagged: TaggedField[] | null = null;
    if (v >= 3 && m.supportedFeatures !== undefined && !(m.supportedFeatures.length === 0)) {
      const x = m.supportedFeatures;
      (tagged ??= []).push({ tag: 0, data: taggedData((w) => {
      const a2 = x;
      {
        w.unsignedVarint(a2.length + 1);
      for (let i3 = 0; i3 < a2.length; i3++) { writeApiVersionsResponseSupportedFeatureKey(w, a2[i3]!, v); }
      }
      }) });
    }
    if (v >= 3 && m.finalizedFeaturesEpoch !== undefined && !(m.finalizedFeaturesEpoch === -1)) {
      const x = m.finalizedFeaturesEpoch;
      (tagged ??= []).push({ tag: 1, data: taggedData((w) => {
      w.int64(x);
      }) });
    }
    if (v >= 3 && m.finalizedFeatures !== undefined && !(m.finalizedFeatures.length === 0)) {
      const x = m.finalizedFeatures;
      (tagged ??= []).push({ tag: 2, data: taggedData((w) => {
      const a4 = x;
      {
        w.unsignedVarint(a4.length + 1);
      for (let i5 = 0; i5 < a4.length; i5++) { writeApiVersionsResponseFinalizedFeatureKey(w, a4[i5]!, v); }
      }
      }) });
    }
    if (v >= 3 && m.zkMigrationReady !== undefined && !(m.zkMigrationReady === false)) {
      const x = m.zkMigrationReady;
      (tagged ??= []).push({ tag: 3, data: taggedData((w) => {
      w.boolean(x);
      }) });
    }
    writeTaggedFields(w, tagged);
  }
}

/** Reads {@link ApiVersionsResponse} in `version`; byte fields are views into the reader's buffer. */
export function decodeApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  checkVersion('ApiVersionsResponse', version, 0, 4);
  const v = version;
  const _errorCode: number = r.int16();
  const n6 = (v >= 3 ? r.unsignedVarint() - 1 : r.int32());
  if (n6 < 0) throw nullOnWire('ApiVersionsResponse.apiKeys', v);
  checkCount(r, n6);
  const a7 = new Array<ApiVersionsResponseApiVersion>(n6);
  for (let i8 = 0; i8 < n6; i8++) a7[i8] = readApiVersionsResponseApiVersion(r, v);
  const _apiKeys: ApiVersionsResponseApiVersion[] = a7;
  let _throttleTimeMs: number;
  if (v >= 1) {
    _throttleTimeMs = r.int32();
  } else {
    _throttleTimeMs = 0;
  }
  let _supportedFeatures: ApiVersionsResponseSupportedFeatureKey[] = [];
  let _finalizedFeaturesEpoch: number = -1;
  let _finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[] = [];
  let _zkMigrationReady: boolean = false;
  if (v >= 3) {
    const tagCount = r.unsignedVarint();
    for (let t = 0; t < tagCount; t++) {
      const tag = r.unsignedVarint();
      const tr = taggedReader(r);
      switch (tag) {
        case 0: if (v >= 3) {
          const r = tr;
          const n9 = r.unsignedVarint() - 1;
          if (n9 < 0) throw nullOnWire('ApiVersionsResponse.supportedFeatures', v);
          checkCount(r, n9);
          const a10 = new Array<ApiVersionsResponseSupportedFeatureKey>(n9);
          for (let i11 = 0; i11 < n9; i11++) a10[i11] = readApiVersionsResponseSupportedFeatureKey(r, v);
          _supportedFeatures = a10;
        } break;
        case 1: if (v >= 3) {
          const r = tr;
          _finalizedFeaturesEpoch = r.int64();
        } break;
        case 2: if (v >= 3) {
          const r = tr;
          const n12 = r.unsignedVarint() - 1;
          if (n12 < 0) throw nullOnWire('ApiVersionsResponse.finalizedFeatures', v);
          checkCount(r, n12);
          const a13 = new Array<ApiVersionsResponseFinalizedFeatureKey>(n12);
          for (let i14 = 0; i14 < n12; i14++) a13[i14] = readApiVersionsResponseFinalizedFeatureKey(r, v);
          _finalizedFeatures = a13;
        } break;
        case 3: if (v >= 3) {
          const r = tr;
          _zkMigrationReady = r.boolean();
        } break;
        default: break; // unknown tags are skipped, as Kafka does
      }
    }
  }
  return { errorCode: _errorCode, apiKeys: _apiKeys, throttleTimeMs: _throttleTimeMs, supportedFeatures: _supportedFeatures, finalizedFeaturesEpoch: _finalizedFeaturesEpoch, finalizedFeatures: _finalizedFeatures, zkMigrationReady: _zkMigrationReady };
}
