import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { print } from 'graphql';
import { MemberInviteDocument, SignInDocument, SignUpDocument, VerifyEmailDocument } from '../generated/graphql.js';
import { createOrg, freshEmail, signUp, TEST_PASSWORD } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Rate limits and account throttles over real HTTP, with the real Redis where it matters. Each app gets small
// limits through its environment; TRUST_PROXY lets a test speak from several client addresses (X-Forwarded-For).

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function post(app: TestApp, query: string, variables: Record<string, unknown> = {}, options: { token?: string; from?: string } = {}): Promise<Answer> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.from ? { 'x-forwarded-for': `${options.from}, 10.0.0.1` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const SIGN_IN = print(SignInDocument);
const SIGN_UP = print(SignUpDocument);
const VERIFY = print(VerifyEmailDocument);
const INVITE = print(MemberInviteDocument);
const CHEAP_QUERY = '{ issueAreas { id } }';

const signIn = (app: TestApp, email: string, password: string, from?: string) => post(app, SIGN_IN, { input: { email, password } }, { from });

function code(answer: Answer): string | undefined {
  return answer.body.errors?.[0]?.extensions?.code ?? answer.body.data?.accountSignIn?.userErrors?.[0]?.code;
}

function expectRateLimited(answer: Answer): number {
  expect(answer.status).toBe(429);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  const seconds = answer.body.errors![0].extensions!.retryAfterSeconds;
  expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
  expect(answer.headers.get('retry-after')).toBe(String(seconds));
  return seconds;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sign-in throttling (per email, growing refusals; per address)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'true', SIGN_IN_FREE_FAILURES: '5', SIGN_IN_BLOCK_BASE_SECONDS: '1', SIGN_IN_BLOCK_MAX_SECONDS: '2',
      SIGN_IN_ADDRESS_FAILURES: '25',
    });
  });
  afterAll(() => app.close());

  it('300 wrong passwords in a loop: refused after 5, the right password refused while blocked and accepted after', async () => {
    const user = await signUp(app, 'Target');
    const from = '198.51.100.1';
    const answers: Answer[] = [];
    const started = Date.now();
    for (let i = 0; i < 300; i++) answers.push(await signIn(app, user.email, `wrong password ${i}`, from));
    const elapsedS = (Date.now() - started) / 1000;

    // The first five are checked and answered as wrong; the sixth is refused.
    for (const answer of answers.slice(0, 5)) {
      expect(answer.status).toBe(200);
      expect(answer.body.data?.accountSignIn).toEqual({ token: null, user: null, userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'Email or password is incorrect' }] });
    }
    expect(expectRateLimited(answers[5])).toBe(1);
    expect(answers[5].body).toEqual({
      errors: [{ message: 'Too many failed sign-in attempts; retry later', locations: expect.any(Array), path: ['accountSignIn'], extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }],
      data: null,
    });
    // Afterwards one attempt per refusal period is let through (1 s, then 2 s: the cap): the rest are refused.
    const checked = answers.filter((a) => code(a) === 'INVALID_CREDENTIALS').length;
    const refused = answers.filter((a) => code(a) === 'RATE_LIMITED').length;
    expect(checked + refused).toBe(300);
    expect(checked).toBeLessThanOrEqual(5 + Math.ceil(elapsedS / 1) + 1);
    expect(refused).toBeGreaterThanOrEqual(300 - checked);
    for (const answer of answers.filter((a) => code(a) === 'RATE_LIMITED')) expect(answer.body.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(2);

    // Make sure a refusal period has just begun: wait for an attempt to be let through (and fail).
    let last: Answer;
    do {
      last = await signIn(app, user.email, 'still wrong', from);
      if (code(last) === 'RATE_LIMITED') await sleep(200);
    } while (code(last) !== 'INVALID_CREDENTIALS');
    const blocked = await signIn(app, user.email, TEST_PASSWORD, from);
    const wait = expectRateLimited(blocked);
    expect(wait).toBe(2); // the cap
    expect(blocked.body.data).toBeNull();

    await sleep(wait * 1000 + 100);
    const accepted = await signIn(app, user.email, TEST_PASSWORD, from);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data?.accountSignIn.token).toMatch(/^coa_/);
    // A success resets the email's count: five fresh wrong passwords are checked again.
    for (let i = 0; i < 5; i++) expect(code(await signIn(app, user.email, 'wrong again', from))).toBe('INVALID_CREDENTIALS');
    expect(code(await signIn(app, user.email, 'wrong again', from))).toBe('RATE_LIMITED');
  }, 120_000);

  it('refuses alike whether or not the email has an account', async () => {
    // Refusals of 5 s here, so that a slow machine cannot see one end between two requests.
    const slow = await startTestApp({ TRUST_PROXY: 'true', SIGN_IN_BLOCK_BASE_SECONDS: '5', SIGN_IN_BLOCK_MAX_SECONDS: '5' });
    try {
      const user = await signUp(slow, 'Exists');
      const nobody = freshEmail('Nobody');
      const run = async (email: string, from: string) => {
        const answers: Answer[] = [];
        for (let i = 0; i < 6; i++) answers.push(await signIn(slow, email, 'a wrong password', from));
        // While blocked, the right password (of the account, for the existing email) is refused too.
        answers.push(await signIn(slow, email, TEST_PASSWORD, from));
        return answers;
      };
      const existing = await run(user.email, '198.51.100.2');
      const missing = await run(nobody, '198.51.100.3');
      // retryAfterSeconds counts down (5, or 4 a second later): it is the only part that may differ.
      const shape = (a: Answer) => {
        const seconds = a.body.errors?.[0]?.extensions?.retryAfterSeconds;
        if (seconds !== undefined) {
          expect(seconds).toBeGreaterThanOrEqual(3);
          expect(seconds).toBeLessThanOrEqual(5);
          expect(a.headers.get('retry-after')).toBe(String(seconds));
        }
        return JSON.stringify({ status: a.status, body: a.body }).replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":"N"');
      };
      expect(existing.map(shape)).toEqual(missing.map(shape));
      expect(existing[4].body.data?.accountSignIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
      expect(existing[5].status).toBe(429);
      expect(existing[6].status).toBe(429);
      expect(existing[6].body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await slow.close();
    }
  });

  it('limits wrong passwords per address across emails; other addresses are unaffected', async () => {
    const user = await signUp(app, 'Sprayed');
    const from = '203.0.113.7';
    for (let i = 0; i < 25; i++) expect(code(await signIn(app, freshEmail('spray'), 'guess', from))).toBe('INVALID_CREDENTIALS');
    // Even the right password of an account never tried from here is refused from this address now.
    expectRateLimited(await signIn(app, user.email, TEST_PASSWORD, from));
    // Another address (another first X-Forwarded-For hop) signs in.
    const elsewhere = await signIn(app, user.email, TEST_PASSWORD, '203.0.113.8');
    expect(elsewhere.body.data?.accountSignIn.token).toMatch(/^coa_/);
    // Successes do not count against the address.
    for (let i = 0; i < 30; i++) expect((await signIn(app, user.email, TEST_PASSWORD, '203.0.113.9')).body.data?.accountSignIn.token).toMatch(/^coa_/);
  });
});

