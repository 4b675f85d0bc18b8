// SPDX-License-Identifier: EUPL-1.2
// Input rules and authorization shared by the people routes and commands. Every failure is an
// AppError with a stable code and a Dutch message; nothing here touches the database.
import { can, decideRoleAssignment, type AreaLineage } from '../../core/access/policy.js';
import { teamRoles, type Capability, type RoleKey } from '../../core/access/roles.js';
import { AppError, conflict, forbidden, invalid, type LocalizedText } from '../errors.js';
import type { SignedInActor } from '../http/context.js';
import type { MunicipalitySettings } from '../municipalities/settings.js';
import { isRoleKey, roleKeys, roleLabel } from './roles.js';

/** What a command needs to know about who asks, for the audit trail. */
export interface CommandContext {
  municipalityId: string;
  actor: { personId: string | null; label: string };
  requestId: string;
}

// ---- Input ------------------------------------------------------------------------------------

/**
 * The same error, tied to one field of the request body: `field`, and `errors` in the shape of a
 * schema validation problem ([{ path: '/email', message }]) so forms can mark the field.
 */
export function onField(field: string, error: AppError): AppError {
  return new AppError(error.code, error.status, error.text, { ...error.details, field, errors: [{ path: `/${field}`, message: error.text.nl }] });
}

/** Trimmed, inner whitespace collapsed; empty → 422. */
export function cleanName(value: string, what: LocalizedText): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) {
    throw onField('name', invalid('name_required', { nl: `Vul ${what.nl} in.`, en: `Fill in ${what.en}.` }));
  }
  return name;
}

export function cleanEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw onField(
      'email',
      invalid('email_invalid', { nl: `"${value.trim()}" is geen geldig e-mailadres.`, en: `"${value.trim()}" is not a valid email address.` }),
    );
  }
  return email;
}

export const minimumPasswordLength = 12;

export function checkPassword(password: string): void {
  if ([...password].length < minimumPasswordLength) {
    throw onField(
      'password',
      invalid('password_too_short', {
        nl: `Het wachtwoord moet minstens ${minimumPasswordLength} tekens lang zijn.`,
        en: `The password must be at least ${minimumPasswordLength} characters long.`,
      }),
    );
  }
}

/** A real calendar date in YYYY-MM-DD form (2024-02-30 is refused). */
export function checkDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!parsed || parsed.toISOString().slice(0, 10) !== value) {
    throw onField(field, invalid('date_invalid', { nl: `"${value}" is geen geldige datum (JJJJ-MM-DD).`, en: `"${value}" is not a valid date (YYYY-MM-DD).` }));
  }
  return value;
}

export function parseRole(value: string): RoleKey {
  if (!isRoleKey(value)) {
    throw onField(
      'role',
      invalid(
        'role_unknown',
        {
          nl: `"${value}" is geen bekende rol. Kies uit: ${roleKeys.join(', ')}.`,
          en: `"${value}" is not a known role. Choose from: ${roleKeys.join(', ')}.`,
        },
        { allowed: [...roleKeys] },
      ),
    );
  }
  return value;
}

export function personNotFound(): AppError {
  return onField(
    'personId',
    new AppError('not_found', 404, { nl: 'Deze persoon bestaat niet in deze gemeente.', en: 'This person does not exist in this municipality.' }),
  );
}

export function areaNotFound(): AppError {
  return onField(
    'areaId',
    new AppError('not_found', 404, { nl: 'Dit gebied bestaat niet in deze gemeente.', en: 'This area does not exist in this municipality.' }),
  );
}

export function assignmentNotFound(): AppError {
  return new AppError('not_found', 404, {
    nl: 'Deze roltoewijzing bestaat niet in deze gemeente.',
    en: 'This role assignment does not exist in this municipality.',
  });
}

export function organisationNotFound(): AppError {
  return onField(
    'organisationId',
    new AppError('not_found', 404, { nl: 'Deze organisatie bestaat niet in deze gemeente.', en: 'This organisation does not exist in this municipality.' }),
  );
}

export function emailTaken(email: string): AppError {
  return onField(
    'email',
    conflict('person_email_taken', {
      nl: `Er is in deze gemeente al een persoon met het e-mailadres ${email}.`,
      en: `A person with the email address ${email} already exists in this municipality.`,
    }),
  );
}

/** A unique index refused the row (PostgreSQL 23505), possibly wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

// ---- Authorization ----------------------------------------------------------------------------

export function canManagePeople(actor: SignedInActor, rootLineage: AreaLineage): boolean {
  return can(actor, 'people.manage', rootLineage);
}

/** Assigning or ending `role` on the area with this lineage: allowed, 403 naming the rule, or 404. */
export function authorizeRoleAssignment(
  actor: SignedInActor,
  role: RoleKey,
  lineage: AreaLineage,
  settings: Pick<MunicipalitySettings, 'roleLabels'>,
  hidden: () => AppError = areaNotFound,
): void {
  const decision = decideRoleAssignment(actor, role, lineage);
  if (decision === 'allow') return;
  if (decision === 'hide') throw hidden();
  const label = roleLabel(settings, role);
  const isTeamRole = teamRoles.includes(role);
  const rule: Capability = isTeamRole ? 'team.assign' : 'roles.assign';
  const team = teamRoles.map((r) => roleLabel(settings, r));
  const mayAssignTeam = can(actor, 'team.assign', lineage);
  const admin = roleLabel(settings, 'beheerder');
  throw forbidden(
    {
      nl:
        isTeamRole || !mayAssignTeam
          ? `Uw rol in dit gebied geeft geen recht om de rol ${label.nl} toe te kennen of te beëindigen (${rule}).`
          : `Alleen een ${admin.nl} kan de rol ${label.nl} toekennen of beëindigen (${rule}). In dit gebied kunt u teamrollen toekennen: ${team.map((t) => t.nl).join(', ')}.`,
      en:
        isTeamRole || !mayAssignTeam
          ? `Your role in this area does not allow assigning or ending the role ${label.en} (${rule}).`
          : `Only an ${admin.en} can assign or end the role ${label.en} (${rule}). In this area you can assign team roles: ${team.map((t) => t.en).join(', ')}.`,
    },
    { rule, role },
  );
}
