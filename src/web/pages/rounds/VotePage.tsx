// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes/:id/stemmen, phone-first: (1) the voting code from the letter (or, in rounds
// that allow it, signed in: choose the area), (2) the ballot paper of the round's kind, (3) the
// confirmation with a receipt. Errors come from the API's problem details in the reader's language;
// the code field carries the ones about the code.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, Field, Heading, Label, Paragraph, TextInput } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { ErrorText, Notice, SelectField } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api, ProblemError } from '../../api/client.js';
import type { BallotReceipt, CodeCheck, Project, Round } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useSession } from '../../session.js';
import { BallotForm } from './BallotForm.js';
import { ballotBody, ballotProblems, emptyChoice, type Choice } from './ballot-state.js';
import { itemsOf, RoundPageHeading, roundPath, roundsApi, useMoney, WithRound } from './round-shared.js';

export function VotePage() {
  const { roundId } = useParams();
  return <WithRound roundId={roundId}>{(round) => <Voting round={round} />}</WithRound>;
}

type Step =
  | { kind: 'start' }
  | { kind: 'ballot'; code?: string; areaId: string; areaName: string; projects: Project[]; alreadyVoted: boolean }
  | { kind: 'done'; receipt: string; areaName: string };

/** Codes are shown grouped (ABCD-EFGH-…); people type them with spaces, dashes or lower case. */
export function normalizeCode(value: string): string {
  const plain = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

function Voting({ round }: { round: Round }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [startError, setStartError] = useState<string | undefined>();

  if (round.status !== 'voting' && step.kind !== 'done') {
    return (
      <div className="ww-container ww-container--narrow">
        <RoundPageHeading round={round} title={t('vote.heading')} />
        <Notice kind="info" heading={t('vote.notOpen')}>
          <p>{t('vote.openFromTo', { from: date(round.phases.votingFrom), to: date(round.phases.votingTo) })}</p>
        </Notice>
        <AppLink to={roundPath(municipality.code, round.id)}>{t('vote.backToRound')}</AppLink>
      </div>
    );
  }

  return (
    <div className="ww-container ww-container--narrow">
      <RoundPageHeading round={round} title={step.kind === 'done' ? t('vote.doneHeading') : t('vote.heading')} />
      {step.kind === 'start' ? (
        <>
          <ol className="ww-steps" aria-label={t('vote.steps')}>
            <li aria-current="step">{round.voting.codes ? t('vote.step1') : t('vote.step1Area')}</li>
            <li>{t('vote.step2')}</li>
            <li>{t('vote.step3')}</li>
          </ol>
          {round.voting.codes ? <CodeForm round={round} error={startError} onChecked={(s) => setStep(s)} /> : null}
          {round.voting.signIn ? <SignedInStart round={round} onChosen={(s) => setStep(s)} /> : null}
        </>
      ) : null}
      {step.kind === 'ballot' ? (
        <BallotStep
          round={round}
          step={step}
          onDone={(receipt) => setStep({ kind: 'done', receipt, areaName: step.areaName })}
          onCodeProblem={(message) => {
            setStartError(message);
            setStep({ kind: 'start' });
          }}
        />
      ) : null}
      {step.kind === 'done' ? <Receipt round={round} receipt={step.receipt} areaName={step.areaName} /> : null}
    </div>
  );
}

function CodeForm({ round, error, onChecked }: { round: Round; error?: string; onChecked: (step: Step) => void }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const id = useId();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(error);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeCode(code);
    if (normalized.replace(/-/g, '').length < 8) {
      setFieldError(t('vote.codeRequired'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    try {
      const checked = await api.post<CodeCheck>(`${roundsApi(municipality.code, true)}/${round.id}/code-check`, { code: normalized });
      if (checked.alreadyVoted && !round.voting.changeable) {
        setFieldError(t('vote.codeUsed'));
        input.current?.focus();
        return;
      }
      onChecked({
        kind: 'ballot',
        code: normalized,
        areaId: checked.areaId,
        areaName: checked.areaName,
        projects: checked.projects,
        alreadyVoted: checked.alreadyVoted,
      });
    } catch (e) {
      setFieldError(e instanceof ProblemError ? e.localized(lang) : String(e));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form noValidate className="ww-form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-heading`}>
      <Heading level={2} size="level-3" id={`${id}-heading`}>
        {t('vote.codeHeading')}
      </Heading>
      <Field invalid={Boolean(fieldError)}>
        <Label htmlFor={id}>{t('vote.code')}</Label>
        <p className="ww-hint" id={`${id}-hint`}>
          {t('vote.codeHint')}
        </p>
        {fieldError ? <ErrorText id={errorId}>{fieldError}</ErrorText> : null}
        <TextInput
          ref={input}
          id={id}
          name="code"
          className="ww-code-input"
          value={code}
          invalid={Boolean(fieldError)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          aria-required
          aria-describedby={fieldError ? `${id}-hint ${errorId}` : `${id}-hint`}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {t('vote.codeSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Rounds with sign-in voting: the signed-in resident chooses the area they vote in. */
function SignedInStart({ round, onChosen }: { round: Round; onChosen: (step: Step) => void }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const [areaId, setAreaId] = useState(round.areas.length === 1 ? round.areas[0]!.areaId : '');
  const [error, setError] = useState<string | undefined>();
  const location = roundPath(municipality.code, round.id, 'stemmen');
  if (!actor || actor.municipality !== municipality.code) {
    return (
      <section className="ww-panel" aria-labelledby="stemmen-inloggen">
        <Heading level={2} size="level-3" id="stemmen-inloggen" className="ams-mb-s">
          {round.voting.codes ? t('vote.orSignIn') : t('vote.signInHeading')}
        </Heading>
        <Paragraph className="ams-mb-s">{t('vote.signInIntro')}</Paragraph>
        <AppLink to={`/inloggen?gemeente=${municipality.code}&terug=${encodeURIComponent(location)}`}>{t('app.signIn')}</AppLink>
      </section>
    );
  }
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!areaId) {
      setError(t('vote.areaRequired'));
      return;
    }
    try {
      const projects = await api.get<Project[] | { items: Project[] }>(
        `${roundsApi(municipality.code, true)}/${round.id}/projects?areaId=${encodeURIComponent(areaId)}`,
      );
      const area = round.areas.find((a) => a.areaId === areaId);
      onChosen({ kind: 'ballot', areaId, areaName: area?.areaName ?? '', projects: itemsOf(projects), alreadyVoted: false });
    } catch (e) {
      setError(e instanceof ProblemError ? e.localized(lang) : String(e));
    }
  }
  return (
    <form noValidate className="ww-form ww-panel" onSubmit={(e) => void onSubmit(e)} aria-labelledby="stemmen-gebied">
      <Heading level={2} size="level-3" id="stemmen-gebied">
        {t('vote.areaHeading')}
      </Heading>
      <SelectField
        label={t('vote.area')}
        name="areaId"
        value={areaId}
        onChange={setAreaId}
        placeholder={t('vote.areaChoose')}
        options={round.areas.map((a) => ({ value: a.areaId, label: a.areaName }))}
        error={error}
        required
      />
      <div>
        <Button type="submit">{t('vote.toBallot')}</Button>
      </div>
    </form>
  );
}

function BallotStep({
  round,
  step,
  onDone,
  onCodeProblem,
}: {
  round: Round;
  step: Extract<Step, { kind: 'ballot' }>;
  onDone: (receipt: string) => void;
  onCodeProblem: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const money = useMoney();
  const municipality = useRequiredMunicipality();
  const id = useId();
  const [choice, setChoice] = useState<Choice>(emptyChoice);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [birthYear, setBirthYear] = useState('');
  const [birthYearError, setBirthYearError] = useState<string | undefined>();
  // Changing an earlier vote: only the receipt (held by the voter alone) finds the ballot to replace.
  const [receipt, setReceipt] = useState('');
  const [receiptError, setReceiptError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const budget = round.areas.find((a) => a.areaId === step.areaId)?.budgetCents ?? 0;
  const problems = ballotProblems(choice, round.ballot, budget, step.projects, money);
  const ageLimited = round.voting.minAge !== undefined || round.voting.maxAge !== undefined;
  const currentYear = new Date().getFullYear();

  function checkBirthYear(): string | undefined {
    if (!birthYear.trim()) return ageLimited ? t('vote.birthYearRequired') : undefined;
    const year = Number(birthYear);
    if (!Number.isInteger(year) || year < currentYear - 120 || year > currentYear) return t('vote.birthYearInvalid');
    return undefined;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setServerError(undefined);
    const yearProblem = checkBirthYear();
    setBirthYearError(yearProblem);
    const receiptProblem = step.alreadyVoted && receipt.trim() === '' ? t('vote.receiptRequired') : undefined;
    setReceiptError(receiptProblem);
    if (problems.length > 0 || yearProblem || receiptProblem) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const body = {
        ...ballotBody(choice, round.ballot, step.projects),
        areaId: step.areaId,
        code: step.code,
        birthYear: birthYear.trim() ? Number(birthYear) : undefined,
        receipt: step.alreadyVoted ? receipt.trim() : undefined,
      };
      const result = await api.post<BallotReceipt>(`${roundsApi(municipality.code, true)}/${round.id}/ballots`, body);
      onDone(result.receipt);
    } catch (e) {
      const message = e instanceof ProblemError ? e.localized(lang) : String(e);
      if (e instanceof ProblemError && (e.code === 'voting_code_unknown' || e.code === 'voting_code_used')) {
        onCodeProblem(message);
        return;
      }
      if (e instanceof ProblemError && (e.code === 'age_not_eligible' || e.code === 'birth_year_required')) setBirthYearError(message);
      if (e instanceof ProblemError && e.code === 'receipt_unknown') setReceiptError(message);
      setServerError(message);
      window.setTimeout(() => summary.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const showProblems = tried && (problems.length > 0 || birthYearError !== undefined || receiptError !== undefined || serverError !== undefined);
  const errorId = `${id}-problems`;
  return (
    <form noValidate className="ww-vote-form" onSubmit={(e) => void onSubmit(e)}>
      <ol className="ww-steps" aria-label={t('vote.steps')}>
        <li>{round.voting.codes && step.code ? t('vote.step1') : t('vote.step1Area')}</li>
        <li aria-current="step">{t('vote.step2')}</li>
        <li>{t('vote.step3')}</li>
      </ol>
      {step.alreadyVoted ? <Notice kind="info">{t('vote.replaces')}</Notice> : null}
      <div ref={summary} tabIndex={-1} id={errorId}>
        {showProblems ? (
          <Notice kind="error" heading={t('vote.problemsHeading')}>
            <ul className="ww-bullets">
              {serverError ? <li>{serverError}</li> : null}
              {problems.map((p) => (
                <li key={p.key}>{t(p.key, p.values)}</li>
              ))}
              {birthYearError && birthYearError !== serverError ? <li>{birthYearError}</li> : null}
              {receiptError && receiptError !== serverError ? <li>{receiptError}</li> : null}
            </ul>
          </Notice>
        ) : null}
      </div>
      <BallotForm
        rules={round.ballot}
        projects={step.projects}
        budgetCents={budget}
        choice={choice}
        onChange={setChoice}
        errorId={showProblems ? errorId : undefined}
        legend={t('vote.legend', { area: step.areaName })}
      />
      {step.alreadyVoted ? (
        <Field invalid={Boolean(receiptError)}>
          <Label htmlFor={`${id}-receipt`}>{t('vote.previousReceipt')}</Label>
          <p className="ww-hint" id={`${id}-receipt-hint`}>
            {t('vote.previousReceiptHint')}
          </p>
          {receiptError ? <ErrorText id={`${id}-receipt-error`}>{receiptError}</ErrorText> : null}
          <TextInput
            id={`${id}-receipt`}
            name="receipt"
            className="ww-code-input"
            value={receipt}
            invalid={Boolean(receiptError)}
            autoComplete="off"
            spellCheck={false}
            aria-required
            aria-describedby={receiptError ? `${id}-receipt-hint ${id}-receipt-error` : `${id}-receipt-hint`}
            onChange={(e) => setReceipt(e.target.value)}
          />
        </Field>
      ) : null}
      <Field invalid={Boolean(birthYearError)} className="ww-birth-year">
        <Label htmlFor={`${id}-birth`}>
          {t('vote.birthYear')}
          {ageLimited ? null : <span className="ww-optional"> {t('app.optional')}</span>}
        </Label>
        <p className="ww-hint" id={`${id}-birth-hint`}>
          {ageLimited ? t('vote.birthYearHintAge', { min: round.voting.minAge ?? 0, max: round.voting.maxAge ?? 120 }) : t('vote.birthYearHint')}
        </p>
        {birthYearError ? <ErrorText id={`${id}-birth-error`}>{birthYearError}</ErrorText> : null}
        <TextInput
          id={`${id}-birth`}
          name="birthYear"
          inputMode="numeric"
          autoComplete="bday-year"
          className="ww-year-input"
          value={birthYear}
          invalid={Boolean(birthYearError)}
          aria-required={ageLimited ? true : undefined}
          aria-describedby={birthYearError ? `${id}-birth-hint ${id}-birth-error` : `${id}-birth-hint`}
          onChange={(e) => setBirthYear(e.target.value)}
        />
      </Field>
      <div className="ww-vote-submit">
        <Button type="submit" disabled={busy}>
          {t('vote.submit')}
        </Button>
      </div>
    </form>
  );
}

function Receipt({ round, receipt, areaName }: { round: Round; receipt: string; areaName: string }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  return (
    <>
      <Notice kind="success" heading={t('vote.thanks')}>
        <p>{t('vote.received', { area: areaName })}</p>
      </Notice>
      <section aria-labelledby="ontvangstbewijs" className="ww-panel">
        <Heading level={2} size="level-3" id="ontvangstbewijs" className="ams-mb-s">
          {t('vote.receipt')}
        </Heading>
        <p className="ww-receipt">{receipt}</p>
        <Paragraph className="ams-mb-s">{t('vote.receiptHint')}</Paragraph>
        <Paragraph>{t('vote.resultsFrom', { date: date(round.phases.resultsFrom) })}</Paragraph>
      </section>
      <AppLink to={roundPath(municipality.code, round.id)}>{t('vote.backToRound')}</AppLink>
    </>
  );
}

export default VotePage;
