import { describe, expect, it } from 'vitest';
import {
  canDeleteAnnotation,
  createAnnotationSchema,
  isCalendarDay,
  type Annotation,
} from '../../../common/annotations';
import { annotationMarkers } from '../../../public/components/annotations/annotation_markers';
import { validateNewAnnotation } from '../../../public/components/annotations/annotation_form';

function comment(id: string, anchorDate: string | null, message: string): Annotation {
  return {
    id,
    chart_id: 'overview.daily_orders',
    dimension: 'all',
    author: 'local',
    created_at: '2025-03-01T10:00:00.000Z',
    anchor_date: anchorDate,
    message,
    can_delete: true,
  };
}

describe('comment markers for time charts', () => {
  it('puts one marker at UTC midnight of each anchored day, oldest day first', () => {
    const markers = annotationMarkers([
      comment('a', '2025-02-20', 'Spike: TV campaign'),
      comment('b', null, 'About the whole chart'),
      comment('c', '2025-02-10', 'Newsletter'),
    ]);
    expect(markers).toEqual([
      { dataValue: 1739145600000, header: '10 Feb 2025', details: 'Newsletter' },
      { dataValue: 1740009600000, header: '20 Feb 2025', details: 'Spike: TV campaign' },
    ]);
  });

  it('joins comments on the same day into one marker, in list order (newest first)', () => {
    const markers = annotationMarkers([
      comment('new', '2025-02-20', 'Second look: it was the TV ad'),
      comment('old', '2025-02-20', 'Spike?'),
    ]);
    expect(markers).toEqual([
      {
        dataValue: 1740009600000,
        header: '20 Feb 2025 · 2 comments',
        details: 'Second look: it was the TV ad\nSpike?',
      },
    ]);
  });

  it('has no markers without anchored comments', () => {
    expect(annotationMarkers([])).toEqual([]);
    expect(annotationMarkers([comment('a', null, 'x')])).toEqual([]);
  });
});

describe('who may delete a comment', () => {
  it('only the author; anonymous comments only by an anonymous caller', () => {
    expect(canDeleteAnnotation('alice', 'alice')).toBe(true);
    expect(canDeleteAnnotation('alice', 'bob')).toBe(false);
    expect(canDeleteAnnotation('alice', null)).toBe(false);
    expect(canDeleteAnnotation(null, 'alice')).toBe(false);
    expect(canDeleteAnnotation(null, null)).toBe(true);
  });
});

describe('comment input', () => {
  it('accepts real calendar days written yyyy-mm-dd only', () => {
    expect(isCalendarDay('2025-02-20')).toBe(true);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-2-20')).toBe(false);
    expect(isCalendarDay('20/02/2025')).toBe(false);
    expect(isCalendarDay('2025-02-20T00:00:00Z')).toBe(false);
  });

  it('trims the message and treats a missing or null day as not anchored', () => {
    const base = { chart_id: 'overview.daily_orders', dimension: 'all' };
    expect(createAnnotationSchema.parse({ ...base, message: '  hi \n' })).toEqual({
      ...base,
      message: 'hi',
      anchor_date: null,
    });
    expect(
      createAnnotationSchema.parse({ ...base, message: 'x', anchor_date: null }).anchor_date,
    ).toBeNull();
    expect(createAnnotationSchema.safeParse({ ...base, message: 'm'.repeat(1000) }).success).toBe(
      true,
    );
    expect(createAnnotationSchema.safeParse({ ...base, message: 'm'.repeat(1001) }).success).toBe(
      false,
    );
  });

  it('the add form checks the same rules before sending', () => {
    expect(validateNewAnnotation('Spike', '')).toEqual([]);
    expect(validateNewAnnotation('Spike', '2025-02-20')).toEqual([]);
    expect(validateNewAnnotation('   ', '')).toEqual(['Write a comment.']);
    expect(validateNewAnnotation('m'.repeat(1001), '2025-02-30')).toEqual([
      'The comment is 1001 characters; at most 1000 are allowed.',
      'The day must be a calendar day written yyyy-mm-dd.',
    ]);
  });
});
