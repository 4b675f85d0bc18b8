// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes/:id/beheer, for staff who manage the round: check the residents' ideas
// (feasible with a cost — it then goes on the ballot — or rejected with a reason), make voting codes
// and download them as a CSV for the mail merge, and enter paper ballots, which count only once a
// second staff member has entered the same choices again (blind: the first entry is not shown).
import { saveFile } from '../../download.js';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { LoadError, Loading } from '../../components/Layout.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api, postForFile } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import type { Idea, PaperBallot, Project, Round } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useSession } from '../../session.js';
import { BallotForm } from './BallotForm.js';
import { ballotBody, ballotProblems, emptyChoice, type Choice } from './ballot-state.js';
import { parseCost } from './IdeaPage.js';
import { itemsOf, RoundPageHeading, roundsApi, useMoney, WithRound } from './round-shared.js';

export function ManagePage() {
  const { roundId } = useParams();
  return <WithRound roundId={roundId}>{(round, reload) => <Manage round={round} reloadRound={reload} />}</WithRound>;
}

function Manage({ round, reloadRound }: { round: Round; reloadRound: () => void }) {
  const { t } = useI18n();
  if (!round.abilities.manage)
    return (
      <div className="ww-container">
        <RoundPageHeading round={round} title={t('manage.heading')} />
        <Notice kind="error" heading={t('admin.noAccess')} />
      </div>
    );
  return (
    <div className="ww-container">
      <RoundPageHeading round={round} title={t('manage.heading')} />
      <Paragraph className="ams-mb-l">{t('manage.intro')}</Paragraph>
      <IdeasSection round={round} onChanged={reloadRound} />
      <CodesSection round={round} />
      <PaperBallotsSection round={round} />
    </div>
  );
}

