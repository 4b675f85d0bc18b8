// SPDX-License-Identifier: EUPL-1.2
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';
import type { RoleKey } from './roles.js';

export const organisationKinds = [
  'municipal_department',
  'housing_corporation',
  'police',
  'welfare',
  'care',
  'fund',
  'bank',
  'residents_group',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  name: text('name').notNull(),
  kind: text('kind').$type<OrganisationKind>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** A person known to the municipality: staff, partner staff, council member or resident. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    /** Lower-cased; unique within a municipality. */
    email: text('email').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** argon2id hash for a local staff account; null when the person signs in otherwise. */
    passwordHash: text('password_hash'),
    oidcSubject: text('oidc_subject'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_municipality_email_idx').on(t.municipalityId, t.email),
    uniqueIndex('people_municipality_oidc_idx').on(t.municipalityId, t.oidcSubject),
  ],
);

/** A role held on an area; it applies to the area's sub-areas too. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<RoleKey>().notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('role_assignments_person_idx').on(t.personId), index('role_assignments_area_idx').on(t.areaId)],
);
