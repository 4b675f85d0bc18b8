// SPDX-License-Identifier: EUPL-1.2
// The steps the reader may take now on an initiative, each as a small form: exactly the server's
// `allowedActions` (which already leave out decisions above the reader's mandate) and, for those
// asked to advise, the advice form. A refused step shows the server's reason at the form.
import { useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { api } from '../../api/client.js';
import type { InitiativeAction, InitiativeDetail, InitiativeStatus } from '../../api/types.js';
import type { ProblemError } from '../../api/client.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../../components/forms.js';
import { amountText, parseEuros, useMoney } from '../budgets/money.js';
import { AmountLines, checkLines, emptyLine, isBlank, type AmountLine } from './AmountLines.js';
import { AttachmentList, AttachmentUpload } from './Attachments.js';

/** The kinds of file that belong to the final account. */
const ACCOUNT_KINDS = ['photo', 'receipt'] as const;

type Post = (path: string, body?: unknown) => Promise<unknown>;

/** Statuses in which a decision is taken (by whoever holds the mandate for the amount). */
const awaitingDecision: readonly InitiativeStatus[] = ['admissible', 'in_advice'];

export function StepActions({ initiative, onDone }: { initiative: InitiativeDetail; onDone: () => void }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const [done, setDone] = useState<string | null>(null);
  const allowed = new Set<InitiativeAction>(initiative.allowedActions.map((a) => a.action));
  const post: Post = (path, body) => api.post(`/api/municipalities/${municipality.code}/initiatives/${initiative.id}/${path}`, body ?? {});
  const finished = (message: string) => {
    setDone(message);
    onDone();
  };
  const decisions = (['grant', 'grant_partly', 'refuse'] as const).filter((a) => allowed.has(a));
  const money = useMoney();
  const accountKinds = initiative.abilities.addAttachment.filter((k) => k !== 'application');
  const college = initiative.abilities.recordCollegeDecision;
  if (allowed.size === 0 && !initiative.abilities.advise && !college && accountKinds.length === 0 && !done) return null;

  return (
    <section className="ww-section" aria-labelledby="acties">
      <Heading level={2} id="acties" className="ams-mb-s">
        {t('actions.heading')}
      </Heading>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {allowed.has('submit') ? (
        <StepForm
          id="actie-indienen"
          heading={t('initiatives.action.submit')}
          button={t('initiatives.action.submit')}
          run={() => post('submit')}
          onDone={finished}
        />
      ) : null}
      {allowed.has('declare_admissible') ? <AdmissibleForm post={post} onDone={finished} /> : null}
      {allowed.has('declare_inadmissible') ? (
        <MotivatedForm
          id="actie-niet-ontvankelijk"
          action="declare_inadmissible"
          required
          run={(motivation) => post('admissibility', { admissible: false, motivation })}
          onDone={finished}
        />
      ) : null}
      {allowed.has('request_advice') ? (
        <MotivatedForm id="actie-advies-vragen" action="request_advice" run={(note) => post('request-advice', note ? { note } : {})} onDone={finished} />
      ) : null}
      {initiative.abilities.advise ? <AdviceForm post={post} onDone={finished} /> : null}
      {decisions.length > 0 ? (
        <DecisionForm initiative={initiative} decisions={decisions} post={post} onDone={finished} />
      ) : awaitingDecision.includes(initiative.status) && !college ? (
        <Notice kind="info">{t('decision.notYours', { amount: money(initiative.requestedCents) })}</Notice>
      ) : null}
      {college ? <DecisionForm college initiative={initiative} decisions={['grant', 'grant_partly', 'refuse']} post={post} onDone={finished} /> : null}
      {allowed.has('pay_advance') ? (
        <StepForm
          id="actie-voorschot"
          heading={t('initiatives.action.pay_advance')}
          button={t('initiatives.action.pay_advance')}
          run={() => post('pay-advance')}
          onDone={finished}
        />
      ) : null}
      {allowed.has('start_execution') ? (
        <StepForm
          id="actie-start"
          heading={t('initiatives.action.start_execution')}
          button={t('initiatives.action.start_execution')}
          run={() => post('start')}
          onDone={finished}
        />
      ) : null}
      {accountKinds.length > 0 ? (
        <div className="ww-panel ams-mb-m">
          <Heading level={3} size="level-4" className="ams-mb-s">
            {t('account.files')}
          </Heading>
          <Paragraph className="ams-mb-s">{t('account.filesIntro')}</Paragraph>
          <AttachmentList initiative={initiative} kinds={ACCOUNT_KINDS} onChanged={onDone} />
          <AttachmentUpload initiative={initiative} kinds={accountKinds} id="actie-bonnen" heading={t('account.addFiles')} onDone={onDone} />
        </div>
      ) : null}
      {allowed.has('submit_account') ? <AccountForm post={post} onDone={finished} /> : null}
      {allowed.has('settle') ? <SettleForm post={post} onDone={finished} /> : null}
      {allowed.has('withdraw') ? (
        <MotivatedForm id="actie-intrekken" action="withdraw" run={(reason) => post('withdraw', reason ? { reason } : {})} onDone={finished} />
      ) : null}
    </section>
  );
}

/** A form for one step: heading, fields, the server's refusal, one button. */
function StepForm({
  id,
  heading,
  intro,
  button,
  validate,
  run,
  onDone,
  mapProblem,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  button: string;
  validate?: () => FieldErrors;
  /** Which field a refusal from the server belongs to (by its code). */
  mapProblem?: (problem: ProblemError, message: string) => FieldErrors | undefined;
  run: () => Promise<unknown>;
  onDone: (message: string) => void;
  children?: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useI18n();
  const form = useFormState();
  return (
    <form
      noValidate
      className="ww-form ww-panel"
      aria-labelledby={id}
      onSubmit={(event) =>
        void form.submit(
          event,
          validate ?? (() => ({})),
          async () => {
            await run();
            onDone(t('actions.done', { action: heading }));
          },
          mapProblem,
        )
      }
    >
      <Heading level={3} size="level-4" id={id}>
        {heading}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      {children?.(form.fieldErrors)}
      <div>
        <Button type="submit" disabled={form.busy}>
          {button}
        </Button>
      </div>
    </form>
  );
}

/** A step with one text: a motivation (required for formal decisions) or a note. */
function MotivatedForm({
  id,
  action,
  required = false,
  run,
  onDone,
}: {
  id: string;
  action: InitiativeAction;
  required?: boolean;
  run: (text: string) => Promise<unknown>;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <StepForm
      id={id}
      heading={t(`initiatives.action.${action}`)}
      button={t(`initiatives.action.${action}`)}
      validate={() => ({ text: required && text.trim() === '' ? t('actions.motivationRequired') : undefined })}
      run={() => run(text.trim())}
      onDone={onDone}
    >
      {(errors) => (
        <TextField
          label={required ? t('actions.motivation') : t('actions.note')}
          name="text"
          rows={3}
          value={text}
          onChange={setText}
          error={errors.text ?? errors.motivation ?? errors.reason ?? errors.note}
          required={required}
          optional={!required}
        />
      )}
    </StepForm>
  );
}

function AdmissibleForm({ post, onDone }: { post: Post; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [next, setNext] = useState('advice');
  return (
    <StepForm
      id="actie-ontvankelijk"
      heading={t('initiatives.action.declare_admissible')}
      button={t('initiatives.action.declare_admissible')}
      run={() => post('admissibility', { admissible: true, requestAdvice: next === 'advice' })}
      onDone={onDone}
    >
      {() => (
        <SelectField
          label={t('actions.then')}
          name="next"
          value={next}
          onChange={setNext}
          options={[
            { value: 'advice', label: t('actions.thenAdvice') },
            { value: 'decide', label: t('actions.thenDecide') },
          ]}
        />
      )}
    </StepForm>
  );
}

function AdviceForm({ post, onDone }: { post: Post; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState('wijkwerker');
  const [recommendation, setRecommendation] = useState('');
  const [text, setText] = useState('');
  return (
    <StepForm
      id="actie-advies"
      heading={t('advice.heading')}
      button={t('advice.submit')}
      validate={() => ({
        recommendation: recommendation === '' ? t('advice.recommendationRequired') : undefined,
        text: text.trim() === '' ? t('advice.textRequired') : undefined,
      })}
      run={() => post('advice', { kind, recommendation, text: text.trim() })}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <SelectField
            label={t('advice.kind')}
            name="kind"
            value={kind}
            onChange={setKind}
            options={(['wijkwerker', 'wijkteam', 'department'] as const).map((k) => ({ value: k, label: t(`advice.kind.${k}`) }))}
          />
          <SelectField
            label={t('advice.recommendation')}
            name="recommendation"
            value={recommendation}
            onChange={setRecommendation}
            placeholder={t('advice.recommendationChoose')}
            options={(['positive', 'neutral', 'negative'] as const).map((r) => ({ value: r, label: t(`advice.recommendation.${r}`) }))}
            error={errors.recommendation}
            required
          />
          <TextField label={t('advice.text')} name="text" rows={4} value={text} onChange={setText} error={errors.text} required />
        </>
      )}
    </StepForm>
  );
}

const decisionOf = { grant: 'granted', grant_partly: 'partly_granted', refuse: 'refused' } as const;

/**
 * The decision: by the reader within the mandate, or (`college`) recording the college's decision
 * with its date and besluitnummer.
 */
function DecisionForm({
  initiative,
  decisions,
  post,
  onDone,
  college = false,
}: {
  initiative: InitiativeDetail;
  decisions: ('grant' | 'grant_partly' | 'refuse')[];
  post: Post;
  onDone: (message: string) => void;
  college?: boolean;
}) {
  const { t } = useI18n();
  const money = useMoney();
  const [choice, setChoice] = useState<string>(decisions[0]!);
  const [amount, setAmount] = useState(amountText(initiative.requestedCents));
  const [motivation, setMotivation] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [number, setNumber] = useState('');
  const decision = decisionOf[choice as keyof typeof decisionOf];
  const partCents = parseEuros(amount);
  return (
    <StepForm
      id={college ? 'actie-collegebesluit' : 'actie-besluit'}
      heading={college ? t('college.heading') : t('decision.heading')}
      intro={t(college ? 'college.intro' : 'decision.intro', { amount: money(initiative.requestedCents) })}
      button={college ? t('college.submit') : t('decision.submit')}
      validate={() => ({
        amount:
          decision === 'partly_granted' && (partCents === null || partCents >= initiative.requestedCents)
            ? t('decision.partAmountInvalid', { amount: money(initiative.requestedCents) })
            : undefined,
        motivation: motivation.trim() === '' ? t('actions.motivationRequired') : undefined,
        ...(college
          ? {
              collegeDecidedOn: /^\d{4}-\d{2}-\d{2}$/.test(decidedOn) ? undefined : t('college.dateRequired'),
              decisionNumber: number.trim() === '' ? t('college.numberRequired') : undefined,
            }
          : {}),
      })}
      run={() => {
        const body = {
          decision,
          grantedAmount: decision === 'granted' ? initiative.requestedCents : decision === 'refused' ? 0 : partCents,
          motivation: motivation.trim(),
        };
        return college ? post('college-decision', { ...body, collegeDecidedOn: decidedOn, decisionNumber: number.trim() }) : post('decide', body);
      }}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <SelectField
            label={t('decision.choice')}
            name="decision"
            value={choice}
            onChange={setChoice}
            options={decisions.map((d) => ({ value: d, label: t(`initiatives.action.${d}`) }))}
          />
          {decision === 'partly_granted' ? (
            <TextField
              label={t('decision.amount')}
              name="grantedAmount"
              hint={t('application.amountHint')}
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              error={errors.amount ?? errors.grantedAmount}
              required
            />
          ) : null}
          <TextField
            label={t('actions.motivation')}
            name="motivation"
            rows={4}
            value={motivation}
            onChange={setMotivation}
            error={errors.motivation}
            required
          />
          {college ? (
            <>
              <TextField
                label={t('college.date')}
                name="collegeDecidedOn"
                type="date"
                value={decidedOn}
                onChange={setDecidedOn}
                error={errors.collegeDecidedOn}
                required
              />
              <TextField
                label={t('college.number')}
                name="decisionNumber"
                hint={t('college.numberHint')}
                value={number}
                onChange={setNumber}
                error={errors.decisionNumber}
                required
              />
            </>
          ) : null}
        </>
      )}
    </StepForm>
  );
}

