// SPDX-License-Identifier: EUPL-1.2
// What the budget round pages share: API addresses, loading a round, money in the reader's language,
// the breadcrumb back to the round, and the phase timeline.
import type { ReactNode } from 'react';
import { Breadcrumb, Heading } from '../../components/ads.js';
import { HrefLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { useI18n } from '../../i18n/i18n.js';
import { useApi } from '../../api/use-api.js';
import type { Round, RoundPhases, RoundStatus } from '../../api/types.js';
import { formatCents } from '../../../core/money.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { actorHasCapability, useSession } from '../../session.js';
import './rounds.css';

/** API base of a municipality's rounds; `publicPart` for the routes that need no sign-in. */
export function roundsApi(code: string, publicPart = false): string {
  return `/api/municipalities/${code}${publicPart ? '/public' : ''}/rounds`;
}

/** Web path of a round page, e.g. roundPath('GM0983', id, 'stemmen'). */
export function roundPath(code: string, roundId?: string, sub?: 'idee' | 'stemmen' | 'uitslag' | 'beheer'): string {
  return [`/gemeente/${code}/rondes`, roundId, sub].filter(Boolean).join('/');
}

/** List routes answer `{ items }`; a bare array is accepted too. */
export function itemsOf<T>(data: T[] | { items: T[] } | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}

/** Formats cents as euros in the reader's language. */
export function useMoney(): (cents: number) => string {
  const { lang } = useI18n();
  return (cents) => formatCents(cents, lang, { nonBreakingSpace: true });
}

/**
 * The round: for staff who manage rounds the staff address (drafts too), for everyone else the public
 * one (no sign-in needed; abilities follow the session).
 */
export function useRound(code: string, roundId: string | undefined) {
  const { actor } = useSession();
  const staff = actorHasCapability(actor, code, 'round.manage');
  return useApi<Round>(roundId ? `${roundsApi(code, !staff)}/${roundId}` : null);
}

/** Renders the round once loaded; the API's error (404 for a draft or unknown round) otherwise. */
export function WithRound({ roundId, children }: { roundId: string | undefined; children: (round: Round, reload: () => void) => ReactNode }) {
  const municipality = useRequiredMunicipality();
  const round = useRound(municipality.code, roundId);
  if (round.error)
    return (
      <div className="ww-container">
        <LoadError error={round.error} onRetry={round.reload} />
      </div>
    );
  if (!round.data) return <Loading />;
  return <>{children(round.data, round.reload)}</>;
}

/** Breadcrumb (rounds > this round) and the page's one h1; sets the document title. */
export function RoundPageHeading({ round, title }: { round: Round; title?: string }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  useDocumentTitle(title ? `${title} – ${round.name}` : round.name);
  return (
    <>
      <Breadcrumb accessibleName={t('area.breadcrumb')} className="ams-mb-m">
        <Breadcrumb.Link linkComponent={HrefLink} href={roundPath(municipality.code)}>
          {t('rounds.heading')}
        </Breadcrumb.Link>
        {title ? (
          <Breadcrumb.Link linkComponent={HrefLink} href={roundPath(municipality.code, round.id)}>
            {round.name}
          </Breadcrumb.Link>
        ) : null}
      </Breadcrumb>
      <Heading level={1} className="ams-mb-s">
        {title ?? round.name}
      </Heading>
    </>
  );
}

export type PhaseStep = 'ideas' | 'checking' | 'voting' | 'results' | 'execution';
export const phaseSteps: readonly PhaseStep[] = ['ideas', 'checking', 'voting', 'results', 'execution'];

/** Where a round stands on the timeline: steps before `position` are done, the one at it is current. */
export function phasePosition(status: RoundStatus): number {
  switch (status) {
    case 'draft':
      return -1;
    case 'ideas':
      return 0;
    case 'checking':
      return 1;
    case 'voting':
      return 2;
    case 'closed':
      // Voting is over, results not yet published: between the two steps.
      return 2.5;
    case 'results':
      return 3;
    case 'execution':
      return 4;
  }
}

/** The dates of a step, from and to (inclusive calendar days); a step may have only a start. */
export function stepDates(step: PhaseStep, phases: RoundPhases): { from?: string; to?: string } {
  switch (step) {
    case 'ideas':
      return { from: phases.ideasFrom, to: phases.ideasTo };
    case 'checking':
      return { from: nextDay(phases.ideasTo), to: phases.checkTo };
    case 'voting':
      return { from: phases.votingFrom, to: phases.votingTo };
    case 'results':
      return { from: phases.resultsFrom };
    case 'execution':
      return {};
  }
}

/** The calendar day after an ISO date (no time zones: pure date arithmetic in UTC). */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The phases as an ordered list: done, current (aria-current="step") and coming steps with their dates. */
export function PhaseTimeline({ round }: { round: Round }) {
  const { t, date } = useI18n();
  const position = phasePosition(round.status);
  return (
    <ol className="ww-timeline" aria-label={t('rounds.timeline')}>
      {phaseSteps.map((step, index) => {
        const state = index < position ? 'done' : index === position ? 'current' : 'upcoming';
        const { from, to } = stepDates(step, round.phases);
        const when = from && to ? t('rounds.fromTo', { from: date(from), to: date(to) }) : from ? t('rounds.from', { from: date(from) }) : '';
        return (
          <li key={step} className={`ww-timeline__step ww-timeline__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="ww-timeline__marker" aria-hidden="true" />
            <span className="ww-timeline__text">
              <span className="ww-timeline__name">{t(`rounds.phase.${step}`)}</span>
              <span className="ams-visually-hidden"> ({t(`rounds.stepState.${state}`)})</span>
              {when ? <span className="ww-timeline__dates">{when}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
