// SPDX-License-Identifier: EUPL-1.2
// Wijkanalyse: the generated analysis of one area (population, housing, income, safety, residents'
// judgement, trends, notable differences) as a page, every number with its source and year. Staff
// who may edit can rewrite a section's text before the analysis is used in a conversation with
// residents; the PDF uses the edited text.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useApi } from '../../api/use-api.js';
import { api, ProblemError, query } from '../../api/client.js';
import type { AnalysisFact, AnalysisSection, AreaAnalysis } from '../../api/types.js';
import './monitor.css';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { Notice, TextField, useFormState } from '../../components/forms.js';
import { compare, comparisonText, formatValue, sourceLine, withUnit } from './format.js';

export function AnalysisPage() {
  const { t, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const { areaId = '' } = useParams();
  const [search] = useSearchParams();
  const base = `/api/municipalities/${municipality.code}/areas/${encodeURIComponent(areaId)}`;
  const period = search.get('jaar');
  const analysis = useApi<AreaAnalysis>(`${base}/analysis${query({ period })}`);
  const name = analysis.data?.area.name;
  useDocumentTitle(name ? t('analysis.title', { name }) : t('analysis.heading'));

  if (analysis.error)
    return (
      <div className="ww-container">
        <LoadError error={analysis.error} onRetry={analysis.reload} />
      </div>
    );
  if (!analysis.data) return <Loading />;
  const a = analysis.data;
  const canEdit = a.abilities.includes('analysis.edit');
  // Only differences the figures support are called notable.
  const notable = a.notable.filter((f) => f.difference?.significant !== false);
  const notableSection = a.sections.find((s) => s.key === 'notable');
  const areaLink = `/gemeente/${municipality.code}/gebied/${a.area.id}`;

  return (
    <div className="ww-container ww-analysis">
      <p className="ams-mb-s">
        <AppLink to={areaLink}>{t('profile.backToArea', { name: a.area.name })}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-s">
        {t('analysis.title', { name: a.area.name })}
      </Heading>
      <Paragraph className="ams-mb-s">{t('analysis.intro', { period: a.period })}</Paragraph>
      <p className="ams-mb-l ww-analysis__links">
        <a className="ams-link" href={`${base}/analysis.pdf${query({ period: a.period })}`} type="application/pdf">
          {t('analysis.pdf')}
        </a>
        <AppLink to={`${areaLink}/profiel`}>{t('analysis.toProfile')}</AppLink>
      </p>

      {a.sections
        .filter((s) => s.key !== 'notable')
        .map((section) => (
          <Section key={section.key} section={section} period={a.period} base={base} canEdit={canEdit} onSaved={analysis.reload} />
        ))}

      <section aria-labelledby="analyse-notable" className="ams-mb-l">
        <Heading level={2} id="analyse-notable" className="ams-mb-s">
          {notableSection ? notableSection.heading[lang] : t('analysis.notable')}
        </Heading>
        {notableSection ? <SectionText section={notableSection} /> : null}
        {notable.length > 0 ? <Facts facts={notable} /> : notableSection ? null : <Paragraph>{t('analysis.noNotable')}</Paragraph>}
        <p className="ww-source">{t('analysis.notableRule')}</p>
        {notableSection && canEdit ? <EditText section={notableSection} period={a.period} base={base} onSaved={analysis.reload} /> : null}
      </section>
    </div>
  );
}

function Section({
  section,
  period,
  base,
  canEdit,
  onSaved,
}: {
  section: AnalysisSection;
  period: string;
  base: string;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { lang } = useI18n();
  const id = `analyse-${section.key}`;
  return (
    <section aria-labelledby={id} className="ams-mb-l">
      <Heading level={2} id={id} className="ams-mb-s">
        {section.heading[lang]}
      </Heading>
      <SectionText section={section} />
      {section.facts.length > 0 ? <Facts facts={section.facts} /> : null}
      {canEdit ? <EditText section={section} period={period} base={base} onSaved={onSaved} /> : null}
    </section>
  );
}

function SectionText({ section }: { section: AnalysisSection }) {
  const { t, lang, date } = useI18n();
  const text = section.editedText ?? section.text[lang];
  return (
    <div className="ww-analysis__text" lang={section.editedText !== null && lang !== 'nl' ? 'nl' : undefined}>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <Paragraph key={i} className="ams-mb-s">
            {p}
          </Paragraph>
        ))}
      {section.editedText !== null ? (
        <p className="ww-source" lang={lang}>
          {section.editedAt ? t('analysis.editedOn', { date: date(section.editedAt), name: section.editedBy ?? '–' }) : t('analysis.edited')}
        </p>
      ) : null}
    </div>
  );
}

function Facts({ facts }: { facts: AnalysisFact[] }) {
  const { t, lang } = useI18n();
  return (
    <ul className="ww-facts">
      {facts.map((f) => {
        const comparison = comparisonText(compare(f.difference, f.indicator.polarity, f.indicator, t, lang), t);
        return (
          <li key={f.indicator.id}>
            <span className="ww-facts__name">{f.indicator.name[lang]}: </span>
            <strong>{formatValue(f.value, f.indicator, t, lang)}</strong>
            {f.municipalityValue !== undefined && f.municipalityValue !== null ? (
              <> ({t('profile.municipalityValue', { value: withUnit(f.municipalityValue, f.indicator, t, lang) })})</>
            ) : null}
            {comparison ? <>; {comparison}</> : null}
            <span className="ww-source ww-facts__source">{sourceLine(f.value, t)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function EditText({ section, period, base, onSaved }: { section: AnalysisSection; period: string; base: string; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const form = useFormState();

  async function save(next: string | null) {
    await api.patch(`${base}/analysis/sections/${encodeURIComponent(section.key)}`, { period, text: next });
    setOpen(false);
    setSaved(true);
    onSaved();
  }

  if (!open)
    return (
      <div className="ww-analysis__edit">
        {saved ? <Notice kind="success">{t('app.saved')}</Notice> : null}
        <Button
          variant="secondary"
          onClick={() => {
            setText(section.editedText ?? section.text.nl);
            setSaved(false);
            form.reset();
            setOpen(true);
          }}
        >
          {t('analysis.edit', { section: section.heading[lang] })}
        </Button>
      </div>
    );

  return (
    <form
      noValidate
      className="ww-form ww-panel ww-analysis__edit"
      onSubmit={(event) =>
        void form.submit(
          event,
          () => ({ text: text.trim() === '' ? t('analysis.textRequired') : undefined }),
          () => save(text),
        )
      }
    >
      {form.formError || restoreError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError ?? restoreError}
        </Notice>
      ) : null}
      <TextField
        label={t('analysis.textLabel', { section: section.heading[lang] })}
        hint={t('analysis.textHint')}
        name="text"
        rows={8}
        value={text}
        onChange={setText}
        error={form.fieldErrors.text}
        required
      />
      <div className="ww-form__buttons">
        <Button type="submit" disabled={form.busy}>
          {t('app.save')}
        </Button>
        {section.editedText !== null ? (
          <Button
            type="button"
            variant="secondary"
            disabled={form.busy}
            onClick={() => {
              setRestoreError(null);
              save(null).catch((error: unknown) => setRestoreError(error instanceof ProblemError ? error.localized(lang) : String(error)));
            }}
          >
            {t('analysis.restore')}
          </Button>
        ) : null}
        <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
