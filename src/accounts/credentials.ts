import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (memory-hard, OWASP-compatible); the encoded hash carries its parameters,
// so raising them later does not break existing passwords.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoyHash: Promise<string> | null = null;

/**
 * Verifies a password; with no stored hash (unknown email) it still spends the same work on a decoy, so
 * "no such account" and "wrong password" cannot be told apart by timing either.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hash('decoy password that matches nothing');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

const TOKEN_PREFIX = 'coa_';

/** An opaque bearer token: 256 random bits. Only its hash is stored. */
export function newAccessToken(): { token: string; hash: Buffer } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

// A fast hash is right here (unlike passwords): the token is long and random, so it cannot be guessed offline.
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20 && value.length < 100;
}
