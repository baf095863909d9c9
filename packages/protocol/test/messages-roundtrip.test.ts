/**
 * Law: for every API, every version, request and response, decode(encode(m)) equals m and
 * re-encoding the decoded message gives the same bytes; for messages drawn from the schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadApis } from '../schema/index.js';
import type { MessageSchema } from '../schema/model.js';
import {
  API_CODECS,
  type ApiCodec,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  Reader,
  Writer,
} from '../src/index.js';
import { structArb } from './messages-arbitraries.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const apis = loadApis();

function versions(m: MessageSchema): number[] {
  const out: number[] = [];
  for (let v = m.validVersions.min; v <= m.validVersions.max; v++) out.push(v);
  return out;
}

type AnyCodec = ApiCodec<unknown, unknown>;
const codecs = API_CODECS as unknown as Record<number, AnyCodec>;

describe.each(apis.map((a) => [a.name, a] as const))('%s', (_name, api) => {
  const codec = codecs[api.apiKey]!;

  it('codec table matches the schema', () => {
    expect(codec.name).toBe(api.name);
    expect([codec.minVersion, codec.maxVersion]).toEqual([api.validVersions.min, api.validVersions.max]);
  });

  for (const [kind, msg] of [
    ['request', api.request],
    ['response', api.response],
  ] as const) {
    const encode = kind === 'request' ? codec.encodeRequest : codec.encodeResponse;
    const decode = kind === 'request' ? codec.decodeRequest : codec.decodeResponse;
    it.each(versions(msg))(`${kind} v%i round-trips`, (v) => {
      fc.assert(
        fc.property(structArb(msg.struct, v), (m) => {
          const w = new Writer(64);
          encode(m, v, w);
          const bytes = w.toBuffer();
          const r = new Reader(bytes);
          const decoded = decode(r, v);
          expect(r.remaining).toBe(0);
          expect(decoded).toEqual(m);
          const again = new Writer(64);
          encode(decoded, v, again);
          expect(again.toBuffer().equals(bytes)).toBe(true);
        }),
        { numRuns: runs },
      );
    });
  }

  it('round-trips whole frames through the dispatch functions', () => {
    const v = api.validVersions.max;
    fc.assert(
      fc.property(
        structArb(api.request.struct, v),
        structArb(api.response.struct, v),
        fc.integer({ min: -0x80000000, max: 0x7fffffff }),
        fc.option(fc.string({ maxLength: 10 }), { nil: null }),
        (req, res, correlationId, clientId) => {
          const header = { apiKey: api.apiKey, apiVersion: v, correlationId, clientId };
          const frame = encodeRequest(header as never, req as never);
          expect(frame.readInt32BE(0)).toBe(frame.length - 4);
          const decoded = decodeRequest(frame.subarray(4));
          expect(decoded.header).toEqual(header);
          expect(decoded.body).toEqual(req);
          const out = encodeResponse({ correlationId }, api.apiKey as never, v, res as never);
          const back = decodeResponse(out.subarray(4), api.apiKey as never, v);
          expect(back.correlationId).toBe(correlationId);
          expect(back.body).toEqual(res);
        },
      ),
      { numRuns: Math.max(1, Math.floor(runs / 4)) },
    );
  });
});
