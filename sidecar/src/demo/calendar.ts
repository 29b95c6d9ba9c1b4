import { DAY_MS, HOUR_MS, isoDay } from '../../../common/time';
import { DEMO_PARAMETERS } from './parameters';
import { Random, cumulativeSums, upperBound } from './random';
import type { ResolvedDemoOptions } from './options';

/**
 * The period's session intensity, hour by hour: weekday × weekend uplift × spike/outage × the
 * hour-of-day profile. A customer's sessions are a Poisson process in "intensity time" (where the
 * intensity is 1), mapped back to clock time through the cumulative intensity — so seasonality,
 * the spike and the outage shape every customer's visits without any rejection sampling.
 */
export interface DemoCalendar {
  startMs: number;
  endMs: number;
  days: number;
  /** Day factor of each day (1 on a weekday, the uplift on weekends, × spike/outage). */
  dayFactors: Float64Array;
  /** Share of a day's sessions in each UTC hour (sums to 1). */
  hourShares: number[];
  spikeDay: number;
  outageDay: number;
  /** Cumulative intensity at each hour boundary (length days × 24 + 1), in intensity-days. */
  cumulative: Float64Array;
  /** For drawing download days: cumulative day factors (new customers follow the same rhythm). */
  downloadDayCumulative: Float64Array;
  hourCumulative: Float64Array;
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 3) % 7;
}

export function buildCalendar(options: ResolvedDemoOptions): DemoCalendar {
  const { weekendUplift, spikeFactor, outageFactor, hourProfile } = DEMO_PARAMETERS.calendar;
  const random = Random.stream(options.seed, 'calendar');
  const { days, startMs } = options;
  const weekFactor = (day: number): number =>
    weekdayOf(startMs + day * DAY_MS) >= 5 ? weekendUplift : 1;

  const { spikeDay, outageDay } = chooseSpecialDays(random, startMs, days);
  const dayFactors = new Float64Array(days);
  for (let day = 0; day < days; day += 1) {
    dayFactors[day] =
      weekFactor(day) * (day === spikeDay ? spikeFactor : day === outageDay ? outageFactor : 1);
  }
  const hourTotal = hourProfile.reduce((sum, value) => sum + value, 0);
  const hourShares = hourProfile.map((value) => value / hourTotal);

  const cumulative = new Float64Array(days * 24 + 1);
  for (let day = 0; day < days; day += 1) {
    for (let hour = 0; hour < 24; hour += 1) {
      const k = day * 24 + hour;
      cumulative[k + 1] = cumulative[k]! + dayFactors[day]! * hourShares[hour]!;
    }
  }
  return {
    startMs,
    endMs: options.endMs,
    days,
    dayFactors,
    hourShares,
    spikeDay,
    outageDay,
    cumulative,
    downloadDayCumulative: cumulativeSums(Array.from(dayFactors)),
    hourCumulative: cumulativeSums(hourShares),
  };
}

/**
 * The spike falls on a Wednesday or Thursday and the outage on a Tuesday, both in the second half
 * of the period (where the customer base grows slowly) and at least a week apart, so each has
 * clean same-weekday days around it.
 */
function chooseSpecialDays(
  random: Random,
  startMs: number,
  days: number,
): { spikeDay: number; outageDay: number } {
  const from = Math.floor(days * 0.5);
  const to = Math.max(from, Math.floor(days * 0.85));
  const candidates = (weekdays: number[], exclude: number): number[] => {
    const found: number[] = [];
    for (let day = from; day <= to && day < days; day += 1) {
      const weekday = weekdayOf(startMs + day * DAY_MS);
      if (weekdays.includes(weekday) && Math.abs(day - exclude) >= 7) found.push(day);
    }
    return found;
  };
  const spikeCandidates = candidates([2, 3], -100);
  const spikeDay = spikeCandidates[random.int(spikeCandidates.length)] ?? from;
  const outageCandidates = candidates([1], spikeDay);
  const outageDay = outageCandidates[random.int(outageCandidates.length)] ?? (spikeDay + 1) % days;
  return { spikeDay, outageDay };
}

/** Cumulative intensity (intensity-days since the start) at clock time `ms`. */
export function intensityAt(calendar: DemoCalendar, ms: number): number {
  const hours = (ms - calendar.startMs) / HOUR_MS;
  const last = calendar.cumulative.length - 1;
  if (hours <= 0) return 0;
  if (hours >= last) return calendar.cumulative[last]!;
  const k = Math.floor(hours);
  const rate = calendar.cumulative[k + 1]! - calendar.cumulative[k]!;
  return calendar.cumulative[k]! + (hours - k) * rate;
}

/** Clock time (ms) at which the cumulative intensity reaches `intensity` (inverse of intensityAt). */
export function timeAtIntensity(calendar: DemoCalendar, intensity: number): number {
  const k = upperBound(calendar.cumulative, intensity) - 1;
  const from = calendar.cumulative[k]!;
  const rate = calendar.cumulative[k + 1]! - from;
  return calendar.startMs + (k + (intensity - from) / rate) * HOUR_MS;
}

export function totalIntensity(calendar: DemoCalendar): number {
  return calendar.cumulative[calendar.cumulative.length - 1]!;
}

/**
 * A random instant on a day drawn by day factor (weekends, the spike and the outage move
 * downloads as they move sessions), at an hour drawn from the profile.
 */
export function drawDownloadTime(calendar: DemoCalendar, random: Random): number {
  const day = random.pickCumulative(calendar.downloadDayCumulative);
  const hour = random.pickCumulative(calendar.hourCumulative);
  return calendar.startMs + day * DAY_MS + hour * HOUR_MS + Math.floor(random.uniform() * HOUR_MS);
}

export function dayIndex(calendar: DemoCalendar, ms: number): number {
  return Math.floor((ms - calendar.startMs) / DAY_MS);
}

export function dayLabel(calendar: DemoCalendar, day: number): string {
  return isoDay(calendar.startMs + day * DAY_MS);
}
