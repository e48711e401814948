import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { announce } from './support/child.js';
import { PAGE_SIZE } from './support/list-query.js';

// The yardstick for the HTTP benchmark: the list page as one hand-written SQL statement that builds the whole
// response in PostgreSQL, behind bare node:http. No GraphQL, no ORM, no JSON work in Node. It applies the same
// rules as Coalesce for an anonymous viewer (PUBLIC only, public coordinates, region and city hidden per
// precision, OPEN needs only) and the same orderings, so the bench can demand identical data before it measures.

const CURSOR = (offset: string) =>
  // Coalesce's cursor: base64url of "o:<offset>" without padding (E'\n': encode() wraps long lines).
  `rtrim(translate(encode(convert_to('o:' || ${offset}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

const SKILL = `json_build_object('id', s.id, 'name', s.name, 'category', json_build_object('id', cc.id, 'name', cc.name))`;

export const BASELINE_SQL = `
WITH top AS (
  SELECT o.* FROM organizations o WHERE o.visibility = 'PUBLIC' ORDER BY o.name, o.id LIMIT $1
), page AS (
  -- Numbered after the LIMIT: a window over the whole table would turn the top-N heapsort into a full sort.
  SELECT t.*, row_number() OVER (ORDER BY t.name, t.id) - 1 AS i FROM top t
)
SELECT json_build_object('data', json_build_object('organizations', json_build_object(
  'totalCount', (SELECT count(*)::int FROM organizations WHERE visibility = 'PUBLIC'),
  'edges', (SELECT coalesce(json_agg(json_build_object(
    'cursor', ${CURSOR('p.i')},
    'node', json_build_object(
      'id', p.id, 'slug', p.slug, 'name', p.name, 'mission', p.mission, 'kind', p.kind, 'verified', p.verified,
      'location', json_build_object(
        'precision', p.location_precision, 'country', p.country,
        'region', CASE WHEN p.location_precision <> 'COUNTRY' THEN p.region END,
        'city', CASE WHEN p.location_precision IN ('EXACT', 'CITY') THEN p.city END,
        'latitude', p.public_latitude, 'longitude', p.public_longitude),
      'issueAreas', (SELECT coalesce(json_agg(json_build_object('id', ia.id, 'name', ia.name) ORDER BY ia.name), '[]'::json)
        FROM organization_issue_areas oia JOIN issue_areas ia ON ia.id = oia.issue_area_id
        WHERE oia.organization_id = p.id),
      'capabilities', (SELECT coalesce(json_agg(json_build_object(
          'id', c.id, 'level', c.level, 'remote', c.remote, 'skill', ${SKILL}) ORDER BY cc.position, s.name), '[]'::json)
        FROM capabilities c JOIN skills s ON s.id = c.skill_id JOIN capability_categories cc ON cc.id = s.category_id
        WHERE c.organization_id = p.id),
      'needs', (SELECT coalesce(json_agg(json_build_object(
          'id', n.id, 'priority', n.priority, 'status', n.status, 'skill', ${SKILL})
          ORDER BY CASE n.priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, s.name),
          '[]'::json)
        FROM needs n JOIN skills s ON s.id = n.skill_id JOIN capability_categories cc ON cc.id = s.category_id
        WHERE n.organization_id = p.id AND n.status = 'OPEN'))
  ) ORDER BY p.i), '[]'::json) FROM page p)
)))::text AS body`;

async function main(): Promise<void> {
  // The same pool size as the Coalesce server's default, so neither side wins on database parallelism.
  const poolSize = Number(process.env.BENCH_POOL_SIZE || 10);
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: poolSize });
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // Parse the request like any JSON endpoint would; the operation itself is fixed.
      try {
        JSON.parse(Buffer.concat(chunks).toString());
      } catch {
        res.writeHead(400).end();
        return;
      }
      pool.query<{ body: string }>(BASELINE_SQL, [PAGE_SIZE]).then(
        ({ rows }) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(rows[0].body);
        },
        (error: Error) => {
          console.error('baseline query failed:', error.message);
          res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  announce((server.address() as AddressInfo).port, poolSize, async () => {
    server.closeAllConnections();
    server.close();
    await pool.end();
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('baseline bench server failed:', error);
    process.exit(1);
  });
}
