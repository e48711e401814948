// Writes schema/schema.graphql from the code; with --check, fails when the committed file is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { getSchema } from '../src/api/schema.js';

const target = join(__dirname, '..', 'schema', 'schema.graphql');

async function main() {
  const sdl = `# Generated from the code by \`npm run schema:emit\`. Do not edit.\n\n${printSchema(await getSchema())}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== sdl) {
      console.error('schema/schema.graphql is stale: run `npm run schema:emit` and commit it');
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date');
    return;
  }
  writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
