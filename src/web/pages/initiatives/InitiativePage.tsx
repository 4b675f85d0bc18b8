// SPDX-License-Identifier: EUPL-1.2
// One initiative: its status, the decision deadline, the decision with its motivation and letter,
// the money, the application itself and a timeline of every step. Staff (and the applicant, for a
// draft or a final account) see the steps the server allows them now (`allowedActions`).
// /initiatieven/:id (the address in the mails) leads here with the session's municipality.
import type { ReactNode } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { DescriptionList, Heading, Paragraph, Table } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useMunicipality, useRequiredMunicipality } from '../../municipality.js';
import { useSession } from '../../session.js';
import { useApi } from '../../api/use-api.js';
import type { InitiativeDetail, MoneyLine } from '../../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { AppLink } from '../../components/AppLink.js';
import { Notice } from '../../components/forms.js';
import { useMoney } from '../budgets/money.js';
import { Deadline, initiativePath, StatusText, useFlash } from './common.js';
import { StepActions } from './StepActions.js';
import { AttachmentsSection } from './Attachments.js';

/** /initiatieven/:id: to the page under the session's municipality, or to sign-in and back. */
export function InitiativeRedirect() {
  const { initiativeId = '' } = useParams();
  const { actor } = useSession();
  const municipality = useMunicipality();
  if (actor) return <Navigate replace to={initiativePath(actor.municipality, initiativeId)} />;
  const params = new URLSearchParams({ ...(municipality ? { gemeente: municipality.code } : {}), terug: `/initiatieven/${initiativeId}` });
  return <Navigate replace to={`/inloggen?${params.toString()}`} />;
}

