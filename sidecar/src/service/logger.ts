import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks in every line. Secrets are never put in log objects in the first place;
 * this is the second line of defence (a request logged with its headers, a body echoed back).
 */
export const REDACTED_PATHS = [
  'token',
  'password',
  'secret',
  '*.password',
  '*.secret',
  '*.token',
  '*.*.password',
  'req.headers.authorization',
  'headers.authorization',
  'body.source.password',
  'mapping.source.password',
];

export function serviceLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'customer-analytics-sidecar' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination,
  );
}
