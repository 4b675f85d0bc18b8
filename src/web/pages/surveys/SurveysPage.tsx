// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/enquetes, for the onderzoeker (monitor.manage) and readers of reports: the
// questionnaires with their waves, and a new questionnaire from the Lemon-like template.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { Notice } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { api, ProblemError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { surveysApi, type SurveySummary } from './survey-api.js';

export function SurveysPage() {
  const { t, lang, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const navigate = useNavigate();
  const list = useApi<{ items: SurveySummary[]; abilities: string[] }>(`${surveysApi(municipality.code)}/surveys`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('surveys.heading'));
  const manage = list.data?.abilities.includes('monitor.manage') ?? false;

  async function createFromTemplate() {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<SurveySummary>(`${surveysApi(municipality.code)}/surveys`, { template: 'lemon' });
      void navigate(`/gemeente/${municipality.code}/enquetes/${created.id}`);
    } catch (e) {
      setError(e instanceof ProblemError ? e.localized(lang) : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-m">
        {t('surveys.heading')}
      </Heading>
      <Paragraph className="ams-mb-l">{t('surveys.intro')}</Paragraph>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <section aria-labelledby="vragenlijsten" className="ww-section">
          <Heading level={2} id="vragenlijsten" className="ams-mb-s">
            {t('surveys.listHeading')}
          </Heading>
          {list.data.items.length === 0 ? <Paragraph className="ams-mb-m">{t('surveys.none')}</Paragraph> : null}
          <ul className="ww-link-list ams-mb-m">
            {list.data.items.map((s) => (
              <li key={s.id}>
                <AppLink to={`/gemeente/${municipality.code}/enquetes/${s.id}`}>{s.name}</AppLink>{' '}
                <span className="ww-hint">
                  {t('surveys.questionCount', { n: s.questions.length })} · {t('surveys.changedOn', { date: date(s.updatedAt) })} ·{' '}
                  {s.themeNames.map((th) => th.name[lang]).join(', ')}
                </span>
              </li>
            ))}
          </ul>
          {manage ? (
            <>
              {error ? (
                <Notice kind="error" heading={t('app.errorHeading')}>
                  {error}
                </Notice>
              ) : null}
              <Paragraph className="ams-mb-s">{t('surveys.templateIntro')}</Paragraph>
              <Button onClick={() => void createFromTemplate()} disabled={busy}>
                {t('surveys.createFromTemplate')}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
