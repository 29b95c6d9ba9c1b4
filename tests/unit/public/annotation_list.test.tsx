import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../common/annotations';
import { AnnotationList } from '../../../public/components/annotations/annotation_list';

const MARKUP = '<b>bold</b><script>alert(1)</script>';

function comment(overrides: Partial<Annotation>): Annotation {
  return {
    id: 'c1',
    chart_id: 'overview.daily_orders',
    dimension: 'all',
    author: 'local',
    created_at: '2025-03-01T10:00:00.000Z',
    anchor_date: null,
    message: 'x',
    can_delete: false,
    ...overrides,
  };
}

/** Static HTML of the list; Emotion's warnings about `:first-child` under SSR are muted. */
function render(annotations: Annotation[]): string {
  const consoleError = console.error;
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('potentially unsafe when doing server-side rendering')) {
      consoleError(...args);
    }
  });
  try {
    return renderToStaticMarkup(
      <AnnotationList annotations={annotations} deletingIds={new Set()} onDelete={() => {}} />,
    );
  } finally {
    spy.mockRestore();
  }
}

describe('the comment list', () => {
  it('shows markup in a message as text, escaped, never as elements', () => {
    const html = render([comment({ message: MARKUP })]);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
  });

  it('offers delete only on comments the caller may delete', () => {
    const html = render([
      comment({ id: 'mine', can_delete: true, message: 'mine' }),
      comment({ id: 'theirs', author: 'someone-else', message: 'theirs' }),
    ]);
    expect(html.match(/data-test-subj="deleteComment"/g)).toHaveLength(1);
    const mineAt = html.indexOf('data-comment-id="mine"');
    const theirsAt = html.indexOf('data-comment-id="theirs"');
    const deleteAt = html.indexOf('data-test-subj="deleteComment"');
    expect(mineAt).toBeGreaterThanOrEqual(0);
    expect(deleteAt).toBeGreaterThan(mineAt);
    expect(deleteAt).toBeLessThan(theirsAt);
  });

  it('names anonymous authors and shows the anchored day', () => {
    const html = render([comment({ author: null, anchor_date: '2025-02-20' })]);
    expect(html).toContain('>Anonymous</span>');
    expect(html).toContain('20 Feb 2025');
  });
});
