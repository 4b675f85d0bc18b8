// SPDX-License-Identifier: EUPL-1.2
// Shared bits of the administration pages.
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Heading, Paragraph } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { useRequiredMunicipality } from '../municipality.js';
import { AppLink } from '../components/AppLink.js';

/** Administration needs a session in this municipality; otherwise a way to sign in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { actor } = useSession();
  const municipality = useRequiredMunicipality();
  const location = useLocation();
  if (actor && actor.municipality === municipality.code) return <>{children}</>;
  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('app.signIn')}
      </Heading>
      <Paragraph>
        {t('admin.signInFirst')}{' '}
        <AppLink to={`/inloggen?gemeente=${municipality.code}&terug=${encodeURIComponent(location.pathname)}`}>{t('app.signIn')}</AppLink>
      </Paragraph>
    </div>
  );
}

/** List endpoints answer `{ items, abilities }`; accept a bare array too. */
export function listItems<T>(data: { items: T[]; abilities?: string[] } | T[]): { items: T[]; abilities: string[] } {
  if (Array.isArray(data)) return { items: data, abilities: [] };
  return { items: data.items, abilities: data.abilities ?? [] };
}
