import { startTestApp, type TestApp } from '../support/test-app.js';

// /metrics in production: only with `Authorization: Bearer <METRICS_TOKEN>`; without a configured token it is not
// served at all (404). Outside production it stays open for local use.

const TOKEN = 'metrics-token-0123456789abcdef';
let withToken: TestApp;
let withoutToken: TestApp;
beforeAll(async () => {
  withToken = await startTestApp({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
  withoutToken = await startTestApp({ NODE_ENV: 'production' });
});
afterAll(async () => {
  await withToken.close();
  await withoutToken.close();
});

it('needs the bearer token in production', async () => {
  const anonymous = await fetch(`${withToken.baseUrl}/metrics`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(await anonymous.text()).not.toMatch(/http_request_duration_seconds/);
  const wrong = await fetch(`${withToken.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } });
  expect(wrong.status).toBe(401);
  const scraper = await fetch(`${withToken.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(scraper.status).toBe(200);
  expect(await scraper.text()).toMatch(/http_request_duration_seconds_bucket/);
});

it('is not served in production without a configured token, and health checks stay open', async () => {
  expect((await fetch(`${withoutToken.baseUrl}/metrics`)).status).toBe(404);
  expect((await fetch(`${withoutToken.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  expect((await fetch(`${withoutToken.baseUrl}/healthz`)).status).toBe(200);
  expect((await fetch(`${withoutToken.baseUrl}/readyz`)).status).toBe(200);
});
