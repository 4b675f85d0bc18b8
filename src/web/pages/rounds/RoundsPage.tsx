// SPDX-License-Identifier: EUPL-1.2
// /gemeente/:code/rondes: the municipality's neighbourhood budget rounds. Public (published rounds);
// staff who manage rounds also see their drafts.
import { Heading, Paragraph } from '../../components/ads.js';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, useDocumentTitle } from '../../components/Layout.js';
import { useI18n } from '../../i18n/i18n.js';
import { useApi } from '../../api/use-api.js';
import type { Round } from '../../api/types.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { actorHasCapability, useSession } from '../../session.js';
import { itemsOf, roundPath, roundsApi, useMoney } from './round-shared.js';

export function RoundsPage() {
  const { t, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const { actor } = useSession();
  const money = useMoney();
  const staff = actorHasCapability(actor, municipality.code, 'round.manage');
  const list = useApi<Round[] | { items: Round[] }>(roundsApi(municipality.code, !staff));
  useDocumentTitle(t('rounds.heading'));

  const rounds = itemsOf(list.data);
  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('rounds.heading')}
      </Heading>
      <Paragraph className="ams-mb-l">{t('rounds.intro', { name: municipality.theme.displayName })}</Paragraph>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading ? <Loading /> : null}
      {!list.loading && !list.error && rounds.length === 0 ? <Paragraph>{t('rounds.none')}</Paragraph> : null}
      {rounds.length > 0 ? (
        <ul className="ww-round-list">
          {rounds.map((r) => {
            const total = r.areas.reduce((sum, a) => sum + a.budgetCents, 0);
            return (
              <li key={r.id} className="ww-round-card">
                <Heading level={2} size="level-3" className="ams-mb-xs">
                  <AppLink to={roundPath(municipality.code, r.id)}>{r.name}</AppLink>
                </Heading>
                <p className="ww-round-card__status">
                  <span className={`ww-badge ww-badge--${r.status}`}>{t(`rounds.status.${r.status}`)}</span>
                </p>
                <p className="ww-round-card__meta">
                  {r.areas.map((a) => a.areaName).join(', ')} · {t('rounds.budgetTotal', { amount: money(total) })}
                </p>
                <p className="ww-round-card__meta">{t('rounds.votingDates', { from: date(r.phases.votingFrom), to: date(r.phases.votingTo) })}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export default RoundsPage;
