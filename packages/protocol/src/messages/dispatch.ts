import { ProtocolError } from '../errors/protocol-error.js';
import type { ApiKey, ApiRequests, ApiResponses } from '../generated/index.js';
import { Reader } from '../primitives/reader.js';
import { Writer } from '../primitives/writer.js';
import { UnsupportedRequestError } from './errors.js';
import {
  decodeRequestHeader,
  decodeResponseHeader,
  encodeRequestHeader,
  encodeResponseHeader,
  type RequestHeader,
} from './headers.js';
import { codecOf, requestHeaderVersion, responseHeaderVersion } from './registry.js';

/** A decoded request: its header and its body, typed by api key. */
export type DecodedRequest = {
  [K in ApiKey]: { readonly header: RequestHeader; readonly apiKey: K; readonly body: ApiRequests[K] };
}[ApiKey];

/**
 * Decodes one request frame (the bytes after the 4-byte size prefix).
 *
 * Byte fields of the body (e.g. Produce `records`) are views into `frame`.
 *
 * @throws UnsupportedRequestError for an api key or version the codecs do not know (the
 *   header fields it carries let a broker answer); ProtocolError TRUNCATED or
 *   CORRUPT_MESSAGE for malformed bytes, including bytes left over after the body.
 */
export function decodeRequest(frame: Buffer): DecodedRequest {
  const r = new Reader(frame);
  if (frame.length < 8)
    throw new ProtocolError('TRUNCATED', `request frame of ${frame.length} bytes has no header`);
  const apiKey = frame.readInt16BE(0);
  const apiVersion = frame.readInt16BE(2);
  const codec = codecOf(apiKey);
  if (codec === undefined || apiVersion < codec.minVersion || apiVersion > codec.maxVersion) {
    const correlationId = frame.readInt32BE(4);
    let clientId: string | null = null;
    try {
      clientId = decodeRequestHeader(r, 1).clientId;
    } catch (e) {
      // The header beyond the correlation id is optional information here: the error
      // reported is the unsupported request, and the unreadable client id stays null.
      if (!(e instanceof ProtocolError)) throw e;
    }
    const reason = codec === undefined ? 'UNKNOWN_API_KEY' : 'UNSUPPORTED_VERSION';
    const what =
      codec === undefined
        ? `unknown api key ${apiKey}`
        : `${codec.name} v${apiVersion} (supported ${codec.minVersion}-${codec.maxVersion})`;
    throw new UnsupportedRequestError(
      { reason, apiKey, apiVersion, correlationId, clientId },
      `unsupported request: ${what}`,
    );
  }
  const header = decodeRequestHeader(r, requestHeaderVersion(apiKey, apiVersion));
  const body = codec.decodeRequest(r, apiVersion);
  if (r.remaining !== 0) {
    throw new ProtocolError(
      'CORRUPT_MESSAGE',
      `${r.remaining} bytes after the body of ${codec.name} v${apiVersion}`,
    );
  }
  return { header, apiKey, body } as DecodedRequest;
}

function sized(w: Writer): Buffer {
  const out = w.toBuffer();
  out.writeInt32BE(out.length - 4, 0);
  return out;
}

function codecFor(apiKey: number, version: number): NonNullable<ReturnType<typeof codecOf>> {
  const codec = codecOf(apiKey);
  if (codec === undefined) throw new ProtocolError('INVALID_ARGUMENT', `unknown api key ${apiKey}`);
  if (version < codec.minVersion || version > codec.maxVersion) {
    throw new ProtocolError('INVALID_ARGUMENT', `${codec.name} has no version ${version}`);
  }
  return codec;
}

/**
 * Encodes a response frame, size prefix included, with the response header version the
 * API and version call for.
 *
 * @param header - the request's header (only `correlationId` is used)
 * @throws ProtocolError INVALID_ARGUMENT when `body` cannot be written in `version`
 */
export function encodeResponse<K extends ApiKey>(
  header: Pick<RequestHeader, 'correlationId'>,
  apiKey: K,
  version: number,
  body: ApiResponses[K],
): Buffer {
  const codec = codecFor(apiKey, version);
  const w = new Writer(256);
  w.int32(0);
  encodeResponseHeader(header.correlationId, responseHeaderVersion(apiKey, version), w);
  codec.encodeResponse(body, version, w);
  return sized(w);
}

/** Encodes a request frame, size prefix included (for clients and tests). */
export function encodeRequest<K extends ApiKey>(
  header: RequestHeader & { readonly apiKey: K },
  body: ApiRequests[K],
): Buffer {
  const codec = codecFor(header.apiKey, header.apiVersion);
  const w = new Writer(256);
  w.int32(0);
  encodeRequestHeader(header, requestHeaderVersion(header.apiKey, header.apiVersion), w);
  codec.encodeRequest(body, header.apiVersion, w);
  return sized(w);
}

/**
 * Decodes a response frame (after the size prefix) of a request sent as `apiKey` at
 * `version` (a response does not say which API it answers).
 */
export function decodeResponse<K extends ApiKey>(
  frame: Buffer,
  apiKey: K,
  version: number,
): { readonly correlationId: number; readonly body: ApiResponses[K] } {
  const codec = codecFor(apiKey, version);
  const r = new Reader(frame);
  const correlationId = decodeResponseHeader(r, responseHeaderVersion(apiKey, version));
  const body = codec.decodeResponse(r, version) as ApiResponses[K];
  if (r.remaining !== 0) {
    throw new ProtocolError(
      'CORRUPT_MESSAGE',
      `${r.remaining} bytes after the body of ${codec.name} v${version} response`,
    );
  }
  return { correlationId, body };
}
