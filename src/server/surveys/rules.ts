// SPDX-License-Identifier: EUPL-1.2
// Questionnaire rules: the question kinds, the Lemon-like themes, the predefined template, and the
// checks on a questionnaire and on one respondent's answers. Pure: no I/O.
import { invalid, type LocalizedText } from '../errors.js';

export const questionKinds = ['grade', 'agree', 'single', 'multiple', 'open'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Lemon-like themes (Leefbaarheidsmonitor): physical and social environment, nuisance, safety; plus background. */
export const surveyThemes = ['physical', 'social', 'nuisance', 'safety', 'general', 'background'] as const;
export type SurveyTheme = (typeof surveyThemes)[number];

export const themeNames: Record<SurveyTheme, LocalizedText> = {
  physical: { nl: 'Fysieke woonomgeving', en: 'Physical environment' },
  social: { nl: 'Sociale woonomgeving', en: 'Social environment' },
  nuisance: { nl: 'Overlast', en: 'Nuisance' },
  safety: { nl: 'Veiligheid', en: 'Safety' },
  general: { nl: 'Algemeen oordeel', en: 'Overall judgement' },
  background: { nl: 'Over uzelf', en: 'About you' },
};

export interface QuestionOption {
  id: string;
  text: LocalizedText;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  text: LocalizedText;
  theme: SurveyTheme;
  options?: QuestionOption[];
  /** Respondents may skip it (default true; the form never forces an answer). */
  optional?: boolean;
}

/** The background questions used for weighting: their option ids are the margin categories. */
export const AGE_QUESTION_ID = 'age_group';
export const SEX_QUESTION_ID = 'sex';
export const ageGroups = ['18-34', '35-49', '50-64', '65+'] as const;
export const sexes = ['man', 'vrouw'] as const;

/** The five points of the agree scale, 1 = helemaal oneens … 5 = helemaal eens. */
export const agreeScale: QuestionOption[] = [
  { id: '1', text: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
  { id: '2', text: { nl: 'Oneens', en: 'Disagree' } },
  { id: '3', text: { nl: 'Niet eens, niet oneens', en: 'Neither agree nor disagree' } },
  { id: '4', text: { nl: 'Eens', en: 'Agree' } },
  { id: '5', text: { nl: 'Helemaal eens', en: 'Strongly agree' } },
];

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const grade = (id: string, theme: SurveyTheme, nl: string, en: string): Question => ({ id, kind: 'grade', theme, text: t(nl, en) });
const agree = (id: string, theme: SurveyTheme, nl: string, en: string): Question => ({ id, kind: 'agree', theme, text: t(nl, en) });

/** A predefined questionnaire after the Lemon (Leefbaarheidsmonitor) themes. */
export function lemonTemplate(): { name: string; themes: SurveyTheme[]; questions: Question[] } {
  return {
    name: 'Leefbaarheidsenquête (Lemon)',
    themes: ['general', 'physical', 'social', 'nuisance', 'safety', 'background'],
    questions: [
      grade(
        'overall_grade',
        'general',
        'Welk rapportcijfer geeft u uw buurt als plek om te wonen?',
        'What grade do you give your neighbourhood as a place to live?',
      ),
      agree(
        'physical_maintenance',
        'physical',
        'De straten, stoepen en pleinen in mijn buurt zijn goed onderhouden.',
        'The streets, pavements and squares in my neighbourhood are well maintained.',
      ),
      agree('physical_green', 'physical', 'Er is genoeg groen in mijn buurt.', 'There is enough green space in my neighbourhood.'),
      grade(
        'physical_grade',
        'physical',
        'Welk rapportcijfer geeft u de fysieke woonomgeving (huizen, straten, groen)?',
        'What grade do you give the physical environment (houses, streets, green)?',
      ),
      agree('social_contact', 'social', 'De mensen in mijn buurt gaan prettig met elkaar om.', 'People in my neighbourhood get along well.'),
      agree(
        'social_cohesion',
        'social',
        'Ik voel mij thuis bij de mensen die in deze buurt wonen.',
        'I feel at home among the people living in this neighbourhood.',
      ),
      agree('social_help', 'social', 'Mensen in mijn buurt helpen elkaar.', 'People in my neighbourhood help each other.'),
      {
        id: 'nuisance_kinds',
        kind: 'multiple',
        theme: 'nuisance',
        text: t(
          'Van welke overlast heeft u het afgelopen jaar last gehad in uw buurt?',
          'Which nuisance did you experience in your neighbourhood in the past year?',
        ),
        options: [
          { id: 'litter', text: t('Rommel op straat', 'Litter in the street') },
          { id: 'dogs', text: t('Hondenpoep', 'Dog fouling') },
          { id: 'traffic', text: t('Te hard rijden', 'Speeding') },
          { id: 'noise', text: t('Geluidsoverlast', 'Noise') },
          { id: 'youth', text: t('Overlast van groepen jongeren', 'Groups of young people') },
          { id: 'none', text: t('Geen overlast', 'No nuisance') },
        ],
      },
      agree('safety_feel', 'safety', 'Ik voel mij veilig in mijn buurt.', 'I feel safe in my neighbourhood.'),
      {
        id: 'safety_evening',
        kind: 'single',
        theme: 'safety',
        text: t(
          'Hoe vaak voelt u zich ’s avonds onveilig op straat in uw buurt?',
          'How often do you feel unsafe in the street in your neighbourhood in the evening?',
        ),
        options: [
          { id: 'never', text: t('(Bijna) nooit', '(Almost) never') },
          { id: 'sometimes', text: t('Soms', 'Sometimes') },
          { id: 'often', text: t('Vaak', 'Often') },
        ],
      },
      {
        id: 'improve',
        kind: 'open',
        theme: 'general',
        text: t(
          'Wat zou in uw buurt het eerst beter moeten? (Noem geen namen of adressen.)',
          'What should be improved first in your neighbourhood? (Please do not mention names or addresses.)',
        ),
      },
      {
        id: AGE_QUESTION_ID,
        kind: 'single',
        theme: 'background',
        text: t('Wat is uw leeftijd?', 'What is your age?'),
        options: ageGroups.map((g) => ({ id: g, text: t(g === '65+' ? '65 jaar of ouder' : `${g} jaar`, g === '65+' ? '65 or older' : `${g} years`) })),
      },
      {
        id: SEX_QUESTION_ID,
        kind: 'single',
        theme: 'background',
        text: t('Wat is uw geslacht?', 'What is your sex?'),
        options: [
          { id: 'man', text: t('Man', 'Male') },
          { id: 'vrouw', text: t('Vrouw', 'Female') },
          { id: 'anders', text: t('Anders / zeg ik liever niet', 'Other / prefer not to say') },
        ],
      },
    ],
  };
}

/** The options a question offers (the agree scale for agree questions). */
export function optionsOf(q: Question): QuestionOption[] {
  if (q.kind === 'agree') return agreeScale;
  return q.options ?? [];
}

const ID = /^[a-z0-9][a-z0-9_+-]{0,59}$/;

/** Questions as stored: options only on choice questions (the agree scale is fixed, see {@link optionsOf}). */
export function normalizeQuestions(questions: readonly Question[]): Question[] {
  return questions.map((q) => {
    const base: Question = { id: q.id, kind: q.kind, text: q.text, theme: q.theme };
    if (q.optional !== undefined) base.optional = q.optional;
    if (q.kind === 'single' || q.kind === 'multiple') base.options = q.options ?? [];
    return base;
  });
}

/** Checks a questionnaire; throws a 422 `survey_invalid` listing every problem. */
export function validateQuestionnaire(themes: readonly SurveyTheme[], questions: readonly Question[]): void {
  const problems: string[] = [];
  if (questions.length === 0) problems.push('no_questions');
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (!ID.test(q.id)) problems.push(`${at}.id: use lower-case letters, digits, _ or -`);
    if (ids.has(q.id)) problems.push(`${at}.id: duplicate ${q.id}`);
    ids.add(q.id);
    if (!q.text.nl.trim()) problems.push(`${at}.text.nl: empty`);
    if (!themes.includes(q.theme)) problems.push(`${at}.theme: ${q.theme} is not one of the survey's themes`);
    const needsOptions = q.kind === 'single' || q.kind === 'multiple';
    if (needsOptions) {
      const options = q.options ?? [];
      if (options.length < 2) problems.push(`${at}.options: at least two`);
      const optionIds = new Set<string>();
      for (const o of options) {
        if (!ID.test(o.id)) problems.push(`${at}.options.${o.id}: invalid id`);
        if (optionIds.has(o.id)) problems.push(`${at}.options.${o.id}: duplicate`);
        optionIds.add(o.id);
      }
    }
  });
  if (problems.length > 0) {
    throw invalid('survey_invalid', { nl: 'De vragenlijst klopt niet.', en: 'The questionnaire is not valid.' }, { problems });
  }
}

