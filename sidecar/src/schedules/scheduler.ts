import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Schedule } from '../../../common/admin_api';

/** setTimeout's ceiling (about 24.8 days): a later `once` waits in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

interface Armed {
  stop(): void;
}

/**
 * The schedules this process fires: node-cron tasks for periodic ones, a timer for `once`.
 * `fire` starts a run; the cluster-wide run lock (not this class) keeps runs one at a time.
 */
export class Scheduler {
  private readonly armed = new Map<string, Armed>();

  constructor(
    private readonly fire: (schedule: Schedule) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  add(schedule: Schedule): void {
    this.remove(schedule.id);
    const fire = () => {
      this.fire(schedule).catch((error: unknown) =>
        this.logger.error(
          { schedule: schedule.id, error: (error as Error).message },
          'schedule failed to start a run',
        ),
      );
    };
    if (schedule.cron === null) {
      // A `once` schedule that already ran stays listed but is not armed again.
      if (schedule.last_run_at !== null || schedule.at === null) return;
      this.armOnce(schedule.id, Date.parse(schedule.at), fire);
      return;
    }
    const task: ScheduledTask = cron.schedule(schedule.cron, fire, {
      name: `schedule-${schedule.id}`,
      noOverlap: true,
    });
    this.armed.set(schedule.id, { stop: () => void task.destroy() });
    this.logger.info({ schedule: schedule.id, cron: schedule.cron }, 'schedule armed');
  }

  private armOnce(id: string, atMs: number, fire: () => void): void {
    const delay = Math.max(0, atMs - Date.now());
    const timer = setTimeout(
      () => {
        if (delay > MAX_TIMEOUT_MS) this.armOnce(id, atMs, fire);
        else {
          this.armed.delete(id);
          fire();
        }
      },
      Math.min(delay, MAX_TIMEOUT_MS),
    );
    this.armed.set(id, { stop: () => clearTimeout(timer) });
  }

  remove(id: string): void {
    this.armed.get(id)?.stop();
    this.armed.delete(id);
  }

  get size(): number {
    return this.armed.size;
  }

  stopAll(): void {
    for (const id of [...this.armed.keys()]) this.remove(id);
  }
}
