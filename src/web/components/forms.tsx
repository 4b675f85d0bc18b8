// SPDX-License-Identifier: EUPL-1.2
// Form building blocks on the ADS field components: a label, an optional hint, an error message tied
// to the input with aria-describedby, and aria-invalid. Errors come from the client's own checks or
// from the API's problem details (ProblemError.fields()).
import { useId, useState, type ReactNode, type FormEvent } from 'react';
import { Field, Label, PasswordInput, Select, TextInput } from './ads.js';
import { ProblemError } from '../api/client.js';
import { useI18n, useT } from '../i18n/i18n.js';

export type FieldErrors = Record<string, string | undefined>;

export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  const t = useT();
  return (
    <p className="ams-error-message" id={id}>
      <span className="ams-visually-hidden">{t('app.fieldError')}: </span>
      {children}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

interface BaseFieldProps {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  optional?: boolean;
}

export function TextField({
  label,
  name,
  error,
  hint,
  optional,
  type = 'text',
  value,
  onChange,
  autoComplete,
  required,
  inputMode,
  rows,
}: BaseFieldProps & {
  type?: 'text' | 'email' | 'password' | 'search' | 'date';
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
  required?: boolean;
  /** The phone keyboard to offer, e.g. 'decimal' for amounts. */
  inputMode?: 'decimal' | 'numeric';
  /** A multi-line text (textarea) of this many rows. */
  rows?: number;
}) {
  const id = useId();
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name,
    value,
    autoComplete,
    // aria-required, not required: the browser's :invalid would mark empty fields red before any check.
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy(hintId, errorId),
    inputMode,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <Field invalid={Boolean(error)}>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="ww-optional"> {t('app.optional')}</span> : null}
      </Label>
      {hint ? (
        <p className="ww-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error && errorId ? <ErrorText id={errorId}>{error}</ErrorText> : null}
      {rows !== undefined ? (
        <textarea {...common} rows={rows} aria-invalid={error ? true : undefined} className={`ams-text-input${error ? ' ams-text-input--invalid' : ''}`} />
      ) : type === 'password' ? (
        <PasswordInput {...common} invalid={Boolean(error)} />
      ) : type === 'search' || type === 'date' ? (
        <input {...common} aria-invalid={error ? true : undefined} type={type} className={`ams-text-input${error ? ' ams-text-input--invalid' : ''}`} />
      ) : (
        <TextInput {...common} invalid={Boolean(error)} type={type} />
      )}
    </Field>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  optional,
  value,
  onChange,
  placeholder,
  options,
  required,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  options: { value: string; label: string }[];
  required?: boolean;
}) {
  const id = useId();
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Field invalid={Boolean(error)}>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="ww-optional"> {t('app.optional')}</span> : null}
      </Label>
      {hint ? (
        <p className="ww-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error && errorId ? <ErrorText id={errorId}>{error}</ErrorText> : null}
      <Select
        id={id}
        name={name}
        value={value}
        aria-required={required ? true : undefined}
        invalid={Boolean(error)}
        aria-describedby={describedBy(hintId, errorId)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? <Select.Option value="">{placeholder}</Select.Option> : null}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** A message box: errors are announced at once (role=alert), other news politely (role=status). */
export function Notice({ kind, heading, children, id }: { kind: 'error' | 'success' | 'info'; heading?: string; children?: ReactNode; id?: string }) {
  return (
    <div className={`ww-notice ww-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} id={id}>
      {heading ? <p className="ww-notice__heading">{heading}</p> : null}
      {children ? <div className="ww-notice__body">{children}</div> : null}
    </div>
  );
}

/**
 * State for a form that posts to the API: field errors from client checks or the problem's `errors`
 * (mapped to fields by name), and the problem's localized detail as the form-level message.
 */
export function useFormState() {
  const { lang } = useI18n();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  /**
   * Checks, then runs the action. A problem from the API becomes field errors (its `errors` paths, or
   * what `mapProblem` says) and otherwise the form-level message.
   */
  async function submit(
    event: FormEvent,
    validate: () => FieldErrors,
    action: () => Promise<void>,
    mapProblem?: (problem: ProblemError, message: string) => FieldErrors | undefined,
  ): Promise<boolean> {
    const form = event.currentTarget as HTMLFormElement;
    event.preventDefault();
    const errors = validate();
    const hasErrors = Object.values(errors).some((e) => e !== undefined);
    setFieldErrors(errors);
    if (hasErrors) {
      setFormError(undefined);
      focusFirstInvalid(form);
      return false;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      await action();
      return true;
    } catch (error) {
      if (error instanceof ProblemError) {
        const message = error.localized(lang);
        const byField: FieldErrors = mapProblem?.(error, message) ?? {};
        for (const field of error.fields()) byField[field] = message;
        setFieldErrors(byField);
        // A message tied to a field is shown there; anything else above the form.
        setFormError(Object.values(byField).some((e) => e !== undefined) ? undefined : message);
        focusFirstInvalid(form);
      } else {
        setFormError(String(error));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setFieldErrors({});
    setFormError(undefined);
  }

  return { fieldErrors, formError, busy, submit, reset };
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  // After React renders the error state.
  window.setTimeout(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, 50);
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
