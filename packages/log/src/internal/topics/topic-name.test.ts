import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogError } from '../../errors.js';
import { hasCollisionChars, topicsCollide, validateTopicName } from './topic-name.js';

const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);
const legalChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-'.split(''),
);

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LogError);
    return (e as LogError).code;
  }
}

describe('validateTopicName', () => {
  it('accepts legal names up to 249 characters', () => {
    for (const name of ['a', 'orders', 'my-topic.v1_x', '__consumer_offsets', '...', 'x'.repeat(249)]) {
      expect(codeOf(() => validateTopicName(name))).toBeUndefined();
    }
  });

  it.each(['', '.', '..', 'x'.repeat(250), 'a b', 'a/b', 'a\\b', 'topic!', 'é', 'a\u0000', '../etc'])(
    'rejects %j',
    (name) => {
      expect(codeOf(() => validateTopicName(name))).toBe('INVALID_TOPIC_EXCEPTION');
    },
  );

  it('accepts exactly the names built from legal characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 260 }), (name) => {
        const legal =
          name.length > 0 &&
          name.length <= 249 &&
          name !== '.' &&
          name !== '..' &&
          /^[a-zA-Z0-9._-]+$/.test(name);
        expect(codeOf(() => validateTopicName(name)) === undefined).toBe(legal);
      }),
      { numRuns: runs },
    );
    fc.assert(
      fc.property(fc.array(legalChar, { minLength: 3, maxLength: 249 }), (chars) => {
        expect(codeOf(() => validateTopicName(chars.join('')))).toBeUndefined();
      }),
      { numRuns: runs },
    );
  });
});

describe('collisions', () => {
  it("treats '.' and '_' as colliding", () => {
    expect(topicsCollide('a.b', 'a_b')).toBe(true);
    expect(topicsCollide('a.b', 'a.b')).toBe(false);
    expect(topicsCollide('a.b', 'a-b')).toBe(false);
    expect(hasCollisionChars('a.b')).toBe(true);
    expect(hasCollisionChars('a-b')).toBe(false);
  });
});