describe('confirmation codes, sign-ups and invitations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      TRUST_PROXY: 'true', VERIFY_EMAIL_ADDRESS_FAILURES: '3', SIGN_UPS_PER_ADDRESS: '3', SIGN_UP_MAILS_PER_EMAIL: '2',
      INVITATION_MAILS_PER_ORGANIZATION: '3',
    });
  });
  afterAll(() => app.close());

  const mailCount = async (email: string) => (await app.db.query('SELECT count(*)::int AS n FROM outbox_messages WHERE to_email = $1', [email.toLowerCase()]))[0].n;

  it('wrong confirmation codes per address', async () => {
    const email = freshEmail('Coder');
    const from = '192.0.2.10';
    expect((await post(app, SIGN_UP, { input: { email, password: TEST_PASSWORD, displayName: 'Coder' } }, { from: '192.0.2.11' })).body.data?.accountSignUp.accepted).toBe(true);
    for (let i = 0; i < 3; i++) {
      const wrong = await post(app, VERIFY, { input: { email, code: 'ZZZZ-ZZZZ', password: TEST_PASSWORD } }, { from });
      expect(wrong.body.data?.accountVerifyEmail.userErrors[0].code).toBe('INVALID_CODE');
    }
    expectRateLimited(await post(app, VERIFY, { input: { email, code: 'ZZZZ-ZZZZ', password: TEST_PASSWORD } }, { from }));
  });

  it('sign-ups per address, and sign-up mails per recipient', async () => {
    const from = '192.0.2.20';
    for (let i = 0; i < 3; i++) {
      const answer = await post(app, SIGN_UP, { input: { email: freshEmail('many'), password: TEST_PASSWORD, displayName: 'Many' } }, { from });
      expect(answer.body.data?.accountSignUp.accepted).toBe(true);
    }
    const fourth = freshEmail('fourth');
    expectRateLimited(await post(app, SIGN_UP, { input: { email: fourth, password: TEST_PASSWORD, displayName: 'Fourth' } }, { from }));
    expect(await mailCount(fourth)).toBe(0);
    // Input errors mail nothing and are not counted.
    const other = '192.0.2.21';
    for (let i = 0; i < 5; i++) {
      const bad = await post(app, SIGN_UP, { input: { email: 'not an email', password: TEST_PASSWORD, displayName: 'Bad' } }, { from: other });
      expect(bad.body.data?.accountSignUp.accepted).toBe(false);
    }
    expect((await post(app, SIGN_UP, { input: { email: fourth, password: TEST_PASSWORD, displayName: 'Fourth' } }, { from: other })).body.data?.accountSignUp.accepted).toBe(true);

    // One recipient gets at most 2 sign-up mails a day, whoever asks from wherever, account or not.
    const victim = await signUp(app, 'Victim'); // its own sign-up mailed once
    expect((await post(app, SIGN_UP, { input: { email: victim.email, password: 'another password 1', displayName: 'X' } }, { from: '192.0.2.30' })).body.data?.accountSignUp.accepted).toBe(true);
    const refusedExisting = await post(app, SIGN_UP, { input: { email: victim.email, password: 'another password 2', displayName: 'X' } }, { from: '192.0.2.31' });
    expectRateLimited(refusedExisting);
    expect(await mailCount(victim.email)).toBe(2);
    const nobody = freshEmail('nobody');
    for (const from2 of ['192.0.2.40', '192.0.2.41']) {
      expect((await post(app, SIGN_UP, { input: { email: nobody, password: TEST_PASSWORD, displayName: 'N' } }, { from: from2 })).body.data?.accountSignUp.accepted).toBe(true);
    }
    const refusedNew = await post(app, SIGN_UP, { input: { email: nobody, password: TEST_PASSWORD, displayName: 'N' } }, { from: '192.0.2.42' });
    expectRateLimited(refusedNew);
    expect(refusedNew.body).toEqual(refusedExisting.body); // no account oracle
    expect(await mailCount(nobody)).toBe(2);
  });

  it('invitation mails per organization per day', async () => {
    const owner = await signUp(app, 'Inviter');
    const org = await createOrg(app, owner);
    const invite = (organizationId: string, email: string, token: string) =>
      post(app, INVITE, { input: { organizationId, email, role: 'MEMBER' } }, { token });
    for (let i = 0; i < 3; i++) expect((await invite(org.id, freshEmail('invitee'), owner.token)).body.data?.organizationMemberInvite.invitation).not.toBeNull();
    const refused = await invite(org.id, freshEmail('invitee'), owner.token);
    expectRateLimited(refused);
    expect((await app.db.query(`SELECT count(*)::int AS n FROM organization_invitations WHERE organization_id = $1`, [org.id]))[0].n).toBe(3);
    // Another organization is unaffected, and a non-owner's attempts never use up this one's (checked after authorization).
    const other = await createOrg(app, owner);
    expect((await invite(other.id, freshEmail('invitee'), owner.token)).body.data?.organizationMemberInvite.invitation).not.toBeNull();
    const stranger = await signUp(app, 'Stranger');
    const third = await createOrg(app, owner);
    for (let i = 0; i < 5; i++) expect((await invite(third.id, freshEmail('x'), stranger.token)).body.errors?.[0].extensions?.code).not.toBe('RATE_LIMITED');
    expect((await invite(third.id, freshEmail('invitee'), owner.token)).body.data?.organizationMemberInvite.invitation).not.toBeNull();
  });
});

