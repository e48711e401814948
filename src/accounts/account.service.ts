import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import { UnauthenticatedError, UserInputError } from '../core/errors.js';
import { insertRow } from '../core/sql-write.js';
import { AccessTokenEntity } from './access-token.entity.js';
import type { AccountSignInInput, AccountSignUpInput, AccountVerifyEmailInput, User } from './account.types.js';
import { hashPassword, newAccessToken, verifyPassword } from './credentials.js';
import { consumeVerificationCode, issueVerificationCode } from './email-verification.js';
import { enqueueMail, signUpExistingMail, verifyEmailMail } from './outbox.js';

const TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export interface Session {
  token: string;
  user: User;
}

/** A user as the API shows it (never the password hash). */
const USER_COLUMNS = 'id, email, display_name AS "displayName", is_admin AS "isAdmin"';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function lockUserByEmail(tx: EntityManager, email: string): Promise<{ id: string; verified: boolean } | null> {
  const rows: { id: string; verified: boolean }[] = await tx.query(
    'SELECT id, email_verified_at IS NOT NULL AS verified FROM users WHERE email = $1 FOR UPDATE', [email],
  );
  return rows[0] ?? null;
}

async function issueToken(tx: EntityManager, userId: string): Promise<string> {
  const { token, hash } = newAccessToken();
  await insertRow(tx, AccessTokenEntity, { userId, tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS) });
  return token;
}

/** Same work on every path: the password is hashed before anything is looked up. */
export async function signUp(_ctx: RequestContext, tx: EntityManager, input: AccountSignUpInput): Promise<void> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  const passwordHash = await hashPassword(input.password);
  let user = await lockUserByEmail(tx, email);
  if (!user) {
    // A concurrent sign-up with the same address may win the insert; then this one continues as "unverified".
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, displayName, passwordHash],
    );
    user = inserted[0] ? { id: inserted[0].id, verified: false } : await lockUserByEmail(tx, email);
    if (!user) throw new Error('sign-up: user row neither inserted nor found');
  }
  if (user.verified) {
    // The account is untouched; its owner hears that someone tried, and nobody else learns anything.
    await enqueueMail(tx, signUpExistingMail(email));
    return;
  }
  // New, or never confirmed: whoever proves the address with the code gets the password given last, so
  // pre-registering someone else's address gains nothing.
  await tx.query('UPDATE users SET password_hash = $2, display_name = $3 WHERE id = $1', [user.id, passwordHash, displayName]);
  await enqueueMail(tx, verifyEmailMail(email, await issueVerificationCode(tx, user.id, { passwordHash, displayName })));
}

/**
 * Confirms the address with the mailed code and the password of the same sign-up, and signs in. Any failure
 * (unknown email, wrong password, wrong, used, expired or exhausted code) is the same null; a wrong guess is counted, so the caller must commit rather than roll back.
 */
export async function verifyEmail(_ctx: RequestContext, tx: EntityManager, input: AccountVerifyEmailInput): Promise<Session | null> {
  const user = await lockUserByEmail(tx, normalizeEmail(input.email));
  const confirmed = await consumeVerificationCode(tx, user && !user.verified ? user.id : null, input.code, input.password);
  if (!user || !confirmed) return null;
  // The credentials of the sign-up whose code this is (a later sign-up by someone else cannot swap them in).
  await tx.query('UPDATE users SET email_verified_at = now(), password_hash = $2, display_name = $3 WHERE id = $1', [
    user.id, confirmed.passwordHash, confirmed.displayName,
  ]);
  await tx.query('DELETE FROM email_verification_codes WHERE user_id = $1', [user.id]);
  const [confirmedUser] = await tx.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [user.id]);
  return { token: await issueToken(tx, user.id), user: confirmedUser };
}

/**
 * Unknown email and wrong password answer with the same error, after the same work. An unconfirmed account is
 * named only to someone who knows its password.
 */
export async function signIn(_ctx: RequestContext, tx: EntityManager, input: AccountSignInInput): Promise<Session> {
  const [user]: (User & { passwordHash: string; verified: boolean })[] = await tx.query(
    `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash", email_verified_at IS NOT NULL AS verified FROM users WHERE email = $1`,
    [normalizeEmail(input.email)],
  );
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) throw new UserInputError('INVALID_CREDENTIALS', null, 'Email or password is incorrect');
  if (!user.verified) {
    throw new UserInputError('EMAIL_NOT_VERIFIED', 'input.email', 'Confirm your address with the code we mailed first (accountVerifyEmail)');
  }
  const { passwordHash: _hash, verified: _verified, ...shown } = user;
  return { token: await issueToken(tx, user.id), user: shown };
}

export async function signOut(ctx: RequestContext, tx: EntityManager): Promise<boolean> {
  if (!ctx.viewer.tokenId) throw new UnauthenticatedError();
  const [, revoked]: [unknown, number] = await tx.query(
    'UPDATE access_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [ctx.viewer.tokenId],
  );
  return revoked > 0;
}

export async function findUser(ctx: RequestContext, userId: string): Promise<User | null> {
  const [user]: User[] = await ctx.db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [userId]);
  return user ?? null;
}
