// SPDX-License-Identifier: EUPL-1.2
import type { App } from '../http/app-type.js';
import { Type } from 'typebox';
import { listMunicipalities, loadMunicipality, type Municipality } from './queries.js';
import { MunicipalitySettingsSchema } from './settings.js';

const PublicMunicipality = Type.Object({
  code: Type.String(),
  name: Type.String(),
  theme: Type.Object({ primaryColor: Type.String(), displayName: Type.String(), logoSvg: Type.Optional(Type.String()) }),
  roleLabels: Type.Record(Type.String(), Type.Object({ nl: Type.String(), en: Type.String() })),
  signIn: Type.Object({ password: Type.Boolean(), emailLink: Type.Boolean(), oidc: Type.Union([Type.Null(), Type.Object({ label: Type.String() })]) }),
});

function present(m: Municipality) {
  return {
    code: m.code,
    name: m.name,
    theme: m.settings.theme,
    roleLabels: m.settings.roleLabels as Record<string, { nl: string; en: string }>,
    signIn: { password: true, emailLink: m.settings.residentEmailSignIn, oidc: m.settings.oidc ? { label: m.settings.oidc.label } : null },
  };
}

export function municipalityRoutes(app: App): void {
  app.get(
    '/api/municipalities',
    { schema: { tags: ['municipalities'], summary: 'Municipalities on this installation (public)', response: { 200: Type.Array(PublicMunicipality) } } },
    async () => (await listMunicipalities(app.services.db)).map(present),
  );
  app.get(
    '/api/municipalities/:code',
    {
      schema: {
        tags: ['municipalities'],
        summary: 'One municipality: theme, role names, sign-in options (public)',
        params: Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) }),
        response: { 200: PublicMunicipality },
      },
    },
    async (request) => present(await loadMunicipality(app.services.db, request.params.code)),
  );
  app.get('/api/municipality-settings.schema.json', { schema: { hide: true } }, async () => MunicipalitySettingsSchema);
}
