// SPDX-License-Identifier: EUPL-1.2
// Residents' initiatives in a municipality. A resident sees their own applications and starts a new
// one; staff see the applications in their areas; the wijkregisseur (anyone with report.read) also
// gets the dashboard: per area the budgets with available / reserved / paid, the initiatives by
// status and the decisions due soon or overdue.
import { Link } from 'react-router';
import { Heading, Paragraph, Table } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { actorHasCapability, useSession } from '../../session.js';
import { useApi } from '../../api/use-api.js';
import type { Dashboard, DueDecision, InitiativeStatus, InitiativeSummary } from '../../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { BudgetTable } from '../budgets/BudgetTable.js';
import { useMoney } from '../budgets/money.js';
import { Deadline, initiativePath, SignInFirst, StatusText } from './common.js';

interface InitiativeList {
  items: InitiativeSummary[];
  total: number;
}

export default function InitiativesPage() {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const code = municipality.code;
  const base = `/api/municipalities/${code}`;
  const signedIn = actor !== null && actor.municipality === code;
  const staff = signedIn && actor.roles.length > 0;
  const reports = actorHasCapability(actor, code, 'report.read');
  useDocumentTitle(t('initiatives.heading'));

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('initiatives.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('initiatives.intro')}</Paragraph>
      {signedIn ? (
        <p className="ams-mb-l">
          <Link className="ams-button ams-button--primary" to={`/gemeente/${code}/initiatieven/nieuw`}>
            {t('initiatives.new')}
          </Link>
        </p>
      ) : (
        <SignInFirst code={code} text={t('initiatives.signInToApply')} />
      )}
      {signedIn ? (
        <InitiativeTable url={`${base}/initiatives?mine=true`} heading={t('initiatives.mine')} id="mijn-aanvragen" empty={t('initiatives.mineNone')} />
      ) : null}
      {reports ? <DashboardSections code={code} /> : null}
      {staff ? <InitiativeTable url={`${base}/initiatives`} heading={t('initiatives.inMyAreas')} id="in-mijn-gebieden" empty={t('initiatives.none')} /> : null}
    </div>
  );
}

function InitiativeTable({ url, heading, id, empty }: { url: string; heading: string; id: string; empty: string }) {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const money = useMoney();
  const list = useApi<InitiativeList>(url);
  return (
    <section className="ww-section" aria-labelledby={id}>
      <Heading level={2} id={id} className="ams-mb-s">
        {heading}
      </Heading>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <div className="ww-table-scroll">
          <Table className="ww-table">
            <Table.Caption className="ams-visually-hidden">{heading}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('initiative.title')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('initiative.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('initiative.area')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('initiative.requested')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('initiative.deadline')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.items.map((i) => (
                <Table.Row key={i.id}>
                  <Table.Cell data-label={t('initiative.title')}>
                    <AppLink to={initiativePath(municipality.code, i.id)}>{i.title}</AppLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('initiative.status')}>
                    <StatusText status={i.status} />
                  </Table.Cell>
                  <Table.Cell data-label={t('initiative.area')}>{i.area.name ?? '–'}</Table.Cell>
                  <Table.Cell data-label={t('initiative.requested')}>{money(i.requestedCents)}</Table.Cell>
                  <Table.Cell data-label={t('initiative.deadline')}>
                    {i.decisionDeadline ? <Deadline date={i.decisionDeadline} daysRemaining={i.daysRemaining} /> : i.submittedOn ? date(i.submittedOn) : '–'}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function DashboardSections({ code }: { code: string }) {
  const { t, date } = useI18n();
  // Every application awaiting a decision, soonest deadline first, not only those due within two weeks.
  const dashboard = useApi<Dashboard>(`/api/municipalities/${code}/dashboard?dueWithinDays=365`);
  if (dashboard.error) return <LoadError error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) return <Loading />;
  return (
    <section className="ww-section" aria-labelledby="dashboard">
      <Heading level={2} id="dashboard" className="ams-mb-s">
        {t('dashboard.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('dashboard.on', { date: date(dashboard.data.on) })}</Paragraph>
      {dashboard.data.areas.map((a) => (
        <section key={a.area.id} className="ww-panel" aria-labelledby={`dashboard-${a.area.id}`}>
          <Heading level={3} id={`dashboard-${a.area.id}`} className="ams-mb-s">
            {a.area.name}
          </Heading>
          <Heading level={4} className="ams-mb-xs">
            {t('dashboard.budgets')}
          </Heading>
          {a.budgets.length === 0 ? (
            <Paragraph className="ams-mb-m">{t('dashboard.noBudgets')}</Paragraph>
          ) : (
            <div className="ams-mb-m">
              <BudgetTable budgets={a.budgets} caption={t('dashboard.budgetsOf', { name: a.area.name })} />
            </div>
          )}
          <Heading level={4} className="ams-mb-xs">
            {t('dashboard.byStatus')}
          </Heading>
          <ByStatus counts={a.initiativesByStatus} />
          <DueList heading={t('dashboard.overdue')} empty={t('dashboard.noneOverdue')} items={a.overdue} code={code} />
          <DueList heading={t('dashboard.due')} empty={t('dashboard.noneDue')} items={a.decisionsDue} code={code} />
        </section>
      ))}
    </section>
  );
}

function ByStatus({ counts }: { counts: Partial<Record<InitiativeStatus, number>> }) {
  const { t, number } = useI18n();
  const entries = Object.entries(counts).filter((e): e is [InitiativeStatus, number] => typeof e[1] === 'number' && e[1] > 0);
  if (entries.length === 0) return <Paragraph className="ams-mb-m">{t('initiatives.none')}</Paragraph>;
  return (
    <ul className="ww-plain-list ams-mb-m">
      {entries.map(([status, n]) => (
        <li key={status}>
          <StatusText status={status} />: {number(n)}
        </li>
      ))}
    </ul>
  );
}

function DueList({ heading, empty, items, code }: { heading: string; empty: string; items: DueDecision[]; code: string }) {
  const money = useMoney();
  return (
    <>
      <Heading level={4} className="ams-mb-xs">
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="ams-mb-m">{empty}</Paragraph>
      ) : (
        <ul className="ww-link-list ams-mb-m">
          {items.map((d) => (
            <li key={d.id}>
              <AppLink to={initiativePath(code, d.id)}>{d.title}</AppLink>
              {d.requestedCents !== undefined ? ` (${money(d.requestedCents)})` : ''} – <Deadline date={d.decisionDeadline} daysRemaining={d.daysRemaining} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
