// SPDX-License-Identifier: EUPL-1.2
// Small parts the initiative pages share: where an initiative's page is, its status as text, the
// deadline with the days left, and the sign-in prompt that brings the reader back here.
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Paragraph } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import type { InitiativeStatus } from '../../api/types.js';

export const initiativePath = (code: string, id: string) => `/gemeente/${code}/initiatieven/${id}`;

export function StatusText({ status }: { status: InitiativeStatus }) {
  const { t } = useI18n();
  return <span>{t(`initiatives.status.${status}`)}</span>;
}

/** "12 januari 2027 (nog 5 dagen)" or "(3 dagen te laat)". */
export function Deadline({ date, daysRemaining }: { date: string | null; daysRemaining: number | null }) {
  const { t, date: formatDate } = useI18n();
  if (!date) return <>–</>;
  if (daysRemaining === null) return <>{formatDate(date)}</>;
  return (
    <>
      {formatDate(date)}{' '}
      {daysRemaining < 0 ? (
        <strong>({t('initiatives.daysLate', { days: -daysRemaining })})</strong>
      ) : (
        <span className="ww-muted">({t('initiatives.daysLeft', { days: daysRemaining })})</span>
      )}
    </>
  );
}

/** The sign-in link that returns to the page the reader is on. */
export function SignInFirst({ code, text }: { code: string; text: string }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Paragraph className="ams-mb-m">
      {text}{' '}
      <Link className="ams-link" to={`/inloggen?gemeente=${code}&terug=${encodeURIComponent(location.pathname)}`}>
        {t('app.signIn')}
      </Link>
    </Paragraph>
  );
}

/**
 * A one-time message handed over in the navigation state (e.g. "saved"): read once, then removed
 * from the history entry, so a reload does not announce it again.
 */
export function useFlash(key: string): unknown {
  const location = useLocation();
  const navigate = useNavigate();
  const [value] = useState<unknown>(() => (location.state as Record<string, unknown> | null)?.[key]);
  const present = (location.state as Record<string, unknown> | null)?.[key] !== undefined;
  useEffect(() => {
    if (present) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [present, navigate, location.pathname, location.search]);
  return value;
}
