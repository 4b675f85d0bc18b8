// SPDX-License-Identifier: EUPL-1.2
// Role names as people read them. Keys and capabilities are fixed (src/core/access/roles.ts); the
// words are the municipality's own (settings.roleLabels), falling back to these defaults.
import { roleCapabilities, roleKeys, type Capability, type RoleKey } from '../../core/access/roles.js';
import type { LocalizedText } from '../errors.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';

export { roleKeys, type RoleKey } from '../../core/access/roles.js';

export const defaultRoleLabels: Record<RoleKey, LocalizedText> = {
  wijkwethouder: { nl: 'wijkwethouder', en: 'alderman for the area' },
  wijkregisseur: { nl: 'wijkregisseur', en: 'area manager' },
  wijkwerker: { nl: 'wijkwerker', en: 'community worker' },
  accounthouder: { nl: 'accounthouder', en: 'departmental contact' },
  partner: { nl: 'wijkteampartner', en: 'partner' },
  onderzoeker: { nl: 'onderzoeker', en: 'researcher' },
  controller: { nl: 'controller', en: 'controller' },
  raadslid: { nl: 'raadslid', en: 'council member' },
  beheerder: { nl: 'beheerder', en: 'administrator' },
};

export function isRoleKey(value: string): value is RoleKey {
  return (roleKeys as readonly string[]).includes(value);
}

/** The words this municipality uses for a role. */
export function roleLabel(settings: Pick<MunicipalitySettings, 'roleLabels'>, role: RoleKey): LocalizedText {
  return settings.roleLabels[role] ?? defaultRoleLabels[role];
}

export interface RoleDescription {
  key: RoleKey;
  label: LocalizedText;
  capabilities: Capability[];
}

export function describeRoles(settings: Pick<MunicipalitySettings, 'roleLabels'>): RoleDescription[] {
  return roleKeys.map((key) => ({ key, label: roleLabel(settings, key), capabilities: [...roleCapabilities[key]] }));
}
