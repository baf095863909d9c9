import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';

/**
 * The generated codec of one Kafka API, with the version facts from its schema.
 *
 * @typeParam Req - the request body type, e.g. `ProduceRequest`
 * @typeParam Res - the response body type, e.g. `ProduceResponse`
 */
export interface ApiCodec<Req, Res> {
  readonly apiKey: number;
  /** Kafka's name of the API, e.g. `Produce`. */
  readonly name: string;
  /** Lowest version the codec reads and writes. */
  readonly minVersion: number;
  /** Highest version the codec reads and writes. */
  readonly maxVersion: number;
  /** Highest version that is not marked unstable by Kafka (what a broker advertises). */
  readonly maxStableVersion: number;
  /** First flexible version (compact types, tagged fields), or null if none is. */
  readonly flexibleFrom: number | null;
  readonly encodeRequest: (message: Req, version: number, writer: Writer) => void;
  readonly decodeRequest: (reader: Reader, version: number) => Req;
  readonly encodeResponse: (message: Res, version: number, writer: Writer) => void;
  readonly decodeResponse: (reader: Reader, version: number) => Res;
}
