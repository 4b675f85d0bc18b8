// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/enquetes/ronde/:waveId: one wave, step by step: upload the address list (CSV,
// all or nothing; the API's line-numbered errors are listed), draw the random sample per area,
// download the invitation letters' CSV for the mail merge (once: codes are not kept) and later the
// reminders' CSV, follow the response per area, and redact open answers before they are shown.
import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { Notice, TextField } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api, postForFile, ProblemError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { saveFile } from '../../download.js';
import { lineErrors, surveysApi, type OpenAnswer, type ResponseRates, type WaveView } from './survey-api.js';

export function WaveStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const known = ['draft', 'sampled', 'open', 'closed'] as const;
  const s = known.find((k) => k === status);
  return <>{s ? t(`surveys.status.${s}`) : status}</>;
}

/** The outcome of one step: a success or the API's message, plus line errors of an import. */
interface StepResult {
  ok: boolean;
  message: string;
  lines?: { line: number; message: string }[];
}

function useStep(onDone: () => void) {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StepResult | null>(null);
  async function run(action: () => Promise<string>) {
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: true, message: await action() });
      onDone();
    } catch (e) {
      if (e instanceof ProblemError) setResult({ ok: false, message: e.localized(lang), lines: lineErrors(e.body) });
      else setResult({ ok: false, message: String(e) });
    } finally {
      setBusy(false);
    }
  }
  return { busy, result, run };
}

