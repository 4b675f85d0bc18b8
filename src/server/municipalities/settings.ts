// SPDX-License-Identifier: EUPL-1.2
// Per-municipality configuration, validated against this schema whenever it is written or loaded.
// The JSON Schema is served at /api/municipality-settings.schema.json for administrators' tooling.
import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import { roleKeys } from '../../core/access/roles.js';
import { invalid } from '../errors.js';

const Localized = Type.Object({ nl: Type.String({ minLength: 1, maxLength: 80 }), en: Type.String({ minLength: 1, maxLength: 80 }) });
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });

export const MunicipalitySettingsSchema = Type.Object(
  {
    theme: Type.Object({
      /** Main brand colour; text on it must reach WCAG AA contrast (checked on write). */
      primaryColor: Colour,
      /** Optional SVG logo (inline markup, sanitised on render) or an absolute https URL. */
      logoSvg: Type.Optional(Type.String({ maxLength: 50_000 })),
      /** Name shown beside the logo. */
      displayName: Type.String({ minLength: 1, maxLength: 80 }),
    }),
    /** Own words for roles, e.g. { wijkregisseur: { nl: 'wijkmakelaar', en: 'neighbourhood broker' } }. */
    roleLabels: Type.Partial(Type.Object(Object.fromEntries(roleKeys.map((k) => [k, Localized])) as Record<(typeof roleKeys)[number], typeof Localized>)),
    /** OpenID Connect sign-in for staff (the municipality's identity provider or a DigiD/eHerkenning broker). */
    oidc: Type.Optional(
      Type.Object({
        issuer: Type.String({ minLength: 1 }),
        clientId: Type.String({ minLength: 1 }),
        clientSecret: Type.String({ minLength: 1 }),
        label: Type.String({ minLength: 1, maxLength: 80 }),
        scopes: Type.Optional(Type.String()),
        /** Only for tests and development against a local provider over http. */
        allowInsecure: Type.Optional(Type.Boolean()),
      }),
    ),
    /** Residents may sign in with a one-time email link. */
    residentEmailSignIn: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MunicipalitySettings = Static<typeof MunicipalitySettingsSchema>;

export function defaultSettings(name: string): MunicipalitySettings {
  return { theme: { primaryColor: '#1f4e79', displayName: `Gemeente ${name}` }, roleLabels: {}, residentEmailSignIn: true };
}

export function validateSettings(value: unknown): MunicipalitySettings {
  if (Value.Check(MunicipalitySettingsSchema, value)) {
    const contrast = contrastWithWhite(value.theme.primaryColor);
    if (contrast < 4.5) {
      throw invalid('settings_contrast', {
        nl: `De hoofdkleur heeft te weinig contrast met witte tekst (${contrast.toFixed(2)}:1, minimaal 4,5:1 voor WCAG 2.1 AA).`,
        en: `The primary colour has too little contrast with white text (${contrast.toFixed(2)}:1, at least 4.5:1 for WCAG 2.1 AA).`,
      });
    }
    return value;
  }
  const errors = [...Value.Errors(MunicipalitySettingsSchema, value)].slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw invalid(
    'settings_invalid',
    { nl: `Ongeldige gemeente-instellingen: ${errors.join('; ')}`, en: `Invalid municipality settings: ${errors.join('; ')}` },
    { errors },
  );
}

/** WCAG relative-luminance contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}
