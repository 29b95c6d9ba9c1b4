import React from 'react';
import {
  EuiAvatar,
  EuiBadge,
  EuiButtonIcon,
  EuiComment,
  EuiCommentList,
  EuiText,
} from '@elastic/eui';
import type { Annotation } from '../../../common/annotations';
import { formatAsOf, formatDay } from '../format';

interface AnnotationListProps {
  annotations: readonly Annotation[];
  /** Ids whose delete is in flight: their button spins and cannot be pressed twice. */
  deletingIds: ReadonlySet<string>;
  onDelete: (id: string) => void;
}

const ANONYMOUS = 'Anonymous';

/**
 * Comments newest first. Messages are rendered as React text (escaped), never as HTML, so a
 * message like `<b>x</b>` shows those characters; line breaks the author typed are kept.
 */
export function AnnotationList({
  annotations,
  deletingIds,
  onDelete,
}: AnnotationListProps): JSX.Element {
  return (
    <EuiCommentList aria-label="Chart comments" gutterSize="m" data-test-subj="chartCommentList">
      {annotations.map((annotation) => {
        const author = annotation.author ?? ANONYMOUS;
        return (
          <EuiComment
            key={annotation.id}
            username={<span data-test-subj="commentAuthor">{author}</span>}
            timelineAvatar={<EuiAvatar name={author} size="s" />}
            timelineAvatarAriaLabel={author}
            event={
              annotation.anchor_date ? (
                <>
                  about{' '}
                  <EuiBadge color="hollow" data-test-subj="commentAnchorDate">
                    {formatDay(annotation.anchor_date)}
                  </EuiBadge>
                </>
              ) : (
                'about the whole chart'
              )
            }
            timestamp={formatAsOf(annotation.created_at)}
            actions={
              annotation.can_delete ? (
                <EuiButtonIcon
                  iconType="trash"
                  color="danger"
                  aria-label="Delete this comment"
                  title="Delete this comment"
                  isLoading={deletingIds.has(annotation.id)}
                  isDisabled={deletingIds.has(annotation.id)}
                  onClick={() => onDelete(annotation.id)}
                  data-test-subj="deleteComment"
                />
              ) : undefined
            }
            data-test-subj="chartComment"
            data-comment-id={annotation.id}
          >
            <EuiText size="s">
              <p
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-test-subj="commentMessage"
              >
                {annotation.message}
              </p>
            </EuiText>
          </EuiComment>
        );
      })}
    </EuiCommentList>
  );
}
