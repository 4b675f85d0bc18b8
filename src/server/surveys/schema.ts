// SPDX-License-Identifier: EUPL-1.2
// The liveability survey (leefbaarheidsenquête): questionnaires, waves over areas, the uploaded
// address list, the random sample with its invitations, the anonymous answers, open answers
// waiting for redaction, and population margins for weighting.
//
// Anonymity (ADR 0017): an invitation knows only THAT it was used (`responded_on`, a date). The
// answers (`survey_responses`, `survey_answers`, `survey_open_answers`) have random ids, no
// timestamp of any kind, and no column that refers to an invitation, an address or a code.
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../municipalities/schema.js';
import { areas } from '../areas/schema.js';
import { people } from '../people/schema.js';
import type { Question, SurveyTheme } from './rules.js';

export const waveStatuses = ['draft', 'sampled', 'open', 'closed'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

/** A questionnaire. Questions live in jsonb: they are read and written as a whole. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    themes: jsonb('themes').$type<SurveyTheme[]>().notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('surveys_municipality_idx').on(t.municipalityId)],
);

/** One round of the survey (e.g. every two years) over a set of areas with a target per area. */
export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    name: text('name').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    targetPerArea: integer('target_per_area').notNull(),
    areaIds: jsonb('area_ids').$type<string[]>().notNull(),
    /** No figure is shown for fewer respondents than this (default 30). */
    minRespondents: integer('min_respondents').notNull().default(30),
    status: text('status').$type<WaveStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('survey_waves_survey_idx').on(t.municipalityId, t.surveyId)],
);

/** The uploaded address list of a wave (the sampling frame); `sampled` marks the drawn ones. */
export const surveyAddresses = pgTable(
  'survey_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    line: integer('line').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    place: text('place').notNull().default(''),
    sampled: boolean('sampled').notNull().default(false),
  },
  (t) => [index('survey_addresses_wave_idx').on(t.waveId, t.areaId)],
);

/**
 * A personal invitation for a sampled address. Only hashes of its codes are kept (the letter code
 * and the latest reminder code); `responded_on` is the only trace of an answer, at day precision.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    addressId: uuid('address_id')
      .notNull()
      .references(() => surveyAddresses.id),
    codeHash: text('code_hash').notNull(),
    reminderCodeHash: text('reminder_code_hash'),
    reminders: integer('reminders').notNull().default(0),
    respondedOn: date('responded_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('survey_invitations_code_idx').on(t.codeHash),
    uniqueIndex('survey_invitations_reminder_code_idx').on(t.reminderCodeHash),
    index('survey_invitations_wave_idx').on(t.waveId, t.areaId),
  ],
);

/** One anonymous respondent: random id, area and weighting cell (age group|sex), no time. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    /** `${ageGroup}|${sex}` for weighting; null when the respondent did not say. */
    cell: text('cell'),
  },
  (t) => [index('survey_responses_wave_idx').on(t.waveId, t.areaId)],
);

/**
 * Closed answers, one row per number (grade, agree) or per chosen option; choice questions also get
 * one row with option and value null, meaning "answered this question" (the denominator of shares).
 * Wave, area and cell are repeated from the response so results aggregate without a join.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    cell: text('cell'),
    questionId: text('question_id').notNull(),
    optionId: text('option_id'),
    value: smallint('value'),
  },
  (t) => [index('survey_answers_wave_idx').on(t.waveId, t.areaId, t.questionId)],
);

export const openAnswerStatuses = ['pending', 'published', 'rejected'] as const;
export type OpenAnswerStatus = (typeof openAnswerStatuses)[number];

/**
 * Open answers, kept apart from the response (no response id): shown only after a staff member
 * removed personal details. On redaction the original text is overwritten (`text` = null).
 */
export const surveyOpenAnswers = pgTable(
  'survey_open_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    questionId: text('question_id').notNull(),
    text: text('text'),
    redactedText: text('redacted_text'),
    status: text('status').$type<OpenAnswerStatus>().notNull().default('pending'),
    redactedById: uuid('redacted_by_id').references(() => people.id),
    redactedAt: timestamp('redacted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('survey_open_answers_wave_idx').on(t.waveId, t.status)],
);

/** Population per area, age group and sex for a wave: the margins the answers are weighted to. */
export const surveyMargins = pgTable(
  'survey_margins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => surveyWaves.id),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    ageGroup: text('age_group').notNull(),
    sex: text('sex').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [uniqueIndex('survey_margins_cell_idx').on(t.waveId, t.areaId, t.ageGroup, t.sex)],
);