function IdeasSection({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const ideas = useApi<Idea[] | { items: Idea[] }>(`${roundsApi(municipality.code)}/${round.id}/ideas`);
  const list = itemsOf(ideas.data);
  const open = list.filter((i) => i.status === 'submitted');
  const checked = list.filter((i) => i.status !== 'submitted');
  return (
    <section aria-labelledby="ideeen-beoordelen" className="ww-section">
      <Heading level={2} id="ideeen-beoordelen" className="ams-mb-s">
        {t('manage.ideasHeading')}
      </Heading>
      {ideas.error ? <LoadError error={ideas.error} onRetry={ideas.reload} /> : null}
      {ideas.loading && !ideas.data ? <Loading /> : null}
      {!ideas.loading && open.length === 0 ? <Paragraph className="ams-mb-m">{t('manage.noOpenIdeas')}</Paragraph> : null}
      {open.map((idea) => (
        <IdeaCheckForm
          key={idea.id}
          round={round}
          idea={idea}
          onChecked={() => {
            ideas.reload();
            onChanged();
          }}
        />
      ))}
      {checked.length > 0 ? (
        <>
          <Heading level={3} className="ams-mb-s">
            {t('manage.checkedIdeas')}
          </Heading>
          <CheckedIdeas ideas={checked} />
        </>
      ) : null}
    </section>
  );
}

function CheckedIdeas({ ideas }: { ideas: Idea[] }) {
  const { t } = useI18n();
  const money = useMoney();
  return (
    <ul className="ww-plain-list ww-project-list">
      {ideas.map((idea) => (
        <li key={idea.id} className="ww-project">
          <span className="ww-project__title">
            {idea.title} <span className="ww-muted">({idea.areaName})</span>
          </span>
          <span className={`ww-badge ww-badge--idea-${idea.status}`}>{t(`rounds.ideaStatus.${idea.status}`)}</span>
          <p className="ww-project__description">
            {idea.status === 'feasible'
              ? t('rounds.checkedCost', { amount: money(idea.checkedCostCents ?? 0) })
              : t('rounds.rejectedBecause', { reason: idea.rejectionReason ?? '' })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function IdeaCheckForm({ round, idea, onChecked }: { round: Round; idea: Idea; onChecked: () => void }) {
  const { t, lang, date } = useI18n();
  const money = useMoney();
  const municipality = useRequiredMunicipality();
  const form = useFormState();
  const [verdict, setVerdict] = useState<'' | 'feasible' | 'rejected'>('');
  const [cost, setCost] = useState(idea.estimatedCostCents ? money(idea.estimatedCostCents).replace(/^€\s?/, '') : '');
  const [reason, setReason] = useState('');
  const headingId = `idee-${idea.id}`;
  return (
    <form
      noValidate
      className="ww-form ww-panel"
      aria-labelledby={headingId}
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({
            verdict: verdict ? undefined : t('manage.verdictRequired'),
            costCents: verdict === 'feasible' && (parseCost(cost, lang) ?? 0) <= 0 ? t('manage.costRequired') : undefined,
            reason: verdict === 'rejected' && reason.trim().length < 5 ? t('manage.reasonRequired') : undefined,
          }),
          async () => {
            const body = verdict === 'feasible' ? { feasible: true, costCents: parseCost(cost, lang) ?? 0 } : { feasible: false, reason: reason.trim() };
            await api.post(`${roundsApi(municipality.code)}/${round.id}/ideas/${idea.id}/check`, body);
            onChecked();
          },
        )
      }
    >
      <Heading level={3} id={headingId}>
        {idea.title}
      </Heading>
      <p className="ww-muted">
        {idea.areaName} · {t('manage.submittedOn', { date: date(idea.createdAt) })}
        {idea.estimatedCostCents ? ` · ${t('manage.estimate', { amount: money(idea.estimatedCostCents) })}` : ''}
      </p>
      <p className="ww-prewrap">{idea.description}</p>
      {idea.location ? <p>{t('manage.location', { location: idea.location })}</p> : null}
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      <fieldset className="ww-segmented" aria-describedby={form.fieldErrors.verdict ? `${headingId}-verdict-error` : undefined}>
        <legend className="ww-segmented__legend">{t('manage.verdict')}</legend>
        {form.fieldErrors.verdict ? (
          <p className="ams-error-message" id={`${headingId}-verdict-error`}>
            {form.fieldErrors.verdict}
          </p>
        ) : null}
        <div className="ww-segmented__options">
          {(['feasible', 'rejected'] as const).map((v) => (
            <label key={v} className="ww-segmented__option">
              <input
                type="radio"
                name={`verdict-${idea.id}`}
                value={v}
                checked={verdict === v}
                aria-invalid={form.fieldErrors.verdict ? true : undefined}
                onChange={() => setVerdict(v)}
              />
              {t(`manage.verdict.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {verdict === 'feasible' ? (
        <TextField
          label={t('manage.cost')}
          name="costCents"
          value={cost}
          onChange={setCost}
          error={form.fieldErrors.costCents}
          hint={t('manage.costHint')}
          inputMode="decimal"
          required
        />
      ) : null}
      {verdict === 'rejected' ? (
        <TextField
          label={t('manage.reason')}
          name="reason"
          value={reason}
          onChange={setReason}
          error={form.fieldErrors.reason}
          hint={t('manage.reasonHint')}
          rows={3}
          required
        />
      ) : null}
      <div>
        <Button type="submit" disabled={form.busy}>
          {t('manage.saveCheck')}
        </Button>
      </div>
    </form>
  );
}

function CodesSection({ round }: { round: Round }) {
  const { t, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const form = useFormState();
  const [areaId, setAreaId] = useState(round.areas.length === 1 ? round.areas[0]!.areaId : '');
  const [count, setCount] = useState('');
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="stemcodes" className="ww-section">
      <Heading level={2} id="stemcodes" className="ams-mb-s">
        {t('manage.codesHeading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('manage.codesIntro')}</Paragraph>
      <form
        noValidate
        className="ww-form"
        aria-labelledby="stemcodes"
        onSubmit={(event) =>
          void form.submit(
            event,
            (): FieldErrors => ({
              areaId: areaId ? undefined : t('manage.areaRequired'),
              count: /^\d+$/.test(count.trim()) && Number(count) >= 1 && Number(count) <= 100_000 ? undefined : t('manage.countInvalid'),
            }),
            async () => {
              setDone(null);
              const area = round.areas.find((a) => a.areaId === areaId);
              const { blob, fileName } = await postForFile(
                `${roundsApi(municipality.code)}/${round.id}/codes`,
                { areaId, count: Number(count) },
                `stemcodes-${area?.areaName ?? 'gebied'}.csv`,
              );
              saveFile(blob, fileName);
              setDone(t('manage.codesMade', { count: number(Number(count)), area: area?.areaName ?? '', file: fileName }));
            },
          )
        }
      >
        {done ? <Notice kind="success">{done}</Notice> : null}
        {form.formError ? (
          <Notice kind="error" heading={t('app.errorHeading')}>
            {form.formError}
          </Notice>
        ) : null}
        <SelectField
          label={t('manage.area')}
          name="areaId"
          value={areaId}
          onChange={setAreaId}
          placeholder={t('manage.areaChoose')}
          options={round.areas.map((a) => ({ value: a.areaId, label: a.areaName }))}
          error={form.fieldErrors.areaId}
          required
        />
        <TextField
          label={t('manage.count')}
          name="count"
          value={count}
          onChange={setCount}
          error={form.fieldErrors.count}
          hint={t('manage.countHint')}
          inputMode="numeric"
          required
        />
        <div>
          <Button type="submit" disabled={form.busy}>
            {t('manage.makeCodes')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function PaperBallotsSection({ round }: { round: Round }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const ballots = useApi<PaperBallot[] | { items: PaperBallot[] }>(`${roundsApi(municipality.code)}/${round.id}/paper-ballots`);
  const [confirming, setConfirming] = useState<PaperBallot | null>(null);
  const [entering, setEntering] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const list = itemsOf(ballots.data);
  const areaName = (id: string) => round.areas.find((a) => a.areaId === id)?.areaName ?? '';
  return (
    <section aria-labelledby="papieren-stemmen" className="ww-section">
      <Heading level={2} id="papieren-stemmen" className="ams-mb-s">
        {t('manage.paperHeading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('manage.paperIntro')}</Paragraph>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {ballots.error ? <LoadError error={ballots.error} onRetry={ballots.reload} /> : null}
      {list.length > 0 ? (
        <ul className="ww-plain-list ww-project-list ams-mb-m">
          {list.map((b, index) => {
            const mine = b.enteredById === actor?.personId;
            const number = index + 1;
            return (
              <li key={b.id} className="ww-project">
                <span className="ww-project__title">{t('manage.paperBallot', { number, area: areaName(b.areaId) })}</span>
                <span className={`ww-badge ww-badge--${b.confirmed ? 'idea-feasible' : 'idea-submitted'}`}>
                  {b.confirmed ? t('manage.paperConfirmed') : t('manage.paperUnconfirmed')}
                </span>
                <p className="ww-project__description">
                  {mine ? t('manage.enteredByYou') : t('manage.enteredByColleague')} · {date(b.createdAt, true)}
                </p>
                {!b.confirmed && !mine ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDone(null);
                      setConfirming(b);
                    }}
                    aria-label={t('manage.confirmLabel', { number })}
                  >
                    {t('manage.confirm')}
                  </Button>
                ) : null}
                {!b.confirmed && mine ? <p className="ww-project__description">{t('manage.waitForSecond')}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {confirming ? (
        <PaperBallotForm
          round={round}
          fixedAreaId={confirming.areaId}
          heading={t('manage.confirmHeading', { number: list.indexOf(confirming) + 1 })}
          intro={t('manage.confirmIntro')}
          submitLabel={t('manage.confirm')}
          onCancel={() => setConfirming(null)}
          send={async (body) => {
            await api.post(`${roundsApi(municipality.code)}/${round.id}/paper-ballots/${confirming.id}/confirm`, {
              projects: body.projects,
              points: body.points,
            });
            setConfirming(null);
            setDone(t('manage.paperConfirmedDone'));
            ballots.reload();
          }}
        />
      ) : entering ? (
        <PaperBallotForm
          round={round}
          heading={t('manage.enterHeading')}
          intro={t('manage.enterIntro')}
          submitLabel={t('manage.enterSubmit')}
          onCancel={() => setEntering(false)}
          send={async (body) => {
            await api.post(`${roundsApi(municipality.code)}/${round.id}/paper-ballots`, body);
            setEntering(false);
            setDone(t('manage.paperEntered'));
            ballots.reload();
          }}
        />
      ) : round.status === 'voting' || round.status === 'closed' ? (
        <Button
          variant="secondary"
          onClick={() => {
            setDone(null);
            setEntering(true);
          }}
        >
          {t('manage.enterPaper')}
        </Button>
      ) : (
        <Paragraph>{t('manage.paperNotNow', { from: date(round.phases.votingFrom), to: date(round.phases.resultsFrom) })}</Paragraph>
      )}
    </section>
  );
}

interface PaperBody {
  areaId: string;
  projects: string[];
  points?: number[];
  birthYear?: number;
}

function PaperBallotForm({
  round,
  fixedAreaId,
  heading,
  intro,
  submitLabel,
  onCancel,
  send,
}: {
  round: Round;
  fixedAreaId?: string;
  heading: string;
  intro: string;
  submitLabel: string;
  onCancel: () => void;
  send: (body: PaperBody) => Promise<void>;
}) {
  const { t } = useI18n();
  const money = useMoney();
  const municipality = useRequiredMunicipality();
  const form = useFormState();
  const [areaId, setAreaId] = useState(fixedAreaId ?? (round.areas.length === 1 ? round.areas[0]!.areaId : ''));
  const [choice, setChoice] = useState<Choice>(emptyChoice);
  const [birthYear, setBirthYear] = useState('');
  const projects = useApi<Project[] | { items: Project[] }>(
    areaId ? `${roundsApi(municipality.code, true)}/${round.id}/projects?areaId=${encodeURIComponent(areaId)}` : null,
  );
  const list = itemsOf(projects.data);
  const budget = round.areas.find((a) => a.areaId === areaId)?.budgetCents ?? 0;
  const areaName = round.areas.find((a) => a.areaId === areaId)?.areaName ?? '';
  const problems = areaId ? ballotProblems(choice, round.ballot, budget, list, money) : [];

  return (
    <form
      noValidate
      className="ww-panel ww-vote-form"
      aria-labelledby="papier-invoer"
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({
            areaId: areaId ? undefined : t('manage.areaRequired'),
            ballot: problems.length > 0 ? problems.map((p) => t(p.key, p.values)).join(' ') : undefined,
            birthYear: birthYear.trim() === '' || /^\d{4}$/.test(birthYear.trim()) ? undefined : t('vote.birthYearInvalid'),
          }),
          () => send({ areaId, ...ballotBody(choice, round.ballot, list), birthYear: birthYear.trim() ? Number(birthYear) : undefined }),
        )
      }
    >
      <Heading level={3} id="papier-invoer" className="ams-mb-xs">
        {heading}
      </Heading>
      <Paragraph className="ams-mb-m">{intro}</Paragraph>
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      {form.fieldErrors.ballot ? (
        <Notice kind="error" heading={t('vote.problemsHeading')} id="papier-fouten">
          {form.fieldErrors.ballot}
        </Notice>
      ) : null}
      {fixedAreaId ? null : (
        <SelectField
          label={t('manage.area')}
          name="areaId"
          value={areaId}
          onChange={(v) => {
            setAreaId(v);
            setChoice(emptyChoice);
          }}
          placeholder={t('manage.areaChoose')}
          options={round.areas.map((a) => ({ value: a.areaId, label: a.areaName }))}
          error={form.fieldErrors.areaId}
          required
        />
      )}
      {areaId && projects.data ? (
        <BallotForm
          rules={round.ballot}
          projects={list}
          budgetCents={budget}
          choice={choice}
          onChange={setChoice}
          legend={t('manage.paperLegend', { area: areaName })}
          errorId={form.fieldErrors.ballot ? 'papier-fouten' : undefined}
        />
      ) : null}
      {fixedAreaId ? null : (
        <TextField
          label={t('vote.birthYear')}
          name="birthYear"
          value={birthYear}
          onChange={setBirthYear}
          error={form.fieldErrors.birthYear}
          inputMode="numeric"
          optional
        />
      )}
      <div className="ww-actions">
        <Button type="submit" disabled={form.busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}

export default ManagePage;
