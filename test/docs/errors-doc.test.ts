/** docs/errors.md must list every stable error code each package can raise. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ProtocolErrorCodes } from '@rill/protocol';
import { CleanerErrorCodes, LOG_ERROR_CODES } from '@rill/log';
import { ClientOnlyErrorCodes } from '@rill/client';
import { BROKER_ERROR_CODES } from '@rill/broker';

const doc = readFileSync(join(import.meta.dirname, '../../docs/errors.md'), 'utf8');

function sectionOf(heading: string): string {
  const start = doc.indexOf(heading);
  expect(start, `docs/errors.md has a section "${heading}"`).toBeGreaterThanOrEqual(0);
  const next = doc.indexOf('\n## ', start + heading.length);
  return doc.slice(start, next < 0 ? undefined : next);
}

test.each([
  ['## @rill/protocol', ProtocolErrorCodes],
  ['## @rill/log', LOG_ERROR_CODES],
  ['## @rill/log', CleanerErrorCodes],
  ['## @rill/broker', BROKER_ERROR_CODES],
  ['## @rill/client', ClientOnlyErrorCodes],
] as const)('%s lists every code', (heading, codes) => {
  const section = sectionOf(heading);
  const missing = codes.filter((c) => !section.includes(`\`${c}\``));
  expect(missing).toEqual([]);
});
