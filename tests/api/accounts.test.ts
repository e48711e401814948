import { SignInDocument, SignOutDocument, SignUpDocument, ViewerDocument } from '../generated/graphql.js';
import { signUp } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('accounts', () => {
  it('signs up, returns an opaque token stored only as a hash, and knows the viewer', async () => {
    const user = await signUp(app, 'Amina');
    expect(user.token).toMatch(/^coa_[\w-]{40,}$/);
    const stored = await app.db.query('SELECT token_hash FROM access_tokens WHERE user_id = $1', [user.id]);
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0].token_hash).toString()).not.toContain(user.token);
    const [{ password_hash: passwordHash }] = await app.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(passwordHash).toMatch(/^\$argon2id\$/);

    const viewer = ok(await gql(app, ViewerDocument, {}, user.token)).viewer;
    expect(viewer?.user.email).toBe(user.email);
    expect(ok(await gql(app, ViewerDocument, {})).viewer).toBeNull();
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await signUp(app, 'Bo');
    const wrong = ok(await gql(app, SignInDocument, { input: { email: user.email, password: 'not the password at all' } }));
    const unknown = ok(await gql(app, SignInDocument, { input: { email: 'nobody-here@example.org', password: 'not the password at all' } }));
    expect(wrong.accountSignIn.token).toBeNull();
    expect(wrong.accountSignIn.userErrors).toEqual(unknown.accountSignIn.userErrors);
    expect(wrong.accountSignIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');

    const right = ok(await gql(app, SignInDocument, { input: { email: user.email.toUpperCase(), password: 'a long enough password' } }));
    expect(right.accountSignIn.token).toMatch(/^coa_/);
  });

  it('rejects a duplicate email and a bad email with field errors, writing nothing', async () => {
    const user = await signUp(app, 'Chen');
    const before = await app.db.query('SELECT count(*)::int AS n FROM users');
    const duplicate = ok(await gql(app, SignUpDocument, { input: { email: user.email, password: 'another long password', displayName: 'X' } }));
    expect(duplicate.accountSignUp.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.email' })]);
    const bad = ok(await gql(app, SignUpDocument, { input: { email: 'not-an-email', password: 'short', displayName: 'X' } }));
    expect(bad.accountSignUp.userErrors.map((e) => e.field).sort()).toEqual(['input.email', 'input.password']);
    const after = await app.db.query('SELECT count(*)::int AS n FROM users');
    expect(after[0].n).toBe(before[0].n);
  });

  it('signs out by revoking the token; the revoked token is then refused', async () => {
    const user = await signUp(app, 'Dara');
    const out = ok(await gql(app, SignOutDocument, {}, user.token));
    expect(out.accountSignOut.revoked).toBe(true);
    const after = await gql(app, ViewerDocument, {}, user.token);
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed token rather than treating the client as anonymous', async () => {
    const response = await rawGql(app, '{ viewer { user { id } } }', undefined, 'coa_forged-token-value-123456789');
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });
});
