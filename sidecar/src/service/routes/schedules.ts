import type { FastifyInstance } from 'fastify';
import type { Schedule } from '../../../../common/admin_api';
import { cronFor } from '../../schedules/cron';
import type { Scheduler } from '../../schedules/scheduler';
import type { ConfigStore } from '../config_store';
import { HttpError, InputError, route } from '../http';

export function scheduleRoutes(store: ConfigStore, scheduler: Scheduler) {
  return async (app: FastifyInstance) => {
    route(app, 'listSchedules', async () => ({ body: await store.listSchedules() }));

    route(app, 'createSchedule', async ({ body }, request) => {
      const resolved = cronFor(body);
      if ('error' in resolved) {
        throw new InputError([
          { path: `body.${resolved.error.path}`, message: resolved.error.message },
        ]);
      }
      const schedule: Schedule = await store.createSchedule(body, resolved.cron);
      scheduler.add(schedule);
      request.log.info({ schedule: schedule.id, period: schedule.period }, 'schedule created');
      return { status: 201, body: schedule };
    });

    route(app, 'deleteSchedule', async ({ params }, request) => {
      scheduler.remove(params.id);
      if (!(await store.deleteSchedule(params.id)))
        throw new HttpError(404, `no schedule ${params.id}`);
      request.log.info({ schedule: params.id }, 'schedule deleted');
      return null;
    });
  };
}
