import React, { useState, type FormEvent } from 'react';
import {
  EuiButton,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiTextArea,
} from '@elastic/eui';
import { MESSAGE_MAX_CHARS, isCalendarDay } from '../../../common/annotations';
import type { NewAnnotation } from './use_annotations';

interface AnnotationFormProps {
  /** Time charts offer a day to anchor the comment to; other charts comment on the whole chart. */
  withDate: boolean;
  /** Resolves true when stored; the form is cleared only then, so a failed message is not lost. */
  onSubmit: (comment: NewAnnotation) => Promise<boolean>;
}

/** The same rules the route enforces, checked before sending so mistakes show next to the field. */
export function validateNewAnnotation(message: string, anchorDate: string): string[] {
  const problems: string[] = [];
  const length = message.trim().length;
  if (length === 0) problems.push('Write a comment.');
  if (length > MESSAGE_MAX_CHARS) {
    problems.push(`The comment is ${length} characters; at most ${MESSAGE_MAX_CHARS} are allowed.`);
  }
  if (anchorDate !== '' && !isCalendarDay(anchorDate)) {
    problems.push('The day must be a calendar day written yyyy-mm-dd.');
  }
  return problems;
}

export function AnnotationForm({ withDate, onSubmit }: AnnotationFormProps): JSX.Element {
  const [message, setMessage] = useState('');
  const [anchorDate, setAnchorDate] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [touched, setTouched] = useState(false);
  const problems = validateNewAnnotation(message, anchorDate);
  const messageProblems = problems.filter((problem) => !problem.startsWith('The day'));
  const dateProblems = problems.filter((problem) => problem.startsWith('The day'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0 || submitting) return;
    setSubmitting(true);
    const stored = await onSubmit({ message: message.trim(), anchorDate: anchorDate || null });
    setSubmitting(false);
    if (stored) {
      setMessage('');
      setAnchorDate('');
      setTouched(false);
    }
  };

  return (
    <EuiForm component="form" onSubmit={submit} data-test-subj="chartCommentForm">
      <EuiFormRow
        label="Add a comment"
        fullWidth
        helpText={`${message.trim().length} / ${MESSAGE_MAX_CHARS} characters`}
        isInvalid={touched && messageProblems.length > 0}
        error={messageProblems}
      >
        <EuiTextArea
          fullWidth
          rows={2}
          resize="vertical"
          placeholder="e.g. Spike on 20 Feb: TV campaign"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          isInvalid={touched && messageProblems.length > 0}
          data-test-subj="commentMessageInput"
        />
      </EuiFormRow>
      <EuiFlexGroup gutterSize="m" alignItems="flexEnd" responsive={false} wrap>
        {withDate ? (
          <EuiFlexItem grow={false} style={{ minWidth: 200 }}>
            <EuiFormRow
              label="Day (optional, UTC)"
              helpText="Shows a marker on the chart"
              isInvalid={dateProblems.length > 0}
              error={dateProblems}
            >
              <EuiFieldText
                type="date"
                value={anchorDate}
                onChange={(event) => setAnchorDate(event.target.value)}
                isInvalid={dateProblems.length > 0}
                aria-label="Day the comment is about"
                data-test-subj="commentDateInput"
              />
            </EuiFormRow>
          </EuiFlexItem>
        ) : null}
        <EuiFlexItem grow={false}>
          <EuiFormRow hasEmptyLabelSpace={withDate}>
            <EuiButton
              type="submit"
              size="s"
              fill
              iconType="editorComment"
              isLoading={submitting}
              isDisabled={touched && problems.length > 0}
              data-test-subj="addCommentButton"
            >
              Add comment
            </EuiButton>
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiForm>
  );
}
