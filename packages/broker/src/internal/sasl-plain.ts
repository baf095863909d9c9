/**
 * SASL/PLAIN (RFC 4616): the client's single message is `authzid NUL authcid NUL passwd`.
 * Users come from settings or a properties-style file (`user=password` per line).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BrokerError } from '../errors.js';
import { parseProperties } from './meta-properties.js';

/** User name to password. */
export type SaslUsers = ReadonlyMap<string, string>;

/** Reads a users file: `user=password` lines, `#` comments. @throws BrokerError INVALID_CONFIG. */
export async function loadSaslUsersFile(path: string): Promise<SaslUsers> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new BrokerError('INVALID_CONFIG', `Cannot read SASL users file ${path}`, { cause: e });
  }
  const users = parseProperties(text);
  if (users.size === 0) throw new BrokerError('INVALID_CONFIG', `SASL users file ${path} lists no users`);
  return users;
}

/** The outcome of one PLAIN exchange. */
export type PlainResult =
  { readonly ok: true; readonly user: string } | { readonly ok: false; readonly reason: string };

const digest = (s: Buffer): Buffer => createHash('sha256').update(s).digest();

/** Checks a PLAIN token against `users` in constant time per user. */
export function authenticatePlain(token: Buffer, users: SaslUsers): PlainResult {
  const first = token.indexOf(0);
  const second = first < 0 ? -1 : token.indexOf(0, first + 1);
  if (first < 0 || second < 0) return { ok: false, reason: 'Invalid SASL/PLAIN message' };
  const authzid = token.subarray(0, first).toString('utf8');
  const user = token.subarray(first + 1, second).toString('utf8');
  const password = token.subarray(second + 1);
  if (authzid !== '' && authzid !== user) {
    return { ok: false, reason: 'Authentication failed: authorization id must match the user name' };
  }
  const expected = users.get(user);
  // Compare digests so that the time taken does not reveal the password's length.
  const match =
    expected !== undefined && timingSafeEqual(digest(Buffer.from(expected, 'utf8')), digest(password));
  return match
    ? { ok: true, user }
    : { ok: false, reason: 'Authentication failed: Invalid username or password' };
}