describe('cost budget per token and per address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_USER_COST: '300', RATE_LIMIT_ADDRESS_COST: '100000', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => app.close());

  it('a token that spends its budget gets 429 RATE_LIMITED; another token is unaffected; headers report the budget', async () => {
    const spender = await signUp(app, 'Spender');
    const other = await signUp(app, 'Other');
    const query = '{ organizations(first: 10) { totalCount nodes { id name } } }';
    const first = await post(app, query, {}, { token: spender.token });
    expect(first.status).toBe(200);
    const cost = Number(first.headers.get('x-ratelimit-cost'));
    expect(cost).toBeGreaterThan(10);
    expect(first.headers.get('x-ratelimit-limit')).toBe('300');
    expect(first.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(first.headers.get('x-ratelimit-remaining'))).toBe(300 - cost);
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);

    let remaining = 300 - cost;
    while (remaining >= cost) {
      const answer = await post(app, query, {}, { token: spender.token });
      expect(answer.status).toBe(200);
      remaining -= cost;
      expect(Number(answer.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    }
    const refused = await post(app, query, {}, { token: spender.token });
    const seconds = expectRateLimited(refused);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0].extensions!.cost).toEqual({ scope: 'user', requested: cost, limit: 300, remaining, resetAt: expect.any(String) });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe(String(remaining));
    // A cheaper operation that still fits is served.
    const cheap = await post(app, CHEAP_QUERY, {}, { token: spender.token });
    const cheapCost = Number(cheap.headers.get('x-ratelimit-cost'));
    expect(cheap.status).toBe(cheapCost <= remaining ? 200 : 429);

    const fine = await post(app, query, {}, { token: other.token });
    expect(fine.status).toBe(200);
    expect(fine.body.data?.organizations.totalCount).toBeGreaterThanOrEqual(0);
    expect(Number(fine.headers.get('x-ratelimit-remaining'))).toBe(300 - cost);
    // Anonymous requests from the same address count against the (larger) address budget only.
    const anonymous = await post(app, query);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('x-ratelimit-scope')).toBe('address');
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('100000');
  });
});

