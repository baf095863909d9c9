import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/arbitraries.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

const hex = (w: Writer): string => w.toBuffer().toString('hex');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProtocolError) return e.code;
    throw e;
  }
  return undefined;
};

describe('Writer', () => {
  it('writes big-endian integers', () => {
    expect(hex(new Writer().int8(-1).int16(0x102).int32(-2).uint32(0xfffffffe))).toBe(
      'ff0102fffffffefffffffe',
    );
    expect(
      hex(
        new Writer()
          .int64(-1)
          .int64(2 ** 53 - 1)
          .int64(258),
      ),
    ).toBe('ffffffffffffffff' + '001fffffffffffff' + '0000000000000102');
    expect(hex(new Writer().int64Big(-(2n ** 63n)))).toBe('8000000000000000');
  });

  it('writes varints as in the Kafka spec (protobuf zigzag)', () => {
    expect(hex(new Writer().unsignedVarint(300))).toBe('ac02');
    expect(hex(new Writer().varint(0).varint(-1).varint(1).varint(-2).varint(2147483647))).toBe(
      '00010203feffffff0f',
    );
    expect(hex(new Writer().varint(-2147483648))).toBe('ffffffff0f');
    expect(hex(new Writer().varlong(-(2 ** 52)))).toBe('ffffffffffffff0f');
    expect(hex(new Writer().varlong(2 ** 40))).toBe('808080808040'); // zigzag 2^41
  });

  it('writes strings, bytes and their nullable and compact forms', () => {
    expect(hex(new Writer().string('ab').nullableString(null))).toBe('00026162ffff');
    expect(hex(new Writer().compactString('ab').compactNullableString(null))).toBe('036162' + '00');
    expect(hex(new Writer().bytes(Buffer.from([9])).nullableBytes(null))).toBe('0000000109ffffffff');
    expect(hex(new Writer().compactBytes(Buffer.from([9])).compactNullableBytes(null))).toBe('020900');
    expect(
      hex(
        new Writer()
          .varintBytes(null)
          .varintBytes(Buffer.from([7]))
          .varintString('é'),
      ),
    ).toBe('010207' + '04c3a9');
  });

  it('writes arrays, compact arrays and sorted tagged fields', () => {
    const item = (w: Writer, n: number): void => void w.int8(n);
    expect(hex(new Writer().array([1, 2], item).array(null, item))).toBe('000000020102ffffffff');
    expect(hex(new Writer().compactArray([1], item).compactArray(null, item))).toBe('020100');
    const tagged = new Writer().taggedFields([
      { tag: 5, data: Buffer.from([1]) },
      { tag: 0, data: Buffer.alloc(0) },
    ]);
    expect(hex(tagged)).toBe('02' + '0000' + '050101');
    expect(hex(new Writer().taggedFields())).toBe('00');
    expect(
      code(() =>
        new Writer().taggedFields([
          { tag: 1, data: Buffer.alloc(0) },
          { tag: 1, data: Buffer.alloc(0) },
        ]),
      ),
    ).toBe('INVALID_ARGUMENT');
  });

  it('rejects values outside the type instead of wrapping', () => {
    expect(code(() => new Writer().int8(128))).toBe('VALUE_OUT_OF_RANGE');
    expect(code(() => new Writer().int16(1.5))).toBe('VALUE_OUT_OF_RANGE');
    expect(code(() => new Writer().int32(2 ** 31))).toBe('VALUE_OUT_OF_RANGE');
    expect(code(() => new Writer().int64(2 ** 53))).toBe('VALUE_OUT_OF_RANGE');
    expect(code(() => new Writer().varlong(2 ** 52 + 2))).toBe('VALUE_OUT_OF_RANGE');
    expect(code(() => new Writer().unsignedVarint(-1))).toBe('VALUE_OUT_OF_RANGE');
  });

  it('grows past its initial capacity', () => {
    const w = new Writer(16);
    for (let i = 0; i < 1000; i++) w.int32(i);
    const r = new Reader(w.toBuffer());
    for (let i = 0; i < 1000; i++) expect(r.int32()).toBe(i);
    expect(w.length).toBe(4000);
  });
});

