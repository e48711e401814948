import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { verifyPassword } from './credentials.js';

export const CODE_LIFETIME_MS = 24 * 3600 * 1000;
/** Wrong codes a code survives; the next wrong one kills it (a new sign-up sends a new code). */
export const MAX_CODE_ATTEMPTS = 5;

// Crockford's base32: no I, L, O or U, so a code read from a mail is hard to mistype. 8 characters = 40 bits:
// with 5 attempts per code, guessing one takes about 2^37 sign-ups, each of which mails the real owner.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person may type for a code: any case, spaces or dashes, O for 0, I or L for 1. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function codeHash(userId: string, code: string): Buffer {
  return createHash('sha256').update(`${userId}:${normalizeCode(code)}`).digest();
}

/**
 * A fresh code for the user, bound to the credentials of this sign-up; earlier codes stop working. Returns the
 * plain code, for the mail only.
 */
export async function issueVerificationCode(
  tx: EntityManager, userId: string, credentials: { passwordHash: string; displayName: string },
): Promise<string> {
  const code = newCode();
  await tx.query('DELETE FROM email_verification_codes WHERE user_id = $1', [userId]);
  await tx.query(
    `INSERT INTO email_verification_codes (user_id, code_hash, password_hash, display_name, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [userId, codeHash(userId, code), credentials.passwordHash, credentials.displayName, new Date(Date.now() + CODE_LIFETIME_MS)],
  );
  return code;
}

/**
 * Checks a typed code and password against the user's live code, under a row lock so concurrent guesses are
 * counted one by one. Both must match the sign-up that mailed the code: the code proves the mailbox, the
 * password proves it is the same person, so a squatter who signs up after the owner (and so triggers the newest
 * code in the owner's mailbox) can never get their own password confirmed by the owner. A wrong guess is counted
 * (the caller must commit it); a right one marks the code used and returns the sign-up's credentials.
 */
export async function consumeVerificationCode(
  tx: EntityManager, userId: string | null, typed: string, password: string,
): Promise<{ passwordHash: string; displayName: string } | null> {
  const rows: { id: string; codeHash: Buffer; passwordHash: string; displayName: string }[] = userId
    ? await tx.query(
      `SELECT id, code_hash AS "codeHash", password_hash AS "passwordHash", display_name AS "displayName" FROM email_verification_codes
       WHERE user_id = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [userId, MAX_CODE_ATTEMPTS],
    )
    : [];
  // Hash and verify on every path (a decoy without a code), so an unknown email and a wrong code cost the same.
  const typedHash = codeHash(userId ?? '00000000-0000-0000-0000-000000000000', typed);
  const live = rows[0];
  const passwordMatches = await verifyPassword(live?.passwordHash ?? null, password);
  if (!live) return null;
  if (!timingSafeEqual(Buffer.from(live.codeHash), typedHash) || !passwordMatches) {
    await tx.query('UPDATE email_verification_codes SET attempts = attempts + 1 WHERE id = $1', [live.id]);
    return null;
  }
  await tx.query('UPDATE email_verification_codes SET used_at = now() WHERE id = $1', [live.id]);
  return { passwordHash: live.passwordHash, displayName: live.displayName };
}
