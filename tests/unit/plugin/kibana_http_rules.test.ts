import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { frameworkErrorBody } from '../../../plugin/host/kibana_http_rules';

function fastifyError(code: string, statusCode: number | undefined, message: string): FastifyError {
  return Object.assign(new Error(message), { code, statusCode, name: 'FastifyError' });
}

describe('framework errors in Kibana’s shape', () => {
  it('a known refusal gets its status and our words', () => {
    expect(
      frameworkErrorBody(fastifyError('FST_ERR_CTP_EMPTY_TYPE', 400, "Content-Type '' is empty")),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The Content-Type header is empty: use application/json.',
    });
  });

  it('an unknown 4xx keeps its status with the bare reason phrase, never the framework message', () => {
    expect(
      frameworkErrorBody(fastifyError('FST_ERR_SOMETHING_NEW', 406, 'internal detail at /x.js:1')),
    ).toEqual({ statusCode: 406, error: 'Not Acceptable', message: 'Not Acceptable' });
  });

  it('a 5xx, or an error without a status, is Kibana’s generic 500', () => {
    const generic = {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred.',
    };
    expect(frameworkErrorBody(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 500, 'boom'))).toEqual(
      generic,
    );
    expect(frameworkErrorBody(fastifyError('ECONNRESET', undefined, 'socket hang up'))).toEqual(
      generic,
    );
  });
});
