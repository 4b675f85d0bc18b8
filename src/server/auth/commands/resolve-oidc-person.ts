// SPDX-License-Identifier: EUPL-1.2
// Who signs in with OpenID Connect: the person of the municipality with that subject; or else the
// person with the provider's *verified* email address, whose subject is then stored (audited as
// person.link_oidc). Nobody else: staff accounts are made by the beheerder, and an unknown person
// is refused; there is no self-registration for staff.
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../../audit/audit.js';
import { findPersonByEmail, findPersonByOidcSubject, setOidcSubject, type SigningInPerson } from '../sign-in-queries.js';
import { normalizeEmail } from './request-email-link.js';

export function oidcUnknownPerson(): AppError {
  return new AppError('oidc_unknown_person', 403, {
    nl: 'U bent ingelogd bij de inlogdienst van de gemeente, maar er is in Wijkwijs geen account voor u. Accounts voor medewerkers worden aangemaakt door de beheerder van uw gemeente; vraag de beheerder om een account.',
    en: "You signed in at the municipality's sign-in service, but there is no Wijkwijs account for you. Staff accounts are created by your municipality's administrator; ask them for an account.",
  });
}

function subjectMismatch(): AppError {
  return new AppError('oidc_subject_mismatch', 403, {
    nl: 'Het account in Wijkwijs met dit e-mailadres is al gekoppeld aan een ander account bij de inlogdienst. Neem contact op met de beheerder van uw gemeente.',
    en: "The Wijkwijs account with this email address is already linked to another account at the sign-in service. Contact your municipality's administrator.",
  });
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export async function resolveOidcPerson(db: Db, input: { municipalityId: string; identity: OidcIdentity; requestId: string }): Promise<SigningInPerson> {
  const { municipalityId, identity } = input;
  return db.transaction(async (tx) => {
    const bySubject = await findPersonByOidcSubject(tx, municipalityId, identity.subject);
    if (bySubject) return bySubject;
    if (!identity.email || !identity.emailVerified) throw oidcUnknownPerson();
    const byEmail = await findPersonByEmail(tx, municipalityId, normalizeEmail(identity.email));
    if (!byEmail) throw oidcUnknownPerson();
    if (byEmail.oidcSubject !== null || !(await setOidcSubject(tx, municipalityId, byEmail.id, identity.subject))) throw subjectMismatch();
    await recordAudit(tx, {
      municipalityId,
      actor: { personId: byEmail.id, label: byEmail.name },
      action: 'person.link_oidc',
      entityType: 'person',
      entityId: byEmail.id,
      before: { oidcSubject: null },
      after: { oidcSubject: identity.subject },
      reason: 'Eerste keer ingelogd via de inlogdienst van de gemeente; gekoppeld op het geverifieerde e-mailadres',
      requestId: input.requestId,
    });
    return { ...byEmail, oidcSubject: identity.subject };
  });
}
