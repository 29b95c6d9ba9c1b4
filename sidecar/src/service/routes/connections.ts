import type { FastifyInstance } from 'fastify';
import {
  CONNECTION_MAPPING_SCHEMAS,
  SECRET_MASK,
  type ConnectionRole,
} from '../../../../common/admin_api';
import type { SourceConfig } from '../../../../common/source_mapping';
import type { ConfigStore } from '../config_store';
import { testConnection } from '../connection_test';
import { HttpError, parsePart, route } from '../http';

/** The role's own schema: the contract's body is the union of the three mappings. */
function mappingFor(role: ConnectionRole, body: unknown) {
  return parsePart(CONNECTION_MAPPING_SCHEMAS[role], body, 'body');
}

export function connectionRoutes(store: ConfigStore) {
  return async (app: FastifyInstance) => {
    route(app, 'listConnections', async () => ({ body: await store.listConnections() }));

    route(
      app,
      'putConnection',
      async ({ params }, request) => {
        const mapping = mappingFor(params.role, request.body);
        const saved = await store.putConnection(params.role, mapping as { source: SourceConfig });
        request.log.info({ role: params.role, type: mapping.source.type }, 'connection saved');
        return { body: saved };
      },
      { ownBody: true },
    );

    route(app, 'deleteConnection', async ({ params }, request) => {
      if (!(await store.deleteConnection(params.role)))
        throw new HttpError(404, `no ${params.role} connection is configured`);
      request.log.info({ role: params.role }, 'connection deleted');
      return null;
    });

    route(
      app,
      'testConnection',
      async ({ params }, request) => {
        const given = request.body === undefined || request.body === null ? null : request.body;
        let mapping;
        if (given === null) {
          mapping = await store.connectionForUse(params.role);
          if (!mapping) throw new HttpError(404, `no ${params.role} connection is configured`);
          mapping = mappingFor(params.role, mapping);
        } else {
          mapping = mappingFor(params.role, given);
          const source = mapping.source;
          if (source.type === 'postgres' && source.password === SECRET_MASK) {
            source.password = await store.storedSecret(params.role);
          }
        }
        return { body: await testConnection(params.role, mapping) };
      },
      { ownBody: true },
    );
  };
}
