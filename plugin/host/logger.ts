import type { Logger } from '@kbn/core/server';

/** A Kibana-shaped logger writing `[level][context] message` lines to stderr. */
export function consoleLogger(context: string[] = ['plugins', 'customerAnalytics']): Logger {
  const line = (level: string, message: string | Error) =>
    console.error(
      `[${level}][${context.join('.')}] ${message instanceof Error ? message.message : message}`,
    );
  return {
    debug: (message) => {
      if (process.env.CA_DEBUG) line('debug', message);
    },
    info: (message) => line('info', message),
    warn: (message) => line('warn', message),
    error: (message) => line('error', message),
    get: (...childContextPaths) => consoleLogger([...context, ...childContextPaths]),
  };
}
