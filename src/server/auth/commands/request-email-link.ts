// SPDX-License-Identifier: EUPL-1.2
// A resident asks for a one-time sign-in link. Whatever the address, the caller learns nothing
// about it (the route answers the same way): a known resident and a new address both get a link
// (a new resident's person row is made only when the link is used, which proves the address); a
// staff address gets a mail explaining that staff sign in otherwise, and no link. Every request
// counts towards the hourly limit per address, so the limit itself reveals nothing either.
//
// Not audited: nothing in the municipality's records changes until the link is used, and an audit
// event per request would put addresses of people who never signed in into the append-only trail.
// The outbox row is the record of the mail.
import type { Db } from '../../db/client.js';
import type { Mailer, MailMessage } from '../../mail/mailer.js';
import type { Municipality } from '../../municipalities/queries.js';
import { AppError } from '../../errors.js';
import { hashToken, newToken } from '../tokens.js';
import {
  countRecentSignInTokens,
  deleteOldSignInTokens,
  findPersonByEmail,
  insertSignInToken,
  isStaffAccount,
  lockEmailForLinkRequest,
} from '../sign-in-queries.js';

export const EMAIL_LINK_TTL_MINUTES = 15;
export const EMAIL_LINKS_PER_HOUR = 5;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailLinkDisabled(): AppError {
  return new AppError('email_link_disabled', 403, {
    nl: 'Inloggen met een e-maillink is bij deze gemeente niet ingeschakeld.',
    en: 'Signing in with an email link is not enabled for this municipality.',
  });
}

function tooManyLinks(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    'email_link_rate_limited',
    429,
    {
      nl: `Er zijn het afgelopen uur al ${EMAIL_LINKS_PER_HOUR} inloglinks naar dit e-mailadres gestuurd. Gebruik de laatste link uit uw mail, of probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
      en: `${EMAIL_LINKS_PER_HOUR} sign-in links were already sent to this address in the past hour. Use the latest link in your mail, or try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
    { retryAfterSeconds },
  );
}

export interface RequestEmailLinkInput {
  municipality: Pick<Municipality, 'id' | 'name' | 'settings'>;
  email: string;
  /** Already made safe (same-origin relative path). */
  returnTo: string;
  publicUrl: string;
  now?: Date;
}

export async function requestEmailLink(db: Db, mailer: Mailer, input: RequestEmailLinkInput): Promise<void> {
  const { municipality } = input;
  if (!municipality.settings.residentEmailSignIn) throw emailLinkDisabled();
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    await lockEmailForLinkRequest(tx, municipality.id, email);
    const recent = await countRecentSignInTokens(tx, municipality.id, email, new Date(now.getTime() - 3_600_000));
    if (recent.count >= EMAIL_LINKS_PER_HOUR) {
      const oldest = recent.oldest ? new Date(recent.oldest).getTime() : now.getTime();
      throw tooManyLinks(Math.max(1, Math.ceil((oldest + 3_600_000 - now.getTime()) / 1000)));
    }
    await deleteOldSignInTokens(tx, municipality.id, new Date(now.getTime() - 24 * 3_600_000));
    const person = await findPersonByEmail(tx, municipality.id, email);
    const staff = person ? await isStaffAccount(tx, municipality.id, person.id) : false;
    const token = newToken();
    await insertSignInToken(tx, {
      tokenHash: hashToken(token),
      municipalityId: municipality.id,
      email,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + EMAIL_LINK_TTL_MINUTES * 60_000).toISOString(),
      // A staff request is counted but can never be used.
      usedAt: staff ? now.toISOString() : null,
    });
    const link = `${input.publicUrl}/api/auth/email-link/${token}${input.returnTo === '/' ? '' : `?returnTo=${encodeURIComponent(input.returnTo)}`}`;
    await mailer.send(tx, staff ? staffMail(municipality, email) : linkMail(municipality, email, link));
  });
}

function subject(municipality: { name: string }): string {
  return `Inloggen bij Wijkwijs — gemeente ${municipality.name}`;
}

function linkMail(municipality: { id: string; name: string }, to: string, link: string): MailMessage {
  return {
    municipalityId: municipality.id,
    to,
    subject: subject(municipality),
    body: [
      'Beste bewoner,',
      '',
      `Er is gevraagd om met dit e-mailadres in te loggen bij Wijkwijs van gemeente ${municipality.name}. Klik op deze link om in te loggen:`,
      '',
      link,
      '',
      `De link is ${EMAIL_LINK_TTL_MINUTES} minuten geldig en werkt één keer. Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; er gebeurt dan niets.`,
      '',
      '—',
      `English: someone asked to sign in to Wijkwijs (municipality of ${municipality.name}) with this address. Follow the link above within ${EMAIL_LINK_TTL_MINUTES} minutes to sign in; it works once. If this was not you, ignore this email.`,
    ].join('\n'),
  };
}

function staffMail(municipality: { id: string; name: string }, to: string): MailMessage {
  return {
    municipalityId: municipality.id,
    to,
    subject: subject(municipality),
    body: [
      'Beste medewerker,',
      '',
      `Er is gevraagd om met dit e-mailadres via een e-maillink in te loggen bij Wijkwijs van gemeente ${municipality.name}. Dit adres hoort bij een medewerkersaccount. Medewerkers loggen niet in met een e-maillink, maar met hun wachtwoord of via de inlogknop van de gemeente op de inlogpagina. Daarom zit er geen inloglink in deze e-mail.`,
      '',
      'Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren.',
      '',
      '—',
      `English: someone asked for an email sign-in link to Wijkwijs (municipality of ${municipality.name}) for this address. It belongs to a staff account; staff sign in with their password or the municipality's sign-in button, so this email contains no link. If this was not you, ignore this email.`,
    ].join('\n'),
  };
}
