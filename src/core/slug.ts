import { randomBytes } from 'node:crypto';

/** A URL name from free text: "Ação Legal Nairobi!" -> "acao-legal-nairobi". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-$/, '');
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const RANDOM_SLUG_CHARS = 24;

/**
 * An unguessable slug (120 random bits from node:crypto, base32): what a PRIVATE organization gets, so that a
 * uniqueness check on slugs can never confirm that a PRIVATE organization exists.
 */
export function randomSlug(): string {
  const bytes = randomBytes(RANDOM_SLUG_CHARS);
  let out = 'org-';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}
