// SPDX-License-Identifier: EUPL-1.2
/**
 * Reading and writing the pabulib `.pb` format (https://pabulib.org/format).
 *
 * A file has three sections, META, PROJECTS and VOTES, each a `;`-separated table with a
 * header row. The parser accepts LF and CRLF line ends, a UTF-8 byte-order mark, and quoted
 * fields (`"a;b"`, doubled quotes `""` inside, even line breaks inside). It keeps every
 * column, so that `parsePb(writePb(file))` equals `file`.
 *
 * Errors are thrown as {@link PbParseError} with the 1-based line number, a stable code and
 * a Dutch message ("Regel 12: onbekend project "x" in stem").
 */
import { isDecimal } from './rational.js';

export const VOTE_TYPES = ['approval', 'ordinal', 'cumulative', 'choose-1', 'scoring'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export function isVoteType(value: string): value is VoteType {
  return (VOTE_TYPES as readonly string[]).includes(value);
}

export interface PbProject {
  readonly id: string;
  /** The cost as written: a non-negative decimal, usually an integer. */
  readonly cost: string;
  /** All other columns (votes, score, name, selected, ...), by column name. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PbVote {
  readonly voterId: string;
  /**
   * Project ids on the ballot as written, in ballot order (rank order for ordinal ballots).
   * Approval and choose-1 ballots may name a project twice; it then counts once.
   */
  readonly vote: readonly string[];
  /**
   * One integer per project in `vote`, present when the file has a `points` column and the
   * cell is filled (ordinal files may leave it empty: then the position decides).
   */
  readonly points?: readonly number[];
  /** Other voter columns (age, sex, voting_method, neighborhood, ...), by column name. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PbFile {
  /** META rows in file order. */
  readonly meta: readonly (readonly [key: string, value: string])[];
  /** PROJECTS header, including `project_id` and `cost`. */
  readonly projectColumns: readonly string[];
  readonly projects: readonly PbProject[];
  /** VOTES header, including `voter_id` and `vote`. */
  readonly voteColumns: readonly string[];
  readonly votes: readonly PbVote[];
}

export type PbErrorCode =
  | 'outside_section'
  | 'duplicate_section'
  | 'missing_section'
  | 'missing_header'
  | 'missing_column'
  | 'duplicate_column'
  | 'field_count'
  | 'unterminated_quote'
  | 'duplicate_meta'
  | 'missing_meta'
  | 'invalid_budget'
  | 'unknown_vote_type'
  | 'empty_id'
  | 'invalid_id'
  | 'duplicate_project'
  | 'invalid_cost'
  | 'duplicate_voter'
  | 'unknown_project'
  | 'duplicate_in_vote'
  | 'invalid_points'
  | 'points_count'
  | 'missing_points';

/** A pabulib file could not be read. `line` is 1-based; `message` is Dutch and starts with "Regel N: ". */
export class PbParseError extends Error {
  override readonly name = 'PbParseError';
  constructor(
    readonly code: PbErrorCode,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`Regel ${line}: ${detail}`);
  }
}

// ---------------------------------------------------------------------------------------
// Tokenising
// ---------------------------------------------------------------------------------------

interface RawRecord {
  readonly cells: string[];
  readonly line: number;
}

/**
 * Splits text into `;`-separated records. A field starting with `"` is quoted: it runs to
 * the next lone `"`, `""` stands for one quote, and it may contain `;` and line breaks
 * (kept as written, `\n` or `\r\n`). Blank lines are skipped.
 */
