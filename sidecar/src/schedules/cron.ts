import cron from 'node-cron';
import type { ScheduleInput } from '../../../common/admin_api';

/** What each named period stands for: at the top of the hour, 02:00 daily, Monday, the 1st. */
export const PERIOD_CRON = {
  hourly: '0 * * * *',
  daily: '0 2 * * *',
  weekly: '0 2 * * 1',
  monthly: '0 2 1 * *',
} as const;

/** The cron expression of a schedule (null for `once`), or why the given one is not valid. */
export function cronFor(
  input: ScheduleInput,
): { cron: string | null } | { error: { path: string; message: string } } {
  if (input.period === 'once') return { cron: null };
  if (input.period !== 'cron') return { cron: PERIOD_CRON[input.period] };
  const expression = input.cron!;
  if (!cron.validate(expression)) {
    return {
      error: {
        path: 'cron',
        message: `'${expression}' is not a cron expression (five fields 'min hour day month weekday', or six with seconds first)`,
      },
    };
  }
  return { cron: expression };
}
