import type { LineAnnotationDatum } from '@elastic/charts';
import type { Annotation } from '../../../common/annotations';
import { formatDay } from '../format';

/**
 * Comment markers for a time chart: one Elastic Charts line-annotation datum per anchored day
 * (epoch ms of that UTC midnight, the x value daily charts use), newest comment first in the
 * details. Comments without an anchor date are about the whole chart and get no marker.
 */
export function annotationMarkers(
  annotations: readonly Annotation[],
): LineAnnotationDatum<number>[] {
  const messagesByDay = new Map<string, string[]>();
  for (const annotation of annotations) {
    if (!annotation.anchor_date) continue;
    const messages = messagesByDay.get(annotation.anchor_date) ?? [];
    messages.push(annotation.message);
    messagesByDay.set(annotation.anchor_date, messages);
  }
  return [...messagesByDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, messages]) => ({
      dataValue: Date.parse(`${day}T00:00:00Z`),
      header:
        messages.length > 1 ? `${formatDay(day)} · ${messages.length} comments` : formatDay(day),
      details: messages.join('\n'),
    }));
}
