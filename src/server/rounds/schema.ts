// SPDX-License-Identifier: EUPL-1.2
// Neighbourhood budget rounds (buurtbudget-rondes): a round over one or more areas, each with its
// own budget; residents' ideas and their feasibility check; the projects on the ballot; voting
// codes (only keyed hashes), sign-in voters, ballots and paper ballots. Money in integer cents.
//
// Ballot secrecy (ADR 0015): `round_ballots` has no column naming a code, a person or a time. A
// code row only gets `used_at`; a signed-in voter only a row in `round_voters`. A ballot carries
// the hash of a random receipt that only the voter holds.
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';
import { people } from '../people/schema.js';
import { initiatives } from '../initiatives/schema.js';

export const ballotTypes = ['approval', 'knapsack', 'cumulative', 'choose-one', 'ranked'] as const;
export type BallotType = (typeof ballotTypes)[number];
export const roundRules = ['greedy', 'greedy-no-skip', 'greedy-threshold', 'equalshares', 'equalshares/add1'] as const;
export type RoundRule = (typeof roundRules)[number];

/** The ballot paper's limits as stored (the knapsack budget is each area's own budget). */
export interface BallotConfig {
  type: BallotType;
  minProjects?: number;
  maxProjects?: number;
  minSpendPercent?: number;
  totalPoints?: number;
  maxPointsPerProject?: number;
  minLength?: number;
  maxLength?: number;
}

export interface VotingConfig {
  codes: boolean;
  signIn: boolean;
  minAge?: number;
  maxAge?: number;
  scope: 'own-area' | 'own-area-plus';
  extraAreas?: number;
  changeable: boolean;
}

export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ideasFrom: date('ideas_from', { mode: 'string' }).notNull(),
    ideasTo: date('ideas_to', { mode: 'string' }).notNull(),
    checkTo: date('check_to', { mode: 'string' }).notNull(),
    votingFrom: date('voting_from', { mode: 'string' }).notNull(),
    votingTo: date('voting_to', { mode: 'string' }).notNull(),
    resultsFrom: date('results_from', { mode: 'string' }).notNull(),
    ballot: jsonb('ballot').$type<BallotConfig>().notNull(),
    rule: text('rule').$type<RoundRule>().notNull(),
    threshold: integer('threshold'),
    voting: jsonb('voting').$type<VotingConfig>().notNull(),
    /** Key of the HMAC-SHA-256 under which this round's voting codes are stored (hex, 256 bits). Never sent out. */
    codeSecret: text('code_secret').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    /** 'pabulib' for a round imported from a .pb file (closed, results published). */
    source: text('source').$type<'wijkwijs' | 'pabulib'>().notNull().default('wijkwijs'),
    createdById: uuid('created_by_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('rounds_municipality_idx').on(t.municipalityId)],
);

export const roundAreas = pgTable(
  'round_areas',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.areaId] })],
);

export const ideaStatuses = ['submitted', 'feasible', 'rejected'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const roundIdeas = pgTable(
  'round_ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    location: text('location'),
    estimatedCostCents: bigint('estimated_cost_cents', { mode: 'number' }),
    status: text('status').$type<IdeaStatus>().notNull().default('submitted'),
    checkedCostCents: bigint('checked_cost_cents', { mode: 'number' }),
    rejectionReason: text('rejection_reason'),
    /** The resident who submitted it (personal data: never in a public view). */
    submittedById: uuid('submitted_by_id').references(() => people.id),
    checkedById: uuid('checked_by_id').references(() => people.id),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('round_ideas_round_idx').on(t.roundId, t.areaId)],
);

export const roundProjects = pgTable(
  'round_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    costCents: bigint('cost_cents', { mode: 'number' }).notNull(),
    ideaId: uuid('idea_id').references(() => roundIdeas.id),
    /** After the vote: the initiative that carries it out, so its progress stays visible. */
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    /** The project_id of an imported .pb file. */
    externalId: text('external_id'),
    /** Place on the ballot paper (and in the file: ties are broken by it). */
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('round_projects_round_idx').on(t.roundId, t.areaId), uniqueIndex('round_projects_idea_idx').on(t.ideaId)],
);

/** Voting codes: only the HMAC of the code under the round's secret; `used_at` once a ballot was cast. */
export const roundCodes = pgTable(
  'round_codes',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    codeHash: text('code_hash').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.codeHash] }), index('round_codes_area_idx').on(t.roundId, t.areaId)],
);

/** Signed-in voters who cast a ballot: one row per person per round (the primary key is the guarantee). */
export const roundVoters = pgTable(
  'round_voters',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    votedAt: timestamp('voted_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

export const ballotChannels = ['online', 'paper', 'import'] as const;
export type BallotChannel = (typeof ballotChannels)[number];

/**
 * Cast ballots. Deliberately without a code, a person, a timestamp or a sequence number: the id
 * is random, so neither a column nor the order of ids links a ballot to a code or a voter.
 */
export const roundBallots = pgTable(
  'round_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull(),
    roundId: uuid('round_id').notNull(),
    areaId: uuid('area_id').notNull(),
    /** Project ids (round_projects.id), in rank order for ranked ballots. */
    projects: jsonb('projects').$type<string[]>().notNull(),
    points: jsonb('points').$type<number[]>(),
    /** '12-17', '18-27', ... or null when no birth year was asked. */
    ageGroup: text('age_group'),
    channel: text('channel').$type<BallotChannel>().notNull(),
    /** SHA-256 of the voter's random receipt (lets the voter change the ballot when the round allows). */
    receiptHash: text('receipt_hash').notNull(),
  },
  (t) => [index('round_ballots_round_area_idx').on(t.roundId, t.areaId), uniqueIndex('round_ballots_receipt_idx').on(t.roundId, t.receiptHash)],
);

/** Paper ballots entered by one staff member; they count once a different one re-entered the same choices. */
export const roundPaperBallots = pgTable(
  'round_paper_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    projects: jsonb('projects').$type<string[]>().notNull(),
    points: jsonb('points').$type<number[]>(),
    ageGroup: text('age_group'),
    enteredById: uuid('entered_by_id')
      .notNull()
      .references(() => people.id),
    confirmedById: uuid('confirmed_by_id').references(() => people.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    confirmed: boolean('confirmed').notNull().default(false),
  },
  (t) => [index('round_paper_ballots_round_idx').on(t.roundId)],
);
