import { IsNull, type EntityManager } from 'typeorm';
import type { RequestContext } from '../graphql/context.js';
import { UnauthenticatedError, UserInputError } from '../graphql/errors.js';
import { AccessTokenEntity } from './access-token.entity.js';
import type { AccountSignInInput, AccountSignUpInput, User } from './account.types.js';
import { hashPassword, newAccessToken, verifyPassword } from './credentials.js';
import { UserEntity } from './user.entity.js';

const TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export interface Session {
  token: string;
  user: User;
}

function toUser(entity: UserEntity): User {
  return { id: entity.id, email: entity.email, displayName: entity.displayName, isAdmin: entity.isAdmin };
}

async function issueToken(tx: EntityManager, userId: string): Promise<string> {
  const { token, hash } = newAccessToken();
  await tx.insert(AccessTokenEntity, { userId, tokenHash: hash, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS) });
  return token;
}

export async function signUp(_ctx: RequestContext, tx: EntityManager, input: AccountSignUpInput): Promise<Session> {
  const user = tx.create(UserEntity, {
    email: input.email.trim().toLowerCase(),
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
  });
  await tx.save(user); // a duplicate email fails on users_email_key and becomes a TAKEN user error
  return { token: await issueToken(tx, user.id), user: toUser(user) };
}

/** Unknown email and wrong password answer with the same error, after the same work. */
export async function signIn(_ctx: RequestContext, tx: EntityManager, input: AccountSignInInput): Promise<Session> {
  const user = await tx.findOne(UserEntity, { where: { email: input.email.trim().toLowerCase() } });
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid) throw new UserInputError('INVALID_CREDENTIALS', null, 'Email or password is incorrect');
  return { token: await issueToken(tx, user.id), user: toUser(user) };
}

export async function signOut(ctx: RequestContext, tx: EntityManager): Promise<boolean> {
  if (!ctx.viewer.tokenId) throw new UnauthenticatedError();
  const result = await tx.update(AccessTokenEntity, { id: ctx.viewer.tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
  return (result.affected ?? 0) > 0;
}

export async function findUser(ctx: RequestContext, userId: string): Promise<User | null> {
  const user = await ctx.db.manager.findOne(UserEntity, { where: { id: userId } });
  return user ? toUser(user) : null;
}