function AccountForm({ post, onDone }: { post: Post; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [lines, setLines] = useState<AmountLine[]>([emptyLine]);
  const [results, setResults] = useState('');
  return (
    <StepForm
      id="actie-verantwoording"
      heading={t('initiatives.action.submit_account')}
      button={t('initiatives.action.submit_account')}
      validate={() => ({
        ...checkLines('lines', lines, { text: t('application.costTextRequired'), amount: t('application.amountInvalid') }),
        lines: lines.every(isBlank) ? t('application.costLinesRequired') : undefined,
        results: results.trim() === '' ? t('account.resultsRequired') : undefined,
      })}
      mapProblem={(problem, message) => (problem.code === 'receipts_required' ? { receipts: message } : undefined)}
      run={() =>
        post('account', {
          lines: lines.filter((l) => !isBlank(l)).map((l) => ({ description: l.text.trim(), amount: parseEuros(l.amount)! })),
          results: results.trim(),
        })
      }
      onDone={onDone}
    >
      {(errors) => (
        <>
          <AmountLines
            name="lines"
            legend={t('initiative.actualCosts')}
            hint={t('application.amountHint')}
            textLabel={t('application.costText')}
            amountLabel={t('application.costAmount')}
            addLabel={t('application.addCostLine')}
            lines={lines}
            onChange={setLines}
            errors={errors}
          />
          <TextField label={t('account.results')} name="results" rows={4} value={results} onChange={setResults} error={errors.results} required />
          {errors.receipts ? (
            <Notice kind="error" heading={t('account.receiptsRequired')}>
              {errors.receipts}{' '}
              <a className="ams-link" href="#actie-bonnen">
                {t('account.addFiles')}
              </a>
            </Notice>
          ) : null}
        </>
      )}
    </StepForm>
  );
}

function SettleForm({ post, onDone }: { post: Post; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const cents = amount.trim() === '' ? undefined : parseEuros(amount, 'non_negative');
  return (
    <StepForm
      id="actie-vaststellen"
      heading={t('initiatives.action.settle')}
      intro={t('settle.intro')}
      button={t('initiatives.action.settle')}
      validate={() => ({ settledAmount: cents === null ? t('application.amountInvalid') : undefined })}
      run={() => post('settle', { ...(cents !== undefined && cents !== null ? { settledAmount: cents } : {}), ...(note.trim() ? { note: note.trim() } : {}) })}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <TextField
            label={t('settle.amount')}
            name="settledAmount"
            hint={t('application.amountHint')}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            error={errors.settledAmount}
            optional
          />
          <TextField label={t('actions.note')} name="note" rows={3} value={note} onChange={setNote} error={errors.note} optional />
        </>
      )}
    </StepForm>
  );
}
