import { describe, expect, it } from 'vitest';
import { authenticatePlain } from './sasl-plain.js';

const users = new Map([['alice', 's3cret']]);
const token = (s: string) => Buffer.from(s.replace(/\|/g, '\u0000'));

describe('authenticatePlain', () => {
  it('accepts the right password, with or without an equal authzid', () => {
    expect(authenticatePlain(token('|alice|s3cret'), users)).toEqual({ ok: true, user: 'alice' });
    expect(authenticatePlain(token('alice|alice|s3cret'), users)).toEqual({ ok: true, user: 'alice' });
  });
  it('refuses wrong passwords, unknown users, other authzids and malformed tokens', () => {
    for (const t of ['|alice|s3cre', '|bob|s3cret', 'bob|alice|s3cret', 'alice-s3cret', '|alice'])
      expect(authenticatePlain(token(t), users).ok).toBe(false);
  });
});
