// SPDX-License-Identifier: EUPL-1.2
// The anonymous survey form for residents (no sign-in): the personal code from the invitation letter
// opens the questionnaire, one theme per screen with the progress shown, radio groups and check
// boxes as plain labelled inputs in a fieldset (keyboard and screen readers work as everywhere),
// made for a phone first. After sending, the answers are stored without any link to the code.
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/nl.js';
import { useApi } from '../../api/use-api.js';
import { api, ProblemError } from '../../api/client.js';
import type { PublicSurvey, SurveyAnswerValue, SurveyQuestion } from '../../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { Notice, TextField, useFormState } from '../../components/forms.js';
import './survey.css';

const themeKeys: Record<string, MessageKey> = {
  general: 'survey.theme.general',
  physical: 'survey.theme.physical',
  social: 'survey.theme.social',
  nuisance: 'survey.theme.nuisance',
  safety: 'survey.theme.safety',
  background: 'survey.theme.background',
};

const agreeKeys: MessageKey[] = ['survey.agree.1', 'survey.agree.2', 'survey.agree.3', 'survey.agree.4', 'survey.agree.5'];

/** `/enquete`: where the letter sends residents; they type the code from it. */
export function SurveyCodePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const form = useFormState();
  useDocumentTitle(t('survey.heading'));
  return (
    <div className="ww-container ww-container--narrow">
      <Heading level={1} className="ams-mb-s">
        {t('survey.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('survey.codeIntro')}</Paragraph>
      <form
        noValidate
        className="ww-form"
        onSubmit={(event) =>
          void form.submit(
            event,
            () => ({ code: code.trim() === '' ? t('survey.codeRequired') : undefined }),
            async () => {
              await navigate(`/enquete/${encodeURIComponent(code.trim())}`);
            },
          )
        }
      >
        <TextField label={t('survey.code')} name="code" value={code} onChange={setCode} error={form.fieldErrors.code} autoComplete="off" required />
        <div>
          <Button type="submit">{t('survey.start')}</Button>
        </div>
      </form>
    </div>
  );
}

type Loaded = { state: 'loading' } | { state: 'error'; error: ProblemError } | { state: 'ready'; survey: PublicSurvey };

/** The questionnaire behind a code (no sign-in: the code is the only key). */
function useSurvey(code: string): Loaded {
  const loaded = useApi<PublicSurvey>(`/api/public/survey/${encodeURIComponent(code)}`);
  if (loaded.error) return { state: 'error', error: loaded.error };
  if (!loaded.data) return { state: 'loading' };
  return { state: 'ready', survey: loaded.data };
}

/** `/enquete/:code`: the questionnaire, a theme per screen. */
export function SurveyPage() {
  const { t, lang } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const loaded = useSurvey(code);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useDocumentTitle(t('survey.heading'));

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A new screen: start reading at its heading.
    stepHeading.current?.focus();
    window.scrollTo(0, 0);
  }, [step]);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') {
    const known = ['survey_code_unknown', 'survey_code_used', 'survey_closed', 'http_404'];
    return (
      <div className="ww-container ww-container--narrow">
        <Heading level={1} className="ams-mb-s">
          {t('survey.heading')}
        </Heading>
        {known.includes(loaded.error.code) && loaded.error.status !== 0 ? (
          <Notice kind="error" heading={t('survey.cannotOpen')}>
            <p>{loaded.error.detail ? loaded.error.localized(lang) : t('survey.codeUnknown')}</p>
          </Notice>
        ) : (
          <LoadError error={loaded.error} />
        )}
        <Paragraph>{t('survey.codeHelp')}</Paragraph>
      </div>
    );
  }

  const { survey } = loaded.survey;
  const questions = survey.questions;
  const themeIds = [...new Set([...(survey.themes ?? []).map((th) => (typeof th === 'string' ? th : th.id)), ...questions.map((q) => q.theme)])].filter(
    (theme) => questions.some((q) => q.theme === theme),
  );
  const themeName = (theme: string) => {
    const own = survey.themes?.find((th): th is { id: string; name: { nl: string; en: string } } => typeof th !== 'string' && th.id === theme);
    if (own) return own.name[lang];
    const key = themeKeys[theme];
    return key ? t(key) : theme;
  };
  const current = themeIds[Math.min(step, themeIds.length - 1)] ?? '';
  const last = step >= themeIds.length - 1;
  const title = typeof survey.name === 'string' ? survey.name : survey.name[lang];

  async function send() {
    setSending(true);
    setSendError(null);
    try {
      await api.post(`/api/public/survey/${encodeURIComponent(code)}`, { answers });
      await navigate('/enquete/bedankt', { replace: true });
    } catch (error) {
      setSendError(error instanceof ProblemError ? error.localized(lang) : String(error));
      setSending(false);
    }
  }

  return (
    <div className="ww-container ww-container--narrow ww-survey">
      <Heading level={1} className="ams-mb-xs">
        {title}
      </Heading>
      {loaded.survey.area?.name ? <p className="ww-muted ams-mb-s">{t('survey.forArea', { name: loaded.survey.area.name })}</p> : null}
      {step === 0 ? <Paragraph className="ams-mb-m">{survey.intro?.[lang] ?? t('survey.intro')}</Paragraph> : null}

      <div className="ww-survey__progress ams-mb-m">
        <p id="voortgang" className="ww-survey__progress-text">
          {t('survey.progress', { step: step + 1, total: themeIds.length })}
        </p>
        <progress max={themeIds.length} value={step + 1} aria-labelledby="voortgang" />
      </div>

      <form
        noValidate
        className="ww-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (last) void send();
          else setStep((s) => s + 1);
        }}
      >
        <Heading level={2} ref={stepHeading} tabIndex={-1} className="ams-mb-s ww-survey__theme">
          {themeName(current)}
        </Heading>
        {questions
          .filter((q) => q.theme === current)
          .map((q) => (
            <QuestionField key={q.id} question={q} value={answers[q.id] ?? null} onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value }))} />
          ))}
        {sendError ? (
          <Notice kind="error" heading={t('survey.sendFailed')}>
            <p>{sendError}</p>
          </Notice>
        ) : null}
        <div className="ww-survey__buttons">
          {step > 0 ? (
            <Button type="button" variant="secondary" onClick={() => setStep((s) => s - 1)}>
              {t('survey.previous')}
            </Button>
          ) : null}
          <Button type="submit" disabled={sending}>
            {last ? t('survey.send') : t('survey.next')}
          </Button>
        </div>
        {last ? <p className="ww-muted">{t('survey.sendHint')}</p> : null}
      </form>
    </div>
  );
}