/** One respondent's answer to one question, as posted by the form. */
export type AnswerInput = number | string | string[] | null;

/** A checked answer set, ready to store. */
export interface CheckedAnswers {
  numbers: { questionId: string; value: number }[];
  choices: { questionId: string; optionIds: string[] }[];
  open: { questionId: string; text: string }[];
  cell: string | null;
}

export const OPEN_ANSWER_MAX = 2000;

/**
 * Checks the posted answers against the questionnaire: unknown questions, values out of range and
 * unknown options are refused (422 `answers_invalid` with every problem); empty answers are skipped.
 */
export function checkAnswers(questions: readonly Question[], answers: Readonly<Record<string, AnswerInput>>): CheckedAnswers {
  const problems: string[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) problems.push(`${key}: unknown question`);
  const out: CheckedAnswers = { numbers: [], choices: [], open: [], cell: null };
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0)) continue;
    switch (q.kind) {
      case 'grade':
      case 'agree': {
        const max = q.kind === 'grade' ? 10 : 5;
        const value = typeof a === 'string' ? Number(a) : a;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) problems.push(`${q.id}: a whole number from 1 to ${max}`);
        else out.numbers.push({ questionId: q.id, value });
        break;
      }
      case 'single':
      case 'multiple': {
        const chosen = Array.isArray(a) ? a : [String(a)];
        const allowed = new Set(optionsOf(q).map((o) => o.id));
        if (q.kind === 'single' && chosen.length > 1) problems.push(`${q.id}: choose one option`);
        const unknown = chosen.filter((c) => !allowed.has(c));
        if (unknown.length > 0) problems.push(`${q.id}: unknown option ${unknown.join(', ')}`);
        else out.choices.push({ questionId: q.id, optionIds: [...new Set(chosen)] });
        break;
      }
      case 'open': {
        const text = String(a).trim();
        if (text.length > OPEN_ANSWER_MAX) problems.push(`${q.id}: at most ${OPEN_ANSWER_MAX} characters`);
        else if (text) out.open.push({ questionId: q.id, text });
        break;
      }
    }
  }
  if (problems.length > 0) throw invalid('answers_invalid', { nl: 'Niet alle antwoorden zijn geldig.', en: 'Not all answers are valid.' }, { problems });
  const one = (id: string): string | undefined => out.choices.find((c) => c.questionId === id)?.optionIds[0];
  const age = one(AGE_QUESTION_ID);
  const sex = one(SEX_QUESTION_ID);
  out.cell = age !== undefined && sex !== undefined ? `${age}|${sex}` : null;
  return out;
}
