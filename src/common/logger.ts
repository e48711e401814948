import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config.js';

// JSON logs. Redaction is a second line of defence: request variables, tokens and passwords are never passed
// to the logger in the first place.
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'coalesce' },
    redact: {
      paths: ['*.authorization', '*.password', '*.token', '*.email', '*.variables', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