function QuestionField({ question, value, onChange }: { question: SurveyQuestion; value: SurveyAnswerValue; onChange: (value: SurveyAnswerValue) => void }) {
  const { t, lang } = useI18n();
  const name = `q-${question.id}`;
  const text = question.text[lang];
  if (question.kind === 'open') {
    return (
      <div className="ww-survey__question">
        <label className="ww-survey__legend" htmlFor={name}>
          {text}
        </label>
        <p className="ww-hint" id={`${name}-hint`}>
          {t('survey.openHint')}
        </p>
        <textarea
          id={name}
          name={name}
          className="ams-text-area"
          rows={5}
          maxLength={2000}
          aria-describedby={`${name}-hint`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  }

  const options =
    question.kind === 'grade'
      ? Array.from({ length: 10 }, (_, i) => ({ id: String(i + 1), label: String(i + 1) }))
      : question.kind === 'agree'
        ? agreeKeys.map((key, i) => ({ id: String(i + 1), label: question.options?.[i]?.text[lang] ?? t(key) }))
        : (question.options ?? []).map((o) => ({ id: o.id, label: o.text[lang] }));
  const multiple = question.kind === 'multiple';
  const chosen = Array.isArray(value) ? value : value === null ? [] : [String(value)];
  const hint = question.kind === 'grade' ? t('survey.gradeHint') : multiple ? t('survey.multipleHint') : null;

  function pick(id: string, checked: boolean) {
    if (multiple) onChange(checked ? [...chosen, id] : chosen.filter((c) => c !== id));
    else onChange(question.kind === 'grade' || question.kind === 'agree' ? Number(id) : id);
  }

  return (
    <fieldset className={`ww-survey__question ww-survey__question--${question.kind}`} aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="ww-survey__legend">{text}</legend>
      {hint ? (
        <p className="ww-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="ww-survey__options">
        {options.map((o) => (
          <label key={o.id} className="ww-survey__option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={o.id}
              checked={chosen.includes(o.id)}
              onChange={(e) => pick(o.id, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {!multiple && chosen.length > 0 ? (
        <button type="button" className="ww-survey__clear" onClick={() => onChange(null)}>
          {t('survey.clear')}
          <span className="ams-visually-hidden">: {text}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

/** `/enquete/bedankt`: after sending. */
export function SurveyThanksPage() {
  const { t } = useI18n();
  useDocumentTitle(t('survey.thanksHeading'));
  return (
    <div className="ww-container ww-container--narrow">
      <Heading level={1} className="ams-mb-s">
        {t('survey.thanksHeading')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('survey.thanks')}</Paragraph>
      <Paragraph>{t('survey.thanksPrivacy')}</Paragraph>
    </div>
  );
}
