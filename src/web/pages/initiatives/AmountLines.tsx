// SPDX-License-Identifier: EUPL-1.2
// An editable list of amount lines (the cost breakdown, the co-funders, the actual costs of a final
// account): a text and an amount in Dutch notation per line, lines added and removed with buttons.
// Errors are keyed `<name>.<index>.<text|amount>`, and `<name>` for the list as a whole.
import { Button } from '../../components/ads.js';
import { ErrorText, TextField, type FieldErrors } from '../../components/forms.js';
import { useT } from '../../i18n/i18n.js';
import { sumCents } from '../../../core/money.js';
import { parseEuros } from '../budgets/money.js';

export interface AmountLine {
  text: string;
  amount: string;
}

export const emptyLine: AmountLine = { text: '', amount: '' };

export function isBlank(line: AmountLine): boolean {
  return line.text.trim() === '' && line.amount.trim() === '';
}

/** Field errors for the lines that are filled in: both parts needed, the amount a valid positive amount. */
export function checkLines(name: string, lines: AmountLine[], messages: { text: string; amount: string }): FieldErrors {
  const errors: FieldErrors = {};
  lines.forEach((line, index) => {
    if (isBlank(line)) return;
    if (line.text.trim() === '') errors[`${name}.${index}.text`] = messages.text;
    if (parseEuros(line.amount) === null) errors[`${name}.${index}.amount`] = messages.amount;
  });
  return errors;
}

/** Cents of every line filled in (after checkLines passed). */
export function sumLines(lines: AmountLine[]): number {
  return sumCents(lines.filter((l) => !isBlank(l)).map((l) => parseEuros(l.amount) ?? 0));
}

export function AmountLines({
  name,
  legend,
  hint,
  textLabel,
  amountLabel,
  addLabel,
  lines,
  onChange,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  textLabel: string;
  amountLabel: string;
  addLabel: string;
  lines: AmountLine[];
  onChange: (lines: AmountLine[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const listError = errors[name];
  const set = (index: number, change: Partial<AmountLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...change } : l)));
  return (
    <fieldset className="ww-panel ww-form" aria-describedby={listError ? `${name}-error` : undefined}>
      <legend className="ams-heading ams-heading--4">{legend}</legend>
      {hint ? <p className="ww-hint">{hint}</p> : null}
      {listError ? <ErrorText id={`${name}-error`}>{listError}</ErrorText> : null}
      {lines.map((line, index) => (
        <div key={index} className="ww-form" role="group" aria-label={t('amountLines.line', { n: index + 1 })}>
          <TextField
            label={`${textLabel} ${index + 1}`}
            name={`${name}.${index}.text`}
            value={line.text}
            onChange={(text) => set(index, { text })}
            error={errors[`${name}.${index}.text`]}
          />
          <TextField
            label={`${amountLabel} ${index + 1}`}
            name={`${name}.${index}.amount`}
            value={line.amount}
            inputMode="decimal"
            onChange={(amount) => set(index, { amount })}
            error={errors[`${name}.${index}.amount`]}
          />
          <div>
            <Button variant="tertiary" onClick={() => onChange(lines.filter((_, i) => i !== index))}>
              {t('amountLines.remove', { n: index + 1 })}
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button variant="secondary" onClick={() => onChange([...lines, emptyLine])}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}
