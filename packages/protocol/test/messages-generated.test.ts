/** The committed src/generated/ is exactly what scripts/generate-codecs.ts produces now. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, generateAll } from '../scripts/generate-codecs.js';

describe('generated codecs', () => {
  const fresh = generateAll();

  it('has no stale or missing files', () => {
    expect(readdirSync(GENERATED_DIR).sort()).toEqual([...fresh.keys()].sort());
  });

  it.each([...fresh.keys()])('%s equals a fresh generation (run npm run generate)', (file) => {
    const committed = readFileSync(join(GENERATED_DIR, file), 'utf8');
    expect(committed === fresh.get(file)).toBe(true);
  });

  it('marks every file as generated', () => {
    for (const text of fresh.values())
      expect(text.startsWith('// generated — do not edit; run npm run generate')).toBe(true);
  });
});
