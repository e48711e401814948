import type { EntityManager } from 'typeorm';
import { OutboxKind } from './outbox-message.entity.js';

export { OutboxKind };

export interface OutboxMail {
  toEmail: string;
  kind: OutboxKind;
  subject: string;
  body: string;
}

/**
 * Queues a mail in the caller's transaction: it exists only if the change that caused it commits. Nothing here
 * logs: a body may hold a one-time code and the address is personal data.
 */
export async function enqueueMail(tx: Pick<EntityManager, 'query'>, mail: OutboxMail): Promise<void> {
  // clock_timestamp(), not the column's default now() (the transaction's start): two sign-ups for one address run one
  // after the other on the user's row lock, and the one that started first may be the one that commits last; its
  // code is then the live one, so its mail must also be the newest (the outbox sends in this order, and a person
  // uses the last mail that arrived).
  await tx.query('INSERT INTO outbox_messages (to_email, kind, subject, body, created_at) VALUES ($1, $2, $3, $4, clock_timestamp())', [
    mail.toEmail, mail.kind, mail.subject, mail.body,
  ]);
}

// The texts carry nothing a stranger typed (no display name): a sign-up or an invitation must not become a way
// to send arbitrary words to someone else's mailbox under our name.

export function verifyEmailMail(toEmail: string, code: string): OutboxMail {
  return {
    toEmail,
    kind: OutboxKind.VERIFY_EMAIL,
    subject: 'Your Coalesce confirmation code',
    body: [
      `Your confirmation code is ${code}`,
      '',
      'Enter it with this address and the password you chose to finish signing up (mutation accountVerifyEmail).',
      'It works once and expires in 24 hours.',
      'If you did not sign up for Coalesce, ignore this message: without the code nobody can use this address.',
    ].join('\n'),
  };
}

export function signUpExistingMail(toEmail: string): OutboxMail {
  return {
    toEmail,
    kind: OutboxKind.SIGN_UP_EXISTING,
    subject: 'Someone tried to sign up to Coalesce with your address',
    body: [
      'Someone (perhaps you) tried to create a Coalesce account with this address, which already has one.',
      'Nothing about your account changed. If it was you, sign in instead (mutation accountSignIn).',
      'If it was not you, ignore this message.',
    ].join('\n'),
  };
}

export function invitationMail(toEmail: string, invitation: { organizationName: string; role: string; expiresAt: Date }): OutboxMail {
  return {
    toEmail,
    kind: OutboxKind.INVITATION,
    subject: `Invitation to join ${invitation.organizationName} on Coalesce`,
    body: [
      `You are invited to join ${invitation.organizationName} on Coalesce as ${invitation.role}.`,
      '',
      'To accept or decline, sign in with this address (or sign up with it and confirm it), then open your invitations',
      '(query myInvitations; mutations organizationInvitationAccept / organizationInvitationDecline).',
      `The invitation expires on ${invitation.expiresAt.toISOString().slice(0, 10)}. Nothing happens unless you accept it.`,
    ].join('\n'),
  };
}
