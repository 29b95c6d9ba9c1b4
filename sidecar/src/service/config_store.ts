import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import {
  CONNECTION_ROLES,
  SECRET_MASK,
  type Connection,
  type ConnectionRole,
  type Schedule,
  type ScheduleInput,
} from '../../../common/admin_api';
import type { SourceConfig } from '../../../common/source_mapping';
import type { SecretBox } from './secrets';

interface ConfigDocument {
  kind: 'connection' | 'schedule' | 'lock';
  name: string;
  created_at: string;
  updated_at: string;
  body: Record<string, unknown>;
  secret?: string | null;
}

type Mapping = { source: SourceConfig } & Record<string, unknown>;

const connectionId = (role: ConnectionRole) => `connection-${role}`;
const scheduleId = (id: string) => `schedule-${id}`;

/** The source's secret (a PostgreSQL password), if it has one. */
function secretOf(source: SourceConfig): string | undefined {
  return source.type === 'postgres' ? source.password : undefined;
}

function withoutSecret(mapping: Mapping): Mapping {
  if (mapping.source.type !== 'postgres') return mapping;
  const { password: _password, ...source } = mapping.source;
  return { ...mapping, source: source as SourceConfig };
}

/**
 * Connections and schedules in the `config` index. A connection's secret is stored sealed
 * (secrets.ts) in its own field and only ever leaves this module unsealed for a run or a test.
 */
export class ConfigStore {
  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly secrets: SecretBox,
  ) {}

  private async write(id: string, document: ConfigDocument): Promise<void> {
    await this.client.index({ index: this.index, id, document, refresh: 'wait_for' });
  }

  private async read(id: string): Promise<ConfigDocument | null> {
    const found = await this.client.get<ConfigDocument>(
      { index: this.index, id },
      { ignore: [404] },
    );
    return found.found ? found._source! : null;
  }

  private async remove(id: string): Promise<boolean> {
    const result = await this.client.delete(
      { index: this.index, id, refresh: 'wait_for' },
      { ignore: [404] },
    );
    return result.result === 'deleted';
  }

  private async all(kind: ConfigDocument['kind']): Promise<Array<{ id: string } & ConfigDocument>> {
    const response = await this.client.search<ConfigDocument>({
      index: this.index,
      size: 1000,
      query: { term: { kind } },
      sort: [{ created_at: 'asc' }],
    });
    return response.hits.hits.map((hit) => ({ id: hit._id!, ...hit._source! }));
  }

  /** Saves a validated mapping; SECRET_MASK as the password keeps the stored one. */
  async putConnection(role: ConnectionRole, mapping: Mapping): Promise<Connection> {
    const previous = await this.read(connectionId(role));
    const given = secretOf(mapping.source);
    const secret =
      given === SECRET_MASK ? (previous?.secret ?? null) : given ? this.secrets.seal(given) : null;
    const now = new Date().toISOString();
    const body = withoutSecret(mapping);
    await this.write(connectionId(role), {
      kind: 'connection',
      name: role,
      created_at: previous?.created_at ?? now,
      updated_at: now,
      body,
      secret,
    });
    return this.masked(role, body, secret, now);
  }

  private masked(role: ConnectionRole, body: Mapping, secret: unknown, updatedAt: string) {
    const mapping = secret ? { ...body, source: { ...body.source, password: SECRET_MASK } } : body;
    return { role, mapping, updated_at: updatedAt };
  }

  async listConnections(): Promise<Connection[]> {
    const documents = await this.all('connection');
    return documents
      .filter((doc) => (CONNECTION_ROLES as readonly string[]).includes(doc.name))
      .map((doc) =>
        this.masked(doc.name as ConnectionRole, doc.body as Mapping, doc.secret, doc.updated_at),
      );
  }

  /** The mapping as the ingest needs it: the secret unsealed. Null when not configured. */
  async connectionForUse(role: ConnectionRole): Promise<Mapping | null> {
    const document = await this.read(connectionId(role));
    if (!document) return null;
    const mapping = document.body as Mapping;
    if (!document.secret || mapping.source.type !== 'postgres') return mapping;
    return {
      ...mapping,
      source: { ...mapping.source, password: this.secrets.open(document.secret) },
    };
  }

  /** The stored secret of `role`, for a test of an edited form whose password is still masked. */
  async storedSecret(role: ConnectionRole): Promise<string | undefined> {
    const document = await this.read(connectionId(role));
    return document?.secret ? this.secrets.open(document.secret) : undefined;
  }

  deleteConnection(role: ConnectionRole): Promise<boolean> {
    return this.remove(connectionId(role));
  }

  async createSchedule(input: ScheduleInput, cron: string | null): Promise<Schedule> {
    const id = randomUUID();
    const now = new Date().toISOString();
    const schedule: Schedule = {
      id,
      name: input.name,
      period: input.period,
      cron,
      at: input.period === 'once' ? (input.at ?? now) : null,
      created_at: now,
      last_run_at: null,
      last_run_id: null,
    };
    const { id: _id, name, created_at, ...body } = schedule;
    await this.write(scheduleId(id), { kind: 'schedule', name, created_at, updated_at: now, body });
    return schedule;
  }

  async listSchedules(): Promise<Schedule[]> {
    const documents = await this.all('schedule');
    return documents.map((doc) => ({
      ...(doc.body as Omit<Schedule, 'id' | 'name' | 'created_at'>),
      id: doc.id.slice('schedule-'.length),
      name: doc.name,
      created_at: doc.created_at,
    }));
  }

  /** Records a schedule's latest firing; false when it was deleted meanwhile. */
  async scheduleFired(id: string, runId: string | null, at: Date): Promise<boolean> {
    try {
      await this.client.update({
        index: this.index,
        id: scheduleId(id),
        refresh: 'wait_for',
        doc: {
          updated_at: at.toISOString(),
          body: { last_run_at: at.toISOString(), last_run_id: runId },
        },
      });
      return true;
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return false;
      throw error;
    }
  }

  deleteSchedule(id: string): Promise<boolean> {
    return this.remove(scheduleId(id));
  }
}
