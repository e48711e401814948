import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

// Sealed tokens of anonymous cards. A coalition suggestion may show a PRIVATE organization only as a card whose
// token is random in every response; to invite it to a coalition the server must find it again without the
// token ever naming it. The token is therefore the organization id, the user it was shown to and an expiry,
// encrypted and authenticated (AES-256-GCM, a fresh random nonce each time) under a server key kept in the
// database (server_keys, written once by the migration). To anyone without the key two tokens of one organization
// are unrelated random strings, a token tampered with or shown to another user opens to nothing, and only the
// server, acting for the user it was issued to, can resolve it (coalitions/coalition-invitation.service.ts).

const PREFIX = 'anon_';
const AAD = Buffer.from('coalesce-anonymous-card-v1');
/** How long a token from a suggestion may be used to invite. */
export const ANONYMOUS_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const keys = new WeakMap<object, Promise<Buffer>>();

/** The sealing key (read once per data source; it never changes). */
export function anonymousTokenKey(db: Queryable): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      const rows: { value: string }[] = await db.query(`SELECT value FROM server_keys WHERE name = 'anonymous-token'`);
      if (!rows[0]) throw new Error('server_keys has no anonymous-token key: run the migrations');
      return Buffer.from(rows[0].value, 'hex');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidString(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A sealer for one viewer: organization id -> a token only this user can use, until it expires. */
export function tokenSealer(key: Buffer, userId: string, now = Date.now()): (organizationId: string) => string {
  const expires = Buffer.alloc(4);
  expires.writeUInt32BE(Math.floor(now / 1000) + ANONYMOUS_TOKEN_TTL_SECONDS);
  const user = uuidBytes(userId);
  return (organizationId) => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(AAD);
    const body = Buffer.concat([cipher.update(Buffer.concat([uuidBytes(organizationId), user, expires])), cipher.final()]);
    return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
  };
}

/** The organization a token stands for, when it is genuine, unexpired and was issued to this user; else null. */
export function openAnonymousToken(key: Buffer, token: string, userId: string, now = Date.now()): string | null {
  if (!token.startsWith(PREFIX)) return null;
  const raw = Buffer.from(token.slice(PREFIX.length), 'base64url');
  if (raw.length !== 12 + 36 + 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(48));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, 48)), decipher.final()]);
    if (!plain.subarray(16, 32).equals(uuidBytes(userId))) return null;
    if (plain.readUInt32BE(32) * 1000 < now) return null;
    return uuidString(plain.subarray(0, 16));
  } catch {
    return null;
  }
}