function tokenise(text: string, onRecord: (rec: RawRecord) => void): void {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < len) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = len;
    let end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const startLine = line;
    const lineText = text.slice(pos, end);
    if (lineText.indexOf('"') < 0) {
      pos = eol + 1;
      line++;
      if (lineText.trim() === '') continue;
      onRecord({ cells: lineText.split(';'), line: startLine });
      continue;
    }
    // Slow path: a record with quotes, possibly spanning lines.
    const cells: string[] = [];
    let cell = '';
    let i = pos;
    let atFieldStart = true;
    let inQuotes = false;
    for (;;) {
      if (i >= end) {
        if (inQuotes) {
          if (eol >= len) {
            throw new PbParseError('unterminated_quote', startLine, 'aanhalingsteken niet afgesloten');
          }
          // The quoted field continues on the next line; keep the line break as written.
          cell += text.slice(end, eol + 1);
          line++;
          i = eol + 1;
          eol = text.indexOf('\n', i);
          if (eol < 0) eol = len;
          end = eol > i && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
          continue;
        }
        cells.push(cell);
        break;
      }
      const ch = text.charCodeAt(i);
      if (inQuotes) {
        if (ch === 34) {
          if (i + 1 < end && text.charCodeAt(i + 1) === 34) {
            cell += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          cell += text[i];
          i++;
        }
      } else if (ch === 59) {
        cells.push(cell);
        cell = '';
        atFieldStart = true;
        i++;
      } else if (ch === 34 && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        i++;
      } else {
        cell += text[i];
        atFieldStart = false;
        i++;
      }
    }
    pos = eol + 1;
    line++;
    onRecord({ cells, line: startLine });
  }
}

// ---------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------

type SectionName = 'META' | 'PROJECTS' | 'VOTES';
const SECTIONS: readonly SectionName[] = ['META', 'PROJECTS', 'VOTES'];

function sectionOf(rec: RawRecord): SectionName | null {
  const raw = rec.cells[0] ?? '';
  if (raw.length > 12 || raw.length < 4) return null;
  // Cheap test of the first letter before building strings: M, P, V (any case), space or tab.
  const c = raw.charCodeAt(0) | 0x20;
  if (c !== 0x6d && c !== 0x70 && c !== 0x76 && c !== 0x20 && c !== 0x29) return null;
  const first = raw.trim().toUpperCase();
  if (!(SECTIONS as readonly string[]).includes(first)) return null;
  for (let i = 1; i < rec.cells.length; i++) if (rec.cells[i]?.trim() !== '') return null;
  return first as SectionName;
}

/** Cells of a data row, checked against the header length (trailing empty cells are ignored). */
function rowCells(rec: RawRecord, width: number): string[] {
  const cells = rec.cells;
  if (cells.length > width) {
    for (let i = width; i < cells.length; i++) {
      if (cells[i]?.trim() !== '') {
        throw new PbParseError(
          'field_count',
          rec.line,
          `${cells.length} velden, terwijl de kop er ${width} heeft (staat er een ; die tussen aanhalingstekens hoort?)`,
        );
      }
    }
    return cells.slice(0, width);
  }
  while (cells.length < width) cells.push('');
  return cells;
}

function header(rec: RawRecord, section: SectionName, required: readonly string[]): string[] {
  const cols = rec.cells.map((c) => c.trim());
  while (cols.length > 0 && cols[cols.length - 1] === '') cols.pop();
  const seen = new Set<string>();
  for (const c of cols) {
    if (seen.has(c)) throw new PbParseError('duplicate_column', rec.line, `kolom "${c}" komt twee keer voor in ${section}`);
    seen.add(c);
  }
  for (const r of required) {
    if (!seen.has(r)) {
      throw new PbParseError('missing_column', rec.line, `kolom "${r}" ontbreekt in de kop van ${section}`);
    }
  }
  return cols;
}

const INTEGER_RE = /^-?\d+$/;

/** Splits a comma-separated cell ("1,2, 3") into trimmed items; "" gives []. */
function splitList(text: string): string[] {
  if (text === '') return [];
  const items = text.split(',');
  if (text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0) for (let i = 0; i < items.length; i++) items[i] = items[i]!.trim();
  return items;
}

