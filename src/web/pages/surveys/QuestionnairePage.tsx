// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/enquetes/:surveyId: one questionnaire, its waves (and a new wave over chosen
// wijken with dates and a target number of invitations per area), and its questions by theme. The
// onderzoeker may change a question's text, remove one or add one (grade, agree or open) as long as
// no wave has sent invitations (the API says so otherwise).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api, ProblemError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { surveysApi, type AreaRef, type QuestionKind, type SurveyDetail, type SurveyQuestion, type WaveView } from './survey-api.js';
import { WaveStatus } from './WavePage.js';

export function QuestionnairePage() {
  const { surveyId } = useParams();
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const survey = useApi<SurveyDetail>(`${surveysApi(municipality.code)}/surveys/${surveyId ?? ''}`);
  useDocumentTitle(survey.data?.name ?? t('surveys.heading'));
  if (survey.error)
    return (
      <div className="ww-container">
        <LoadError error={survey.error} onRetry={survey.reload} />
      </div>
    );
  if (!survey.data) return <Loading />;
  const s = survey.data;
  const manage = s.abilities.includes('monitor.manage');
  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={`/gemeente/${municipality.code}/enquetes`}>{t('surveys.back')}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-m">
        {s.name}
      </Heading>
      <WavesSection survey={s} manage={manage} />
      {manage ? <NewWaveForm survey={s} /> : null}
      <QuestionsSection survey={s} manage={manage} onChanged={survey.reload} />
    </div>
  );
}

function WavesSection({ survey, manage }: { survey: SurveyDetail; manage: boolean }) {
  const { t, date, number } = useI18n();
  const municipality = useRequiredMunicipality();
  return (
    <section aria-labelledby="rondes" className="ww-section">
      <Heading level={2} id="rondes" className="ams-mb-s">
        {t('surveys.wavesHeading')}
      </Heading>
      {survey.waves.length === 0 ? <Paragraph className="ams-mb-m">{t('surveys.noWaves')}</Paragraph> : null}
      <ul className="ww-link-list ams-mb-m">
        {survey.waves.map((w: WaveView) => (
          <li key={w.id}>
            <AppLink to={`/gemeente/${municipality.code}/enquetes/ronde/${w.id}`}>{w.name}</AppLink>{' '}
            <span className="ww-hint">
              {date(w.opensOn)} – {date(w.closesOn)} · <WaveStatus status={w.status} /> ·{' '}
              {t('surveys.waveCounts', { invited: number(w.counts.invited), responded: number(w.counts.responded) })}
            </span>{' '}
            <AppLink to={`/gemeente/${municipality.code}/enquetes/ronde/${w.id}/resultaten`}>{t('surveys.resultsLink', { name: w.name })}</AppLink>
          </li>
        ))}
      </ul>
      {!manage ? null : <Paragraph className="ww-hint ams-mb-m">{t('surveys.wavesHint')}</Paragraph>}
    </section>
  );
}

