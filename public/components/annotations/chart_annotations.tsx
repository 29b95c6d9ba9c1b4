import React, { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  EuiButtonEmpty,
  EuiCallOut,
  EuiHorizontalRule,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import type { Annotation } from '../../../common/annotations';
import { annotationMarkers } from './annotation_markers';
import { AnnotationForm } from './annotation_form';
import { AnnotationList } from './annotation_list';
import { ChartMarkersProvider } from './markers_context';
import { useAnnotations, type AnnotationsState, type NewAnnotation } from './use_annotations';

const NO_ANNOTATIONS: Annotation[] = [];

interface ChartCommentsProps {
  chartId: string;
  /** null while the panel does not know which dimension it shows: nothing is loaded yet. */
  dimension: string | null;
  /** Time charts get a day field in the form and markers through `<AnnotationMarkers />`. */
  timeAxis: boolean;
  /** Places the "Comments (n)" toggle and the comments section in the panel. */
  children: (parts: { toggle: ReactNode; section: ReactNode }) => ReactNode;
}

/** Comments of one chart: the toggle, the list with the add form, and the chart's markers. */
export function ChartAnnotations({
  chartId,
  dimension,
  timeAxis,
  children,
}: ChartCommentsProps): JSX.Element {
  const { state, add, remove } = useAnnotations(chartId, dimension);
  const [open, setOpen] = useState(false);
  const [deletingIds, setDeletingIds] = useState<ReadonlySet<string>>(new Set());
  const annotations = state.status === 'ready' ? state.annotations : NO_ANNOTATIONS;
  const markers = useMemo(
    () => (timeAxis ? annotationMarkers(annotations) : []),
    [timeAxis, annotations],
  );

  const onDelete = useCallback(
    async (id: string) => {
      setDeletingIds((ids) => new Set([...ids, id]));
      await remove(id);
      setDeletingIds((ids) => new Set([...ids].filter((other) => other !== id)));
    },
    [remove],
  );

  const toggle = (
    <EuiButtonEmpty
      size="xs"
      iconType="editorComment"
      isSelected={open}
      onClick={() => setOpen((wasOpen) => !wasOpen)}
      aria-expanded={open}
      isDisabled={state.status === 'idle'}
      data-test-subj="chartCommentsToggle"
    >
      {annotationsLabel(state)}
    </EuiButtonEmpty>
  );
  const section = open ? (
    <CommentsSection
      state={state}
      deletingIds={deletingIds}
      onDelete={onDelete}
      onAdd={add}
      withDate={timeAxis}
    />
  ) : null;
  return (
    <ChartMarkersProvider markers={markers}>{children({ toggle, section })}</ChartMarkersProvider>
  );
}

/** `Comments (3)`; `…` only while loading; no count once loading failed (the section says why). */
export function annotationsLabel(state: AnnotationsState): string {
  if (state.status === 'ready') return `Comments (${state.annotations.length})`;
  if (state.status === 'error') return 'Comments';
  return 'Comments (…)';
}

function CommentsSection({
  state,
  deletingIds,
  onDelete,
  onAdd,
  withDate,
}: {
  state: AnnotationsState;
  deletingIds: ReadonlySet<string>;
  onDelete: (id: string) => void;
  onAdd: (comment: NewAnnotation) => Promise<boolean>;
  withDate: boolean;
}): JSX.Element {
  return (
    <div data-test-subj="chartComments" data-state={state.status}>
      <EuiHorizontalRule margin="m" />
      {state.status === 'loading' || state.status === 'idle' ? (
        <EuiLoadingSpinner size="m" data-test-subj="chartCommentsLoading" />
      ) : null}
      {state.status === 'error' ? (
        <EuiCallOut
          size="s"
          color="danger"
          iconType="error"
          title="Could not load the comments"
          data-test-subj="chartCommentsError"
        >
          <p>{state.message}</p>
        </EuiCallOut>
      ) : null}
      {state.status === 'ready' && state.annotations.length === 0 ? (
        <EuiText size="s" color="subdued" data-test-subj="chartCommentsEmpty">
          <p>No comments on this chart yet.</p>
        </EuiText>
      ) : null}
      {state.status === 'ready' && state.annotations.length > 0 ? (
        <AnnotationList
          annotations={state.annotations}
          deletingIds={deletingIds}
          onDelete={onDelete}
        />
      ) : null}
      <EuiSpacer size="m" />
      <AnnotationForm withDate={withDate} onSubmit={onAdd} />
    </div>
  );
}
