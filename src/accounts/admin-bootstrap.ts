import type { DataSource } from 'typeorm';

/**
 * ADMIN_EMAILS at start-up: makes these accounts admins, but only once their address is confirmed. An
 * unconfirmed account's password is whatever the latest sign-up with that address chose (anyone can sign up with
 * any address), so promoting it, or marking it confirmed here, could hand admin rights to a squatter. The
 * operator signs up, confirms with the mailed code (read from outbox_messages while no mail is sent) and restarts.
 * Idempotent. Returns counts only: the log never holds addresses.
 */
export async function grantAdminsFromConfig(db: Pick<DataSource, 'query'>, adminEmails: string[]): Promise<{ promoted: number; unconfirmed: number }> {
  if (adminEmails.length === 0) return { promoted: 0, unconfirmed: 0 };
  const emails = adminEmails.map((email) => email.trim().toLowerCase());
  const [, promoted] = await db.query(
    'UPDATE users SET is_admin = true WHERE email = ANY($1) AND NOT is_admin AND email_verified_at IS NOT NULL', [emails],
  );
  const [{ unconfirmed }] = await db.query(
    'SELECT count(*)::int AS unconfirmed FROM users WHERE email = ANY($1) AND email_verified_at IS NULL', [emails],
  );
  return { promoted: promoted ?? 0, unconfirmed };
}
