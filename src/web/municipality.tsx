// SPDX-License-Identifier: EUPL-1.2
// The municipality whose pages are shown: its theme (primary colour, name, logo) and role names.
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useApi } from './api/use-api.js';
import type { ListResponse, Municipality, RoleInfo } from './api/types.js';
import { useI18n } from './i18n/i18n.js';
import { useSession } from './session.js';

const MunicipalityContext = createContext<Municipality | null>(null);

export function MunicipalityProvider({ municipality, children }: { municipality: Municipality | null; children: ReactNode }) {
  useTheme(municipality);
  return <MunicipalityContext.Provider value={municipality}>{children}</MunicipalityContext.Provider>;
}

/** The current municipality, or null on pages outside one. */
export function useMunicipality(): Municipality | null {
  return useContext(MunicipalityContext);
}

/** The current municipality; for pages under /gemeente/:code, which render only once it is loaded. */
export function useRequiredMunicipality(): Municipality {
  const m = useContext(MunicipalityContext);
  if (!m) throw new Error('no municipality loaded');
  return m;
}

const colourPattern = /^#[0-9a-fA-F]{6}$/;

function useTheme(municipality: Municipality | null): void {
  const colour = municipality?.theme.primaryColor;
  useEffect(() => {
    const root = document.documentElement;
    if (colour && colourPattern.test(colour)) root.style.setProperty('--ww-color-primary', colour);
    else root.style.removeProperty('--ww-color-primary');
  }, [colour]);
}

/** The logo as an image: inline SVG markup becomes a data: URL (an <img> never runs scripts in it). */
export function logoSource(logo: string | undefined): string | null {
  if (!logo) return null;
  const trimmed = logo.trim();
  if (/^https:\/\/[^\s"'<>]+$/.test(trimmed)) return trimmed;
  if (/^<(\?xml|svg)[\s>]/i.test(trimmed)) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(trimmed)}`;
  return null;
}

/**
 * Role names as this municipality calls them (municipalities rename roles): from the roles endpoint,
 * else the municipality's own labels, else the role key itself.
 */
export function useRoleLabels(): { label: (role: string) => string; roles: RoleInfo[] } {
  const municipality = useMunicipality();
  const { lang } = useI18n();
  const { actor } = useSession();
  // The roles endpoint is for staff; without a session the municipality's own labels are used.
  const signedIn = actor !== null && actor.municipality === municipality?.code;
  const { data } = useApi<ListResponse<RoleInfo>>(municipality && signedIn ? `/api/municipalities/${municipality.code}/roles` : null, { cache: true });
  const roles = useMemo(() => data?.items ?? [], [data]);
  const label = useCallback(
    (role: string) => {
      const fromApi = roles.find((r) => r.key === role)?.label[lang];
      return fromApi ?? municipality?.roleLabels[role]?.[lang] ?? role;
    },
    [roles, municipality, lang],
  );
  return { label, roles };
}

/**
 * Whether this installation shows its mail outbox to the reader (development and demo installations
 * show it to everyone, so residents can follow their sign-in link; production only to a beheerder).
 */
export function useOutboxAvailable(code: string | undefined): boolean {
  const probe = useApi<unknown[]>(code ? `/api/municipalities/${code}/outbox` : null, { cache: true });
  return probe.data !== undefined && probe.error === undefined;
}