describe('Reader', () => {
  it('round-trips every primitive (property)', () => {
    const value = fc.oneof(
      fc.tuple(fc.constant('int8' as const), fc.integer({ min: -128, max: 127 })),
      fc.tuple(fc.constant('int16' as const), fc.integer({ min: -32768, max: 32767 })),
      fc.tuple(fc.constant('int32' as const), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
      fc.tuple(fc.constant('uint32' as const), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      fc.tuple(fc.constant('int64' as const), fc.maxSafeInteger()),
      fc.tuple(fc.constant('varint' as const), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
      fc.tuple(fc.constant('unsignedVarint' as const), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      fc.tuple(fc.constant('varlong' as const), fc.integer({ min: -(2 ** 52), max: 2 ** 52 })),
      fc.tuple(fc.constant('float64' as const), fc.double({ noNaN: true })),
      fc.tuple(fc.constant('compactString' as const), fc.string()),
      fc.tuple(fc.constant('nullableString' as const), fc.option(fc.string(), { nil: null })),
      fc.tuple(
        fc.constant('compactNullableBytes' as const),
        fc.option(fc.uint8Array().map(Buffer.from), { nil: null }),
      ),
      fc.tuple(
        fc.constant('nullableBytes' as const),
        fc.option(fc.uint8Array().map(Buffer.from), { nil: null }),
      ),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (values) => {
        const w = new Writer(16);
        for (const [type, v] of values) (w[type] as (x: unknown) => Writer)(v);
        const r = new Reader(w.toBuffer());
        for (const [type, v] of values) {
          const got = (r[type] as () => unknown).call(r);
          expect(Buffer.isBuffer(got) ? Buffer.from(got) : got).toEqual(v);
        }
        expect(r.remaining).toBe(0);
      }),
      { numRuns: runs },
    );
  });

  it('reads arrays, compact arrays and tagged fields', () => {
    const buf = new Writer()
      .array([1, 2], (w, n) => w.int16(n))
      .compactArray(null, (w, n: number) => w.int16(n))
      .taggedFields([{ tag: 3, data: Buffer.from('x') }])
      .toBuffer();
    const r = new Reader(buf);
    expect(r.array((x) => x.int16())).toEqual([1, 2]);
    expect(r.compactArray((x) => x.int16())).toBeNull();
    expect(r.taggedFields().map((f) => [f.tag, Buffer.from(f.data).toString()])).toEqual([[3, 'x']]);
  });

  it('throws TRUNCATED on short input, at every cut point', () => {
    const buf = new Writer()
      .int32(1)
      .compactString('hello')
      .varlong(2 ** 40)
      .nullableBytes(Buffer.alloc(3))
      .toBuffer();
    for (let cut = 0; cut < buf.length; cut++) {
      const r = new Reader(buf.subarray(0, cut));
      expect(code(() => (r.int32(), r.compactString(), r.varlong(), r.nullableBytes()))).toBe('TRUNCATED');
    }
  });

  it('rejects malformed varints, huge counts and unsafe int64s', () => {
    expect(code(() => new Reader(Buffer.from('ffffffff7f', 'hex')).unsignedVarint())).toBe('CORRUPT_MESSAGE');
    expect(code(() => new Reader(Buffer.from('ffffffffff01', 'hex')).varint())).toBe('CORRUPT_MESSAGE');
    expect(code(() => new Reader(Buffer.from('ffffffffffffffffff01', 'hex')).varlong())).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(code(() => new Reader(Buffer.from('7fffffff', 'hex')).array((x) => x.int8()))).toBe('TRUNCATED');
    expect(code(() => new Reader(Buffer.from('0020000000000000', 'hex')).int64())).toBe('VALUE_OUT_OF_RANGE');
    expect(new Reader(Buffer.from('0020000000000000', 'hex')).int64Big()).toBe(2n ** 53n);
    expect(code(() => new Reader(Buffer.from('ffff', 'hex')).string())).toBe('CORRUPT_MESSAGE');
    expect(code(() => new Reader(Buffer.alloc(2), 0, 3))).toBe('INVALID_ARGUMENT');
  });

  it('returns byte views, not copies', () => {
    const buf = new Writer().bytes(Buffer.from([1, 2])).toBuffer();
    const view = new Reader(buf).bytes();
    buf[4] = 9;
    expect(view[0]).toBe(9);
  });
});