describe('shared budgets through Redis', () => {
  const redisEnv = (extra: Record<string, string>) => ({
    REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_REDIS_PREFIX: `coalesce-test:${randomUUID()}`, ...extra,
  });

  it('two instances with the same REDIS_URL and prefix share one cost budget', async () => {
    const env = redisEnv({ RATE_LIMIT_ADDRESS_COST: '100' });
    const a = await startTestApp(env);
    const b = await startTestApp(env);
    try {
      const first = await post(a, CHEAP_QUERY);
      expect(first.status).toBe(200);
      const cost = Number(first.headers.get('x-ratelimit-cost'));
      expect(cost).toBeGreaterThanOrEqual(1);
      let remaining = 100 - cost;
      expect(Number(first.headers.get('x-ratelimit-remaining'))).toBe(remaining);
      let turn = 1;
      while (remaining >= cost) {
        const answer = await post(turn++ % 2 ? b : a, CHEAP_QUERY);
        expect(answer.status).toBe(200);
        remaining -= cost;
        expect(Number(answer.headers.get('x-ratelimit-remaining'))).toBe(remaining);
      }
      expect(turn).toBeGreaterThan(2); // both instances served part of it
      expectRateLimited(await post(a, CHEAP_QUERY));
      expectRateLimited(await post(b, CHEAP_QUERY));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('two instances share the sign-in refusals: five wrong passwords on one, the sixth refused by the other', async () => {
    const env = redisEnv({ SIGN_IN_BLOCK_BASE_SECONDS: '1', SIGN_IN_BLOCK_MAX_SECONDS: '2' });
    const a = await startTestApp(env);
    const b = await startTestApp(env);
    try {
      // The instances have different databases: the email has an account on neither, which changes nothing.
      const email = freshEmail('shared');
      for (let i = 0; i < 5; i++) expect(code(await signIn(i % 2 ? a : b, email, 'wrong'))).toBe('INVALID_CREDENTIALS');
      expect(expectRateLimited(await signIn(a, email, 'wrong'))).toBe(1);
      expect(expectRateLimited(await signIn(b, email, 'wrong'))).toBe(1);
      await sleep(1100);
      expect(code(await signIn(b, email, 'wrong'))).toBe('INVALID_CREDENTIALS'); // one let through, then 2 s
      expect(expectRateLimited(await signIn(a, email, 'wrong'))).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('with Redis away (REDIS_URL on a closed port) the in-memory insurance limiter still limits', async () => {
    const app = await startTestApp(redisEnv({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, RATE_LIMIT_ADDRESS_COST: '60' }));
    try {
      const first = await post(app, CHEAP_QUERY);
      expect(first.status).toBe(200);
      expect(first.body.data?.issueAreas.length).toBeGreaterThan(0);
      const cost = Number(first.headers.get('x-ratelimit-cost'));
      let remaining = 60 - cost;
      expect(Number(first.headers.get('x-ratelimit-remaining'))).toBe(remaining);
      while (remaining >= cost) {
        const answer = await post(app, CHEAP_QUERY);
        expect(answer.status).toBe(200);
        expect(answer.body.data?.issueAreas.length).toBeGreaterThan(0);
        remaining -= cost;
      }
      expectRateLimited(await post(app, CHEAP_QUERY));
      // Sign-in throttling falls back the same way.
      const email = freshEmail('offline');
      const signInApp = await startTestApp(redisEnv({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }));
      try {
        for (let i = 0; i < 5; i++) expect(code(await signIn(signInApp, email, 'wrong'))).toBe('INVALID_CREDENTIALS');
        expectRateLimited(await signIn(signInApp, email, 'wrong'));
      } finally {
        await signInApp.close();
      }
    } finally {
      await app.close();
    }
  });
});

describe('client address', () => {
  it('is the socket address unless TRUST_PROXY is set, then the first X-Forwarded-For hop', async () => {
    const direct = await startTestApp({ RATE_LIMIT_ADDRESS_COST: '40' });
    const proxied = await startTestApp({ RATE_LIMIT_ADDRESS_COST: '40', TRUST_PROXY: 'true' });
    try {
      // Without TRUST_PROXY a forged header changes nothing: every request counts for 127.0.0.1.
      let spent = 0;
      for (let i = 0; ; i++) {
        const answer = await post(direct, CHEAP_QUERY, {}, { from: `198.18.0.${i + 1}` });
        if (answer.status === 429) break;
        spent += Number(answer.headers.get('x-ratelimit-cost'));
        expect(i).toBeLessThan(40);
      }
      expect(spent).toBeGreaterThan(0);
      expect(spent).toBeLessThanOrEqual(40);
      // With it, each first hop has its own budget (and IPv6 counts per /64).
      for (const from of ['198.18.1.1', '198.18.1.2', '2001:db8:1:2::1', '2001:db8:1:3::1']) {
        const answer = await post(proxied, CHEAP_QUERY, {}, { from });
        expect(answer.status).toBe(200);
        expect(Number(answer.headers.get('x-ratelimit-remaining'))).toBe(40 - Number(answer.headers.get('x-ratelimit-cost')));
      }
      const sameSlash64 = await post(proxied, CHEAP_QUERY, {}, { from: '2001:db8:1:2:ffff::9' });
      expect(Number(sameSlash64.headers.get('x-ratelimit-remaining'))).toBe(40 - 2 * Number(sameSlash64.headers.get('x-ratelimit-cost')));
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});
