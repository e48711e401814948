import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

// JSON logs with a request id. Some users are at risk: a log line must never hold what they typed. This file is
// the one place that enforces it:
// - errors go through an allowlist serializer: SQL parameters (TypeORM's `parameters`, pg's `detail`, `where`,
//   `internalQuery`), request bodies (`body`), variables and anything else not listed never reach the log;
// - redaction removes secret-looking keys wherever a caller passes them;
// - every string left is scrubbed of email addresses and password hashes (a value echoed in an error message).

const EMAIL = /[^\s"'<>()[\]{},;:\\]+@[^\s"'<>()[\]{},;:\\]+\.[A-Za-z]{2,}/g;
const HASH = /\$(argon2(?:id|i|d)|2[aby]?|scrypt|pbkdf2[\w-]*)\$[^\s"']+/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g; // eslint-disable-line no-control-regex
const MAX_STRING = 2000;

export function scrub(text: string): string {
  const clean = text.replace(EMAIL, '[email]').replace(HASH, '[hash]').replace(CONTROL, '?');
  return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}...` : clean;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (!value || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // errors: serializeError; dates, buffers: as they are
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = scrubDeep(inner, depth + 1);
  return out;
}

// What an error may tell the log: its kind, where it came from and PostgreSQL's classification; never values.
const ERROR_FIELDS = ['name', 'message', 'code', 'errno', 'syscall', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType', 'position', 'status', 'type'] as const;

export function serializeError(error: unknown, depth = 0): unknown {
  if (!error || typeof error !== 'object') return error === undefined ? undefined : { message: scrub(String(error)) };
  const source = error as Record<string, unknown> & { driverError?: unknown; originalError?: unknown; cause?: unknown; query?: unknown; stack?: unknown };
  const out: Record<string, unknown> = { type: (error as Error).constructor?.name ?? 'Object' };
  for (const field of ERROR_FIELDS) {
    const value = source[field];
    if (value === undefined || value === null) continue;
    out[field] = typeof value === 'string' ? scrub(value) : typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  }
  // The SQL text is parameterized ($1, $2): useful to find the statement, and it holds no values.
  if (typeof source.query === 'string') out.query = scrub(source.query.replace(/\s+/g, ' ')).slice(0, 500);
  if (typeof source.stack === 'string') out.stack = scrub(source.stack.split('\n').slice(0, 12).join('\n'));
  if (depth < 3) {
    for (const key of ['driverError', 'originalError', 'cause'] as const) {
      if (source[key] && source[key] !== error) out[key] = serializeError(source[key], depth + 1);
    }
  }
  return out;
}

// Keys that hold secrets or user input, at the top level and one level down (fast-redact paths are literal).
const SECRET_KEYS = ['authorization', 'cookie', 'password', 'passwordHash', 'token', 'email', 'variables', 'parameters', 'params', 'body', 'detail'];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'coalesce' },
    serializers: { err: serializeError, error: serializeError, cause: serializeError },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        // A message string built by a caller is scrubbed too (pino formats it after this hook).
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>;
        return method.apply(this, scrubbed);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