function NewWaveForm({ survey }: { survey: SurveyDetail }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const navigate = useNavigate();
  const wijken = useApi<AreaRef[]>(`/api/municipalities/${municipality.code}/areas?level=wijk`);
  const form = useFormState();
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [target, setTarget] = useState('');
  const [minimum, setMinimum] = useState('30');
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const areas = [...(wijken.data ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const isCount = (v: string) => /^\d+$/.test(v.trim()) && Number(v) >= 1;
  return (
    <section aria-labelledby="nieuwe-ronde" className="ww-section">
      <Heading level={2} id="nieuwe-ronde" className="ams-mb-s">
        {t('surveys.newWave')}
      </Heading>
      <form
        noValidate
        className="ww-form"
        aria-labelledby="nieuwe-ronde"
        onSubmit={(event) =>
          void form.submit(
            event,
            (): FieldErrors => ({
              name: name.trim() ? undefined : t('surveys.nameRequired'),
              opensOn: isDate(opensOn) ? undefined : t('surveys.dateRequired'),
              closesOn: isDate(closesOn) && closesOn >= opensOn ? undefined : t('surveys.closesAfterOpens'),
              targetPerArea: isCount(target) ? undefined : t('surveys.countInvalid'),
              minRespondents: isCount(minimum) ? undefined : t('surveys.countInvalid'),
              areaIds: areaIds.length > 0 ? undefined : t('surveys.areasRequired'),
            }),
            async () => {
              const wave = await api.post<WaveView>(`${surveysApi(municipality.code)}/surveys/${survey.id}/waves`, {
                name: name.trim(),
                opensOn,
                closesOn,
                targetPerArea: Number(target),
                minRespondents: Number(minimum),
                areaIds,
              });
              void navigate(`/gemeente/${municipality.code}/enquetes/ronde/${wave.id}`);
            },
          )
        }
      >
        {form.formError ? (
          <Notice kind="error" heading={t('app.errorHeading')}>
            {form.formError}
          </Notice>
        ) : null}
        <TextField label={t('surveys.waveName')} name="name" value={name} onChange={setName} error={form.fieldErrors.name} required />
        <TextField label={t('surveys.opensOn')} name="opensOn" type="date" value={opensOn} onChange={setOpensOn} error={form.fieldErrors.opensOn} required />
        <TextField
          label={t('surveys.closesOn')}
          name="closesOn"
          type="date"
          value={closesOn}
          onChange={setClosesOn}
          error={form.fieldErrors.closesOn}
          required
        />
        <TextField
          label={t('surveys.targetPerArea')}
          name="targetPerArea"
          hint={t('surveys.targetHint')}
          inputMode="numeric"
          value={target}
          onChange={setTarget}
          error={form.fieldErrors.targetPerArea}
          required
        />
        <TextField
          label={t('surveys.minRespondents')}
          name="minRespondents"
          hint={t('surveys.minRespondentsHint')}
          inputMode="numeric"
          value={minimum}
          onChange={setMinimum}
          error={form.fieldErrors.minRespondents}
          required
        />
        <fieldset className="ww-fieldset" aria-describedby={form.fieldErrors.areaIds ? 'gebieden-fout' : undefined}>
          <legend>{t('surveys.areas')}</legend>
          {form.fieldErrors.areaIds ? (
            <p className="ams-error-message" id="gebieden-fout">
              {form.fieldErrors.areaIds}
            </p>
          ) : null}
          {wijken.loading ? <Loading /> : null}
          <p>
            <Button type="button" variant="secondary" onClick={() => setAreaIds(areaIds.length === areas.length ? [] : areas.map((a) => a.id))}>
              {areaIds.length === areas.length && areas.length > 0 ? t('surveys.areasNone') : t('surveys.areasAll')}
            </Button>
          </p>
          {areas.map((a) => (
            <label key={a.id} className="ww-choice">
              <input
                type="checkbox"
                name="areaIds"
                value={a.id}
                checked={areaIds.includes(a.id)}
                onChange={(e) => setAreaIds(e.target.checked ? [...areaIds, a.id] : areaIds.filter((id) => id !== a.id))}
              />{' '}
              {a.name} ({a.code})
            </label>
          ))}
        </fieldset>
        <div>
          <Button type="submit" disabled={form.busy}>
            {t('surveys.createWave')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const addableKinds: QuestionKind[] = ['grade', 'agree', 'open'];

function QuestionsSection({ survey, manage, onChanged }: { survey: SurveyDetail; manage: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(questions: SurveyQuestion[], message: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api.patch(`${surveysApi(municipality.code)}/surveys/${survey.id}`, {
        questions: questions.map(({ optional: _o, ...q }) => (q.kind === 'agree' ? { ...q, options: undefined } : q)),
      });
      setDone(message);
      setEditing(null);
      onChanged();
      return true;
    } catch (e) {
      setError(e instanceof ProblemError ? e.localized(lang) : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="vragen" className="ww-section">
      <Heading level={2} id="vragen" className="ams-mb-s">
        {t('surveys.questionsHeading')}
      </Heading>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {error ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {error}
        </Notice>
      ) : null}
      {survey.themeNames.map((theme) => {
        const questions = survey.questions.filter((q) => q.theme === theme.id);
        if (questions.length === 0) return null;
        return (
          <div key={theme.id} className="ams-mb-m">
            <Heading level={3} className="ams-mb-s">
              {theme.name[lang]}
            </Heading>
            <ol className="ww-question-list">
              {questions.map((q) => (
                <li key={q.id} className="ams-mb-s">
                  {editing === q.id ? (
                    <form
                      noValidate
                      className="ww-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        if (!text.trim()) return;
                        void save(
                          survey.questions.map((x) => (x.id === q.id ? { ...x, text: { nl: text.trim(), en: x.text.en || text.trim() } } : x)),
                          t('surveys.questionSaved'),
                        );
                      }}
                    >
                      <TextField label={t('surveys.questionText')} name={`text-${q.id}`} value={text} onChange={setText} rows={2} required />
                      <div className="ww-actions">
                        <Button type="submit" disabled={busy}>
                          {t('app.save')}
                        </Button>{' '}
                        <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                          {t('app.cancel')}
                        </Button>
                      </div>
                    </form>
                  ) : (
                    <>
                      {q.text[lang]} <span className="ww-hint">({t(`surveys.kind.${q.kind}`)})</span>
                      {manage ? (
                        <span className="ww-actions">
                          {' '}
                          <Button
                            type="button"
                            variant="tertiary"
                            onClick={() => {
                              setEditing(q.id);
                              setText(q.text.nl);
                            }}
                          >
                            {t('surveys.editQuestion')}
                            <span className="ams-visually-hidden">: {q.text[lang]}</span>
                          </Button>{' '}
                          <Button
                            type="button"
                            variant="tertiary"
                            disabled={busy}
                            onClick={() =>
                              void save(
                                survey.questions.filter((x) => x.id !== q.id),
                                t('surveys.questionRemoved'),
                              )
                            }
                          >
                            {t('surveys.removeQuestion')}
                            <span className="ams-visually-hidden">: {q.text[lang]}</span>
                          </Button>
                        </span>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {manage ? <AddQuestionForm survey={survey} busy={busy} onAdd={(q) => save([...survey.questions, q], t('surveys.questionAdded'))} /> : null}
    </section>
  );
}

function AddQuestionForm({ survey, busy, onAdd }: { survey: SurveyDetail; busy: boolean; onAdd: (q: SurveyQuestion) => Promise<boolean> }) {
  const { t, lang } = useI18n();
  const [theme, setTheme] = useState(survey.themeNames[0]?.id ?? '');
  const [kind, setKind] = useState<QuestionKind>('grade');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      noValidate
      className="ww-form"
      aria-labelledby="vraag-toevoegen"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          setError(t('surveys.questionTextRequired'));
          return;
        }
        setError(undefined);
        const id = `eigen-${Date.now().toString(36)}`;
        void onAdd({ id, kind, theme, text: { nl: text.trim(), en: text.trim() } }).then((ok) => ok && setText(''));
      }}
    >
      <Heading level={3} id="vraag-toevoegen" className="ams-mb-s">
        {t('surveys.addQuestion')}
      </Heading>
      <SelectField
        label={t('surveys.theme')}
        name="theme"
        value={theme}
        onChange={setTheme}
        options={survey.themeNames.map((th) => ({ value: th.id, label: th.name[lang] }))}
      />
      <SelectField
        label={t('surveys.kind')}
        name="kind"
        value={kind}
        onChange={(v) => setKind(v as QuestionKind)}
        options={addableKinds.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
      />
      <TextField label={t('surveys.questionText')} name="newText" value={text} onChange={setText} rows={2} error={error} required />
      <div>
        <Button type="submit" disabled={busy}>
          {t('surveys.addQuestion')}
        </Button>
      </div>
    </form>
  );
}
