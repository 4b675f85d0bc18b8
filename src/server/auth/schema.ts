// SPDX-License-Identifier: EUPL-1.2
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { people } from '../people/schema.js';

/** A signed-in session. Only a SHA-256 hash of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').$type<'password' | 'oidc' | 'email_link'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/** One-time sign-in links for residents (by email). Only the hash of the token is stored. */
export const signInTokens = pgTable('sign_in_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  email: text('email').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
});

/** OIDC authorisation requests in flight (state, nonce, PKCE verifier), consumed once. */
export const oidcRequests = pgTable('oidc_requests', {
  state: text('state').primaryKey(),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
