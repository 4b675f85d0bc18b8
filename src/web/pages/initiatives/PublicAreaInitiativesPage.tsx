// SPDX-License-Identifier: EUPL-1.2
// Public, no sign-in: the funded residents' initiatives of an area (and the areas below it) with
// their amounts, and the state of the budgets the area draws on. Only what the budget's rules
// publish is shown; never the name of a private person.
import { useParams } from 'react-router';
import { Heading, Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { useApi } from '../../api/use-api.js';
import type { PublicAreaInitiatives } from '../../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { BudgetTable } from '../budgets/BudgetTable.js';
import { useMoney } from '../budgets/money.js';
import { StatusText } from './common.js';

export default function PublicAreaInitiativesPage() {
  const { t, date, number } = useI18n();
  const municipality = useRequiredMunicipality();
  const { areaId = '' } = useParams();
  const money = useMoney();
  const result = useApi<PublicAreaInitiatives>(`/api/municipalities/${municipality.code}/public/areas/${areaId}/initiatives`);
  const name = result.data?.area.name;
  useDocumentTitle(name ? t('public.heading', { name }) : t('initiatives.heading'));

  if (result.error)
    return (
      <div className="ww-container">
        <LoadError error={result.error} onRetry={result.reload} />
      </div>
    );
  if (!result.data) return <Loading />;
  const r = result.data;
  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={`/gemeente/${municipality.code}/gebied/${r.area.id}`}>{t('public.backToArea', { name: r.area.name })}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-s">
        {t('public.heading', { name: r.area.name })}
      </Heading>
      <Paragraph className="ams-mb-l">{t('public.intro')}</Paragraph>

      <section className="ww-section" aria-labelledby="budgetstand">
        <Heading level={2} id="budgetstand" className="ams-mb-s">
          {t('public.budgets')}
        </Heading>
        {r.budgets.length === 0 ? <Paragraph>{t('dashboard.noBudgets')}</Paragraph> : <BudgetTable budgets={r.budgets} caption={t('public.budgets')} />}
      </section>

      <section className="ww-section" aria-labelledby="gesteund">
        <Heading level={2} id="gesteund" className="ams-mb-s">
          {t('public.funded')}
        </Heading>
        <Paragraph className="ams-mb-m">{t('public.totals', { count: number(r.totals.count), amount: money(r.totals.grantedCents) })}</Paragraph>
        {r.initiatives.length === 0 ? (
          <Paragraph>{t('public.none')}</Paragraph>
        ) : (
          <ul className="ww-plain-list">
            {r.initiatives.map((i) => (
              <li key={i.id} className="ww-panel">
                <article aria-labelledby={`initiatief-${i.id}`}>
                  <Heading level={3} size="level-4" id={`initiatief-${i.id}`} className="ams-mb-xs">
                    {i.title}
                  </Heading>
                  <p className="ww-muted ams-mb-xs">
                    {i.area.name} · <StatusText status={i.status} />
                  </p>
                  {i.summary ? <Paragraph className="ams-mb-xs">{i.summary}</Paragraph> : null}
                  <ul className="ww-plain-list">
                    {i.grantedCents !== undefined && i.grantedCents !== null ? <li>{t('public.granted', { amount: money(i.grantedCents) })}</li> : null}
                    {i.requestedCents !== undefined ? <li>{t('public.requested', { amount: money(i.requestedCents) })}</li> : null}
                    {i.paidCents !== undefined ? <li>{t('public.paid', { amount: money(i.paidCents) })}</li> : null}
                    {i.decidedOn ? <li>{t('public.decidedOn', { date: date(i.decidedOn) })}</li> : null}
                  </ul>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
