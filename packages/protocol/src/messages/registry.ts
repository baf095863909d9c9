import { API_CODECS, type ApiKey, ApiKeys } from '../generated/index.js';
import type { ApiCodec } from './api-codec.js';
import type { RequestHeaderVersion, ResponseHeaderVersion } from './headers.js';

/** What a broker needs to know about one API: versions and header versions. */
export interface ApiInfo {
  readonly apiKey: ApiKey;
  readonly name: string;
  /** Lowest version the codecs read and write. */
  readonly minVersion: number;
  /** Highest version the codecs read and write. */
  readonly maxVersion: number;
  /** Highest version to advertise in ApiVersions (Kafka marks later ones unstable). */
  readonly maxStableVersion: number;
  /** First flexible version, or null if the API has none. */
  readonly flexibleFrom: number | null;
}

const BY_KEY = new Map<number, ApiCodec<unknown, unknown>>();
for (const codec of Object.values(API_CODECS) as ApiCodec<unknown, unknown>[])
  BY_KEY.set(codec.apiKey, codec);

/** Every API the codecs cover, in api-key order. */
export const SUPPORTED_APIS: readonly ApiInfo[] = [...BY_KEY.values()]
  .sort((a, b) => a.apiKey - b.apiKey)
  .map((c) => ({
    apiKey: c.apiKey as ApiKey,
    name: c.name,
    minVersion: c.minVersion,
    maxVersion: c.maxVersion,
    maxStableVersion: c.maxStableVersion,
    flexibleFrom: c.flexibleFrom,
  }));

const INFO = new Map<number, ApiInfo>(SUPPORTED_APIS.map((a) => [a.apiKey, a]));

/** The API of `apiKey`, or undefined if the codecs do not know it. */
export function apiInfo(apiKey: number): ApiInfo | undefined {
  return INFO.get(apiKey);
}

/** Whether `apiKey` is one the codecs know. */
export function isKnownApiKey(apiKey: number): apiKey is ApiKey {
  return INFO.has(apiKey);
}

/** @internal The generated codec of a known api key. */
export function codecOf(apiKey: number): ApiCodec<unknown, unknown> | undefined {
  return BY_KEY.get(apiKey);
}

/**
 * Request header version of `apiKey` at `version`: 2 in flexible versions, else 1. Also
 * right for versions beyond the codecs' range, as Kafka reads those headers the same way.
 */
export function requestHeaderVersion(apiKey: number, version: number): RequestHeaderVersion {
  const flex = INFO.get(apiKey)?.flexibleFrom ?? null;
  return flex !== null && version >= flex ? 2 : 1;
}

/**
 * Response header version of `apiKey` at `version`: 1 in flexible versions, else 0; always
 * 0 for ApiVersions, so that a client can read the response before it knows what the
 * broker supports.
 */
export function responseHeaderVersion(apiKey: number, version: number): ResponseHeaderVersion {
  if (apiKey === ApiKeys.ApiVersions) return 0;
  const flex = INFO.get(apiKey)?.flexibleFrom ?? null;
  return flex !== null && version >= flex ? 1 : 0;
}