function StepOutcome({ result }: { result: StepResult | null }) {
  const { t } = useI18n();
  if (!result) return null;
  if (result.ok) return <Notice kind="success">{result.message}</Notice>;
  return (
    <Notice kind="error" heading={t('app.errorHeading')}>
      <p>{result.message}</p>
      {result.lines && result.lines.length > 0 ? (
        <ul className="ww-line-errors">
          {result.lines.map((l, i) => (
            <li key={i}>{t('surveys.lineError', { line: l.line, message: l.message })}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export function WavePage() {
  const { waveId } = useParams();
  const { t, date, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const base = surveysApi(municipality.code);
  const wave = useApi<WaveView>(`${base}/waves/${waveId ?? ''}`);
  const response = useApi<ResponseRates>(`${base}/waves/${waveId ?? ''}/response`);
  useDocumentTitle(wave.data?.name ?? t('surveys.heading'));
  const reload = () => {
    wave.reload();
    response.reload();
  };
  if (wave.error)
    return (
      <div className="ww-container">
        <LoadError error={wave.error} onRetry={wave.reload} />
      </div>
    );
  if (!wave.data) return <Loading />;
  const w = wave.data;
  const manage = w.abilities?.includes('monitor.manage') ?? false;
  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={`/gemeente/${municipality.code}/enquetes/${w.surveyId}`}>{t('surveys.backToSurvey')}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-m">
        {w.name}
      </Heading>
      <dl className="ww-facts ams-mb-m">
        <dt>{t('surveys.statusLabel')}</dt>
        <dd>
          <WaveStatus status={w.status} />
        </dd>
        <dt>{t('surveys.period')}</dt>
        <dd>
          {date(w.opensOn)} – {date(w.closesOn)}
        </dd>
        <dt>{t('surveys.targetPerArea')}</dt>
        <dd>{number(w.targetPerArea)}</dd>
        <dt>{t('surveys.minRespondents')}</dt>
        <dd>{number(w.minRespondents)}</dd>
        <dt>{t('surveys.countsLabel')}</dt>
        <dd>
          {t('surveys.countsText', {
            addresses: number(w.counts.addresses),
            sampled: number(w.counts.sampled),
            invited: number(w.counts.invited),
            responded: number(w.counts.responded),
          })}
        </dd>
      </dl>
      <p className="ams-mb-l">
        <AppLink to={`/gemeente/${municipality.code}/enquetes/ronde/${w.id}/resultaten`}>{t('surveys.resultsLink', { name: w.name })}</AppLink>
      </p>
      {manage ? (
        <>
          <AddressesStep wave={w} onDone={reload} />
          <SampleStep wave={w} onDone={reload} />
          <LettersStep wave={w} onDone={reload} />
        </>
      ) : null}
      <section aria-labelledby="respons" className="ww-section">
        <Heading level={2} id="respons" className="ams-mb-s">
          {t('surveys.responseHeading')}
        </Heading>
        {response.error ? <LoadError error={response.error} onRetry={response.reload} /> : null}
        {response.data ? <ResponseTable rates={response.data} /> : <Loading />}
      </section>
      {manage ? <OpenAnswers wave={w} /> : null}
    </div>
  );
}

function AddressesStep({ wave, onDone }: { wave: WaveView; onDone: () => void }) {
  const { t, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const step = useStep(onDone);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void step.run(async () => {
      const csv = await file.text();
      const result = await api.post<{ imported: number }>(`${surveysApi(municipality.code)}/waves/${wave.id}/addresses`, { csv });
      return t('surveys.addressesImported', { n: number(result.imported) });
    });
  }
  return (
    <section aria-labelledby="adressen" className="ww-section">
      <Heading level={2} id="adressen" className="ams-mb-s">
        {t('surveys.addressesHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('surveys.addressesIntro')}</Paragraph>
      <form noValidate className="ww-form" aria-labelledby="adressen" onSubmit={submit}>
        <StepOutcome result={step.result} />
        <div className="ams-field">
          <label className="ams-label" htmlFor={inputId}>
            {t('surveys.addressFile')}
          </label>
          {missing ? (
            <p className="ams-error-message" id={`${inputId}-error`}>
              {t('surveys.fileRequired')}
            </p>
          ) : null}
          <input
            id={inputId}
            type="file"
            name="addresses"
            accept=".csv,text/csv"
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${inputId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div>
          <Button type="submit" disabled={step.busy}>
            {t('surveys.uploadAddresses')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function SampleStep({ wave, onDone }: { wave: WaveView; onDone: () => void }) {
  const { t, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const step = useStep(onDone);
  return (
    <section aria-labelledby="steekproef" className="ww-section">
      <Heading level={2} id="steekproef" className="ams-mb-s">
        {t('surveys.sampleHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('surveys.sampleIntro', { target: number(wave.targetPerArea) })}</Paragraph>
      <StepOutcome result={step.result} />
      <Button
        disabled={step.busy}
        onClick={() =>
          void step.run(async () => {
            const result = await api.post<{ perArea: { sampled: number }[] }>(`${surveysApi(municipality.code)}/waves/${wave.id}/sample`, {});
            return t('surveys.sampleDrawn', { n: number(result.perArea.reduce((s, a) => s + a.sampled, 0)), areas: result.perArea.length });
          })
        }
      >
        {t('surveys.drawSample')}
      </Button>
    </section>
  );
}

function LettersStep({ wave, onDone }: { wave: WaveView; onDone: () => void }) {
  const { t, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const invitations = useStep(onDone);
  const reminders = useStep(onDone);
  const base = `${surveysApi(municipality.code)}/waves/${wave.id}`;
  return (
    <section aria-labelledby="brieven" className="ww-section">
      <Heading level={2} id="brieven" className="ams-mb-s">
        {t('surveys.lettersHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('surveys.invitationsIntro')}</Paragraph>
      <StepOutcome result={invitations.result} />
      {wave.counts.invited > 0 ? (
        <Paragraph className="ams-mb-m">{t('surveys.invitationsIssued', { n: number(wave.counts.invited) })}</Paragraph>
      ) : (
        <p className="ams-mb-m">
          <Button
            disabled={invitations.busy}
            onClick={() =>
              void invitations.run(async () => {
                const { blob, fileName } = await postForFile(`${base}/invitations?format=csv`, {}, 'uitnodigingen.csv');
                saveFile(blob, fileName);
                return t('surveys.downloaded', { file: fileName });
              })
            }
          >
            {t('surveys.downloadInvitations')}
          </Button>
        </p>
      )}
      <Paragraph className="ams-mb-s">{t('surveys.remindersIntro')}</Paragraph>
      <StepOutcome result={reminders.result} />
      <Button
        variant="secondary"
        disabled={reminders.busy}
        onClick={() =>
          void reminders.run(async () => {
            const { blob, fileName } = await postForFile(`${base}/reminders?format=csv`, {}, 'herinneringen.csv');
            saveFile(blob, fileName);
            return t('surveys.downloaded', { file: fileName });
          })
        }
      >
        {t('surveys.downloadReminders')}
      </Button>
    </section>
  );
}

export function percent(value: number | null, lang: 'nl' | 'en', digits = 0): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
}

function ResponseTable({ rates }: { rates: ResponseRates }) {
  const { t, lang, number } = useI18n();
  return (
    <div className="ww-table-scroll" role="region" aria-labelledby="respons-caption" tabIndex={0}>
      <Table className="ww-table">
        <Table.Caption id="respons-caption">{t('surveys.responseCaption', { name: rates.wave.name })}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('surveys.area')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('surveys.col.addresses')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('surveys.col.invited')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('surveys.col.reminded')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('surveys.col.responded')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="end">
              {t('surveys.col.rate')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rates.areas.map((r) => (
            <Table.Row key={r.area.id}>
              <Table.HeaderCell scope="row">{r.area.name}</Table.HeaderCell>
              <Table.Cell align="end">{number(r.addresses)}</Table.Cell>
              <Table.Cell align="end">{number(r.invited)}</Table.Cell>
              <Table.Cell align="end">{number(r.reminded)}</Table.Cell>
              <Table.Cell align="end">{number(r.responded)}</Table.Cell>
              <Table.Cell align="end">{percent(r.rate, lang)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t('surveys.total')}</Table.HeaderCell>
            <Table.Cell align="end">{number(rates.areas.reduce((s, r) => s + r.addresses, 0))}</Table.Cell>
            <Table.Cell align="end">{number(rates.total.invited)}</Table.Cell>
            <Table.Cell align="end">{number(rates.areas.reduce((s, r) => s + r.reminded, 0))}</Table.Cell>
            <Table.Cell align="end">{number(rates.total.responded)}</Table.Cell>
            <Table.Cell align="end">{percent(rates.total.rate, lang)}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
}

function OpenAnswers({ wave }: { wave: WaveView }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const pending = useApi<{ items: OpenAnswer[] }>(`${surveysApi(municipality.code)}/waves/${wave.id}/open-answers?status=pending`);
  const published = useApi<{ items: OpenAnswer[] }>(`${surveysApi(municipality.code)}/waves/${wave.id}/open-answers?status=published`);
  const reload = () => {
    pending.reload();
    published.reload();
  };
  return (
    <section aria-labelledby="open-antwoorden" className="ww-section">
      <Heading level={2} id="open-antwoorden" className="ams-mb-s">
        {t('surveys.openHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('surveys.openIntro')}</Paragraph>
      {pending.error ? <LoadError error={pending.error} onRetry={pending.reload} /> : null}
      {pending.data && pending.data.items.length === 0 ? <Paragraph className="ams-mb-s">{t('surveys.openNone')}</Paragraph> : null}
      <ul className="ww-open-answers">
        {pending.data?.items.map((a) => (
          <RedactForm key={a.id} answer={a} onDone={reload} />
        ))}
      </ul>
      {published.data && published.data.items.length > 0 ? (
        <>
          <Heading level={3} className="ams-mb-s">
            {t('surveys.openPublished')}
          </Heading>
          <ul>
            {published.data.items.map((a) => (
              <li key={a.id}>
                {a.text} <span className="ww-hint">({a.areaName})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RedactForm({ answer, onDone }: { answer: OpenAnswer; onDone: () => void }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const [text, setText] = useState(answer.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(publish: boolean) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${surveysApi(municipality.code)}/open-answers/${answer.id}/redact`, publish ? { text: text.trim() } : { publish: false });
      onDone();
    } catch (e) {
      setError(e instanceof ProblemError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="ams-mb-m">
      <form
        noValidate
        className="ww-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        {error ? (
          <Notice kind="error" heading={t('app.errorHeading')}>
            {error}
          </Notice>
        ) : null}
        <TextField
          label={t('surveys.openAnswerIn', { area: answer.areaName ?? '' })}
          name={`open-${answer.id}`}
          value={text}
          onChange={setText}
          rows={3}
          hint={t('surveys.redactHint')}
        />
        <div className="ww-actions">
          <Button type="submit" disabled={busy || !text.trim()}>
            {t('surveys.publish')}
          </Button>{' '}
          <Button type="button" variant="secondary" disabled={busy} onClick={() => void send(false)}>
            {t('surveys.reject')}
          </Button>
        </div>
      </form>
    </li>
  );
}