export default function InitiativePage() {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const location = useLocation();
  const { initiativeId = '' } = useParams();
  const signedIn = actor !== null && actor.municipality === municipality.code;
  const base = `/api/municipalities/${municipality.code}`;
  const initiative = useApi<InitiativeDetail>(signedIn ? `${base}/initiatives/${initiativeId}` : null);
  const money = useMoney();
  const submitted = useFlash('submitted') === true;
  useDocumentTitle(initiative.data?.title ?? t('initiative.heading'));

  if (!signedIn) return <Navigate replace to={`/inloggen?gemeente=${municipality.code}&terug=${encodeURIComponent(location.pathname)}`} />;
  if (initiative.error)
    return (
      <div className="ww-container">
        <LoadError error={initiative.error} onRetry={initiative.reload} />
      </div>
    );
  if (!initiative.data) return <Loading />;
  const i = initiative.data;
  const letterUrl = (id: string) => `${base}/initiatives/${i.id}/letters/${id}`;

  return (
    <div className="ww-container">
      <p className="ams-mb-s">
        <AppLink to={`/gemeente/${municipality.code}/initiatieven`}>{t('initiative.back')}</AppLink>
      </p>
      <Heading level={1} className="ams-mb-s">
        {i.title}
      </Heading>
      <Paragraph size="large" className="ams-mb-m">
        {t('initiative.reference', { reference: i.reference })} · <StatusText status={i.status} />
      </Paragraph>
      {submitted ? (
        <Notice kind="success" heading={t('initiative.submittedHeading')}>
          {t('initiative.submittedBody')}
        </Notice>
      ) : null}

      <section className="ww-section" aria-labelledby="stand">
        <Heading level={2} id="stand" className="ams-mb-s">
          {t('initiative.state')}
        </Heading>
        <DescriptionList termsWidth="medium">
          <DescriptionList.Term>{t('initiative.status')}</DescriptionList.Term>
          <DescriptionList.Description>
            <StatusText status={i.status} />
          </DescriptionList.Description>
          <DescriptionList.Term>{t('initiative.area')}</DescriptionList.Term>
          <DescriptionList.Description>{i.area.name ?? '–'}</DescriptionList.Description>
          {i.submittedOn ? <Fact term={t('initiative.submittedOn')}>{date(i.submittedOn)}</Fact> : null}
          {i.decisionDeadline ? (
            <Fact term={t('initiative.deadline')}>
              <Deadline date={i.decisionDeadline} daysRemaining={i.daysRemaining} />
            </Fact>
          ) : null}
          <DescriptionList.Term>{t('initiative.requested')}</DescriptionList.Term>
          <DescriptionList.Description>{money(i.requestedCents)}</DescriptionList.Description>
          {i.grantedCents !== null ? <Fact term={t('initiative.granted')}>{money(i.grantedCents)}</Fact> : null}
          {i.reservedCents > 0 ? <Fact term={t('initiative.reserved')}>{money(i.reservedCents)}</Fact> : null}
          {i.paidCents > 0 ? <Fact term={t('initiative.paid')}>{money(i.paidCents)}</Fact> : null}
          {i.settledCents !== null ? <Fact term={t('initiative.settled')}>{money(i.settledCents)}</Fact> : null}
        </DescriptionList>
      </section>

      {i.decision ? (
        <section className="ww-section" aria-labelledby="besluit">
          <Heading level={2} id="besluit" className="ams-mb-s">
            {t('initiative.decision')}
          </Heading>
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('initiative.decision')}</DescriptionList.Term>
            <DescriptionList.Description>{t(`initiative.decision.${i.decision}`)}</DescriptionList.Description>
            {i.decidedOn ? (
              <Fact term={t('initiative.decidedOn')}>
                {date(i.decidedOn)}
                {i.decidedAs ? ` (${i.decidedAs})` : ''}
              </Fact>
            ) : null}
            {i.collegeDecision ? (
              <Fact term={t('initiative.collegeDecision')}>
                {t('initiative.collegeDecisionText', { date: date(i.collegeDecision.decidedOn), number: i.collegeDecision.number ?? '–' })}
              </Fact>
            ) : null}
            <DescriptionList.Term>{t('initiative.motivation')}</DescriptionList.Term>
            <DescriptionList.Description>{i.motivation ?? '–'}</DescriptionList.Description>
          </DescriptionList>
        </section>
      ) : null}

      {i.letters.length > 0 ? (
        <section className="ww-section" aria-labelledby="brieven">
          <Heading level={2} id="brieven" className="ams-mb-s">
            {t('initiative.letters')}
          </Heading>
          <ul className="ww-link-list">
            {i.letters.map((l) => (
              <li key={l.id}>
                <a className="ams-link" href={letterUrl(l.id)}>
                  {t('initiative.letter', { date: date(l.createdAt) })}
                </a>{' '}
                <span className="ww-muted">({l.mediaType.includes('pdf') ? 'PDF' : 'HTML'})</span>
              </li>
            ))}
            {i.decision ? (
              <li>
                <a className="ams-link" href={`${base}/initiatives/${i.id}/letter.pdf`}>
                  {t('initiative.letterPdf')}
                </a>{' '}
                <span className="ww-muted">(PDF)</span>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <StepActions initiative={i} onDone={initiative.reload} />

      <AttachmentsSection initiative={i} onChanged={initiative.reload} />

      <section className="ww-section" aria-labelledby="verloop">
        <Heading level={2} id="verloop" className="ams-mb-s">
          {t('initiative.timeline')}
        </Heading>
        {i.steps.length === 0 ? (
          <Paragraph>{t('initiative.noSteps')}</Paragraph>
        ) : (
          <ol className="ww-plain-list ww-timeline">
            {i.steps.map((s, n) => (
              <li key={n} className="ams-mb-s">
                <strong>{date(s.on)}</strong> – {t('initiative.stepTo', { status: t(`initiatives.status.${s.to}`) })}
                <span className="ww-muted"> ({s.by})</span>
                {s.note ? <div>{s.note}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {i.advice.length > 0 ? (
        <section className="ww-section" aria-labelledby="adviezen">
          <Heading level={2} id="adviezen" className="ams-mb-s">
            {t('initiative.advice')}
          </Heading>
          <ul className="ww-plain-list">
            {i.advice.map((a) => (
              <li key={a.id} className="ams-mb-s">
                <strong>{t(`advice.recommendation.${a.recommendation as 'positive' | 'negative' | 'neutral'}`)}</strong>{' '}
                <span className="ww-muted">
                  ({a.author}, {date(a.createdAt)})
                </span>
                <div>{a.text}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="ww-section" aria-labelledby="aanvraag">
        <Heading level={2} id="aanvraag" className="ams-mb-s">
          {t('initiative.application')}
        </Heading>
        {i.abilities.editDraft ? (
          <p className="ams-mb-s">
            <AppLink to={`/gemeente/${municipality.code}/initiatieven/${i.id}/wijzigen`}>{t('initiative.editDraft')}</AppLink>
          </p>
        ) : null}
        <DescriptionList termsWidth="medium" className="ams-mb-m">
          <DescriptionList.Term>{t('initiative.description')}</DescriptionList.Term>
          <DescriptionList.Description>{i.description || '–'}</DescriptionList.Description>
          <DescriptionList.Term>{t('application.purpose')}</DescriptionList.Term>
          <DescriptionList.Description>{i.purpose ? purposeLabel(i.purpose, t) : '–'}</DescriptionList.Description>
          <DescriptionList.Term>{t('initiative.applicant')}</DescriptionList.Term>
          <DescriptionList.Description>{i.groupName ?? i.contactName}</DescriptionList.Description>
          <DescriptionList.Term>{t('initiative.planned')}</DescriptionList.Term>
          <DescriptionList.Description>
            {i.plannedStart ? date(i.plannedStart) : '–'} – {i.plannedEnd ? date(i.plannedEnd) : '–'}
          </DescriptionList.Description>
          <DescriptionList.Term>{t('initiative.ownContribution')}</DescriptionList.Term>
          <DescriptionList.Description>{money(i.ownContributionCents)}</DescriptionList.Description>
          {i.cofunders.map((c) => (
            <DescriptionList.Description key={c.name}>
              {c.name}: {money(c.amountCents)}
            </DescriptionList.Description>
          ))}
        </DescriptionList>
        <LinesTable lines={i.costLines} caption={t('application.costLines')} total={i.totalCostCents} />
        {i.actualCosts ? (
          <>
            <Heading level={3} className="ams-mb-s">
              {t('initiative.actualCosts')}
            </Heading>
            <LinesTable lines={i.actualCosts.lines} caption={t('initiative.actualCosts')} total={i.actualCosts.totalCents} />
            {i.results ? <Paragraph>{i.results}</Paragraph> : null}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** A term and its description, for the facts shown only when they apply. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <DescriptionList.Term>{term}</DescriptionList.Term>
      <DescriptionList.Description>{children}</DescriptionList.Description>
    </>
  );
}

function purposeLabel(purpose: string, t: ReturnType<typeof useI18n>['t']): string {
  return purpose === 'liveability' || purpose === 'social_cohesion' || purpose === 'physical_environment' ? t(`application.purpose.${purpose}`) : purpose;
}

function LinesTable({ lines, caption, total }: { lines: MoneyLine[]; caption: string; total: number }) {
  const { t } = useI18n();
  const money = useMoney();
  if (lines.length === 0) return null;
  return (
    <div className="ww-table-scroll ams-mb-m">
      <Table className="ww-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('application.costText')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('application.costAmount')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {lines.map((l, n) => (
            <Table.Row key={n}>
              <Table.Cell data-label={t('application.costText')}>{l.description}</Table.Cell>
              <Table.Cell data-label={t('application.costAmount')}>{money(l.amountCents)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.Cell data-label={t('application.costText')}>
              <strong>{t('initiative.totalCost')}</strong>
            </Table.Cell>
            <Table.Cell data-label={t('application.costAmount')}>
              <strong>{money(total)}</strong>
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
}