/** Parses a pabulib file. Throws {@link PbParseError}. */
export function parsePb(text: string): PbFile {
  // Records are handled as they are read (no list of all rows is kept), section by section in
  // the required order META, PROJECTS, VOTES; a section is checked when the next one starts.
  let section: SectionName | null = null;
  let sectionStart = 0;
  let headerRec: RawRecord | null = null;
  const seen = new Set<SectionName>();

  const meta: [string, string][] = [];
  const metaLines = new Map<string, number>();

  let projectColumns: string[] = [];
  let projIdCol = 0;
  let costCol = 0;
  const projects: PbProject[] = [];
  const projectIds = new Set<string>();

  let voteColumns: string[] = [];
  let voterCol = 0;
  let voteCol = 0;
  let pointsCol = -1;
  let otherCols: [number, string][] = [];
  let needsPoints = false;
  // On approval-type ballots a project named twice is harmless (it is approved once; real
  // files such as Amsterdam 604 contain this). Elsewhere it makes the ballot ambiguous.
  let duplicatesAllowed = true;
  const votes: PbVote[] = [];
  const voterIds = new Set<string>();

  const finishSection = (): void => {
    if (section === null) return;
    if (headerRec === null) {
      throw new PbParseError('missing_header', sectionStart, section === 'META' ? 'META heeft geen kopregel "key;value"' : `${section} heeft geen kopregel`);
    }
    if (section === 'META') {
      const metaMap = new Map(meta);
      const budget = metaMap.get('budget');
      if (budget === undefined) throw new PbParseError('missing_meta', sectionStart, 'META mist "budget"');
      if (!isDecimal(budget)) {
        throw new PbParseError('invalid_budget', metaLines.get('budget') ?? sectionStart, `budget "${budget}" is geen bedrag`);
      }
      const vt = metaMap.get('vote_type');
      if (vt === undefined) throw new PbParseError('missing_meta', sectionStart, 'META mist "vote_type"');
      if (!isVoteType(vt)) {
        throw new PbParseError(
          'unknown_vote_type',
          metaLines.get('vote_type') ?? sectionStart,
          `onbekend stemtype "${vt}" (verwacht: ${VOTE_TYPES.join(', ')})`,
        );
      }
      needsPoints = vt === 'cumulative' || vt === 'scoring';
      duplicatesAllowed = vt === 'approval' || vt === 'choose-1';
    }
  };

  const startSection = (s: SectionName, rec: RawRecord): void => {
    if (seen.has(s)) throw new PbParseError('duplicate_section', rec.line, `sectie ${s} komt twee keer voor`);
    const idx = SECTIONS.indexOf(s);
    finishSection();
    for (let k = 0; k < idx; k++) {
      const before = SECTIONS[k]!;
      // Also catches sections out of order: the earlier one is then still missing here.
      if (!seen.has(before)) throw new PbParseError('missing_section', rec.line, `sectie ${before} ontbreekt vóór ${s}`);
    }
    seen.add(s);
    section = s;
    sectionStart = rec.line;
    headerRec = null;
  };

  const onHeader = (rec: RawRecord): void => {
    headerRec = rec;
    if (section === 'META') {
      header(rec, 'META', ['key', 'value']);
    } else if (section === 'PROJECTS') {
      projectColumns = header(rec, 'PROJECTS', ['project_id', 'cost']);
      projIdCol = projectColumns.indexOf('project_id');
      costCol = projectColumns.indexOf('cost');
    } else {
      voteColumns = header(rec, 'VOTES', needsPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote']);
      voterCol = voteColumns.indexOf('voter_id');
      voteCol = voteColumns.indexOf('vote');
      pointsCol = voteColumns.indexOf('points');
      otherCols = [];
      voteColumns.forEach((col, i) => {
        if (i !== voterCol && i !== voteCol && i !== pointsCol) otherCols.push([i, col]);
      });
    }
  };

  const onMetaRow = (rec: RawRecord): void => {
    const cells = rowCells(rec, 2);
    const key = (cells[0] ?? '').trim();
    const value = (cells[1] ?? '').trim();
    if (key === '') throw new PbParseError('empty_id', rec.line, 'META-regel zonder sleutel');
    if (metaLines.has(key)) throw new PbParseError('duplicate_meta', rec.line, `META-sleutel "${key}" komt twee keer voor`);
    metaLines.set(key, rec.line);
    meta.push([key, value]);
  };

  const onProjectRow = (rec: RawRecord): void => {
    const cells = rowCells(rec, projectColumns.length);
    const id = (cells[projIdCol] ?? '').trim();
    if (id === '') throw new PbParseError('empty_id', rec.line, 'project zonder project_id');
    if (id.includes(',')) throw new PbParseError('invalid_id', rec.line, `project_id "${id}" bevat een komma`);
    if (projectIds.has(id)) throw new PbParseError('duplicate_project', rec.line, `project "${id}" komt twee keer voor`);
    projectIds.add(id);
    const cost = (cells[costCol] ?? '').trim();
    if (!isDecimal(cost)) throw new PbParseError('invalid_cost', rec.line, `kosten "${cost}" van project "${id}" zijn geen bedrag`);
    const fields: Record<string, string> = {};
    projectColumns.forEach((col, i) => {
      if (i !== projIdCol && i !== costCol) fields[col] = cells[i] ?? '';
    });
    projects.push({ id, cost, fields });
  };

  const onVoteRow = (rec: RawRecord): void => {
    const cells = rowCells(rec, voteColumns.length);
    const voterId = (cells[voterCol] ?? '').trim();
    if (voterId === '') throw new PbParseError('empty_id', rec.line, 'stem zonder voter_id');
    if (voterIds.has(voterId)) throw new PbParseError('duplicate_voter', rec.line, `kiezer "${voterId}" komt twee keer voor`);
    voterIds.add(voterId);
    const vote = splitList((cells[voteCol] ?? '').trim());
    const seenIds = vote.length > 16 ? new Set<string>() : null;
    for (let i = 0; i < vote.length; i++) {
      const p = vote[i]!;
      if (!projectIds.has(p)) throw new PbParseError('unknown_project', rec.line, `onbekend project "${p}" in stem`);
      const repeated = seenIds === null ? vote.indexOf(p) !== i : seenIds.has(p);
      seenIds?.add(p);
      if (repeated && !duplicatesAllowed) {
        throw new PbParseError('duplicate_in_vote', rec.line, `project "${p}" staat twee keer in de stem`);
      }
    }
    const fields: Record<string, string> = {};
    for (const [i, col] of otherCols) fields[col] = cells[i] ?? '';
    if (pointsCol < 0) {
      votes.push({ voterId, vote, fields });
      return;
    }
    const pointTexts = splitList((cells[pointsCol] ?? '').trim());
    const points = pointTexts.map((t) => {
      const v = Number(t);
      if (!INTEGER_RE.test(t) || !Number.isSafeInteger(v)) {
        throw new PbParseError('invalid_points', rec.line, `punten "${t}" zijn geen geheel getal`);
      }
      return v;
    });
    if (points.length !== vote.length) {
      if (points.length === 0 && !needsPoints) {
        // An ordinal ballot without points: positions decide.
        votes.push({ voterId, vote, fields });
        return;
      }
      throw new PbParseError(
        points.length === 0 ? 'missing_points' : 'points_count',
        rec.line,
        `${vote.length} projecten maar ${points.length} punten in de stem`,
      );
    }
    votes.push({ voterId, vote, points, fields });
  };

  tokenise(text, (rec) => {
    const s = sectionOf(rec);
    if (s !== null) {
      startSection(s, rec);
      return;
    }
    if (section === null) {
      throw new PbParseError('outside_section', rec.line, 'gegevens vóór de eerste sectie (META, PROJECTS of VOTES)');
    }
    if (headerRec === null) onHeader(rec);
    else if (section === 'VOTES') onVoteRow(rec);
    else if (section === 'PROJECTS') onProjectRow(rec);
    else onMetaRow(rec);
  });
  finishSection();
  for (const s of SECTIONS) {
    if (!seen.has(s)) {
      const lastLine = Math.max(1, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
      throw new PbParseError('missing_section', lastLine, `sectie ${s} ontbreekt`);
    }
  }
  return { meta, projectColumns, projects, voteColumns, votes };
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

export function metaValue(file: PbFile, key: string): string | undefined {
  for (const [k, v] of file.meta) if (k === key) return v;
  return undefined;
}

export function voteTypeOf(file: PbFile): VoteType {
  const v = metaValue(file, 'vote_type');
  if (v === undefined || !isVoteType(v)) throw new RangeError(`invalid vote_type ${String(v)}`);
  return v;
}

// ---------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------

function escapeField(value: string): string {
  if (value === '') return value;
  if (/[;"\r\n]/.test(value) || value.trim() !== value) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

function row(cells: readonly string[]): string {
  return cells.map(escapeField).join(';');
}

export interface WritePbOptions {
  /** Line end, `\n` (default) or `\r\n`. */
  readonly lineEnding?: '\n' | '\r\n';
}

/** Serialises a file to pabulib text; `parsePb(writePb(f))` equals `f`. */
export function writePb(file: PbFile, options: WritePbOptions = {}): string {
  const eol = options.lineEnding ?? '\n';
  const lines: string[] = ['META', 'key;value'];
  for (const [k, v] of file.meta) lines.push(row([k, v]));
  lines.push('PROJECTS', row(file.projectColumns));
  for (const p of file.projects) {
    if (p.id.includes(',')) throw new RangeError(`project id contains a comma: ${p.id}`);
    lines.push(row(file.projectColumns.map((c) => (c === 'project_id' ? p.id : c === 'cost' ? p.cost : (p.fields[c] ?? '')))));
  }
  lines.push('VOTES', row(file.voteColumns));
  for (const v of file.votes) {
    lines.push(
      row(
        file.voteColumns.map((c) => {
          if (c === 'voter_id') return v.voterId;
          if (c === 'vote') return v.vote.join(',');
          if (c === 'points') return v.points === undefined ? '' : v.points.join(',');
          return v.fields[c] ?? '';
        }),
      ),
    );
  }
  return lines.join(eol) + eol;
}

// ---------------------------------------------------------------------------------------
// Anonymised export
// ---------------------------------------------------------------------------------------

/** Fills a buffer with random bytes; the default uses the platform CSPRNG (Web Crypto). */
export type RandomBytes = (length: number) => Uint8Array;

const defaultRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

export interface AnonymiseOptions {
  /** Source of randomness; must be cryptographically secure for a real export. */
  readonly randomBytes?: RandomBytes;
  /** Voter columns to leave out (e.g. `['age', 'sex', 'neighborhood']`). */
  readonly dropColumns?: readonly string[];
}

/** Unbiased random integer in [0, bound) from a byte source (rejection sampling on 32 bits). */
function randomBelow(bound: number, randomBytes: RandomBytes): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  for (;;) {
    const b = randomBytes(4);
    const x = ((b[0] ?? 0) * 0x100_0000 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0;
    if (x < limit) return x % bound;
  }
}

/**
 * Returns a copy of the file in which every voter id is replaced by a fresh random id
 * (128 bits, hex) and the order of the votes is shuffled (Fisher-Yates), so that nothing
 * in the export links a ballot to the original voter list.
 */
export function anonymiseVoters(file: PbFile, options: AnonymiseOptions = {}): PbFile {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const drop = new Set(options.dropColumns ?? []);
  for (const col of ['voter_id', 'vote', 'points']) {
    if (drop.has(col)) throw new RangeError(`column ${col} cannot be dropped`);
  }
  const order = file.votes.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, randomBytes);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const used = new Set<string>();
  const freshId = (): string => {
    for (;;) {
      const bytes = randomBytes(16);
      let id = '';
      for (const b of bytes) id += b.toString(16).padStart(2, '0');
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const votes = order.map((i): PbVote => {
    const v = file.votes[i]!;
    const fields: Record<string, string> = {};
    for (const [k, val] of Object.entries(v.fields)) if (!drop.has(k)) fields[k] = val;
    return v.points === undefined ? { voterId: freshId(), vote: v.vote, fields } : { voterId: freshId(), vote: v.vote, points: v.points, fields };
  });
  return { ...file, voteColumns: file.voteColumns.filter((c) => !drop.has(c)), votes };
}
