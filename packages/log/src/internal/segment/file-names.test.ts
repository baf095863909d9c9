import { describe, expect, it } from 'vitest';
import { offsetToName, parseSegmentName, segmentPath } from './file-names.js';

describe('segment file names', () => {
  it('uses 20-digit zero-padded base offsets as Kafka does', () => {
    expect(offsetToName(42)).toBe('00000000000000000042');
    expect(segmentPath('/d', 7, '.log')).toBe('/d/00000000000000000007.log');
  });

  it('parses segment, index and transient names and ignores the rest', () => {
    expect(parseSegmentName('00000000000000000042.log')).toEqual({
      baseOffset: 42,
      suffix: '.log',
      state: '',
    });
    expect(parseSegmentName('00000000000000000042.timeindex.deleted')).toEqual({
      baseOffset: 42,
      suffix: '.timeindex',
      state: '.deleted',
    });
    expect(parseSegmentName('00000000000000000000.log.swap')?.state).toBe('.swap');
    expect(parseSegmentName('00000000000000000000.replace')?.suffix).toBe('.replace');
    for (const n of [
      'partition.checkpoint',
      '42.log',
      '00000000000000000042.log.1.tmp',
      '00000000000000000042.txt',
    ])
      expect(parseSegmentName(n)).toBeNull();
  });
});
