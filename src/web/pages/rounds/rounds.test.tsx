// SPDX-License-Identifier: EUPL-1.2
// The round components rendered to HTML (no browser): the phase timeline marks the current step, each
// kind of ballot offers the right controls with labels, the knapsack total is announced, and a chart
// always carries a table with the same figures. The browser journey (e2e/rounds-journey.test.ts)
// checks the same pages with axe and the drawn SVG.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../i18n/i18n.js';
import type { BallotRules, Project, Round } from '../../api/types.js';
import { BallotForm, BudgetMeter } from './BallotForm.js';
import { PhaseTimeline } from './round-shared.js';
import { emptyChoice, setPoints, toggle } from './ballot-state.js';
import { BarChart, LineChart } from '../../components/charts/Chart.js';
import { barTable, lineTable, wholeTicks } from '../../components/charts/chart-data.js';

// Amounts carry a non-breaking space after the euro sign; the assertions use a plain one.
const html = (element: ReactElement) => renderToStaticMarkup(<I18nProvider>{element}</I18nProvider>).replace(/\u00A0/g, ' ');

const projects: Project[] = [
  { id: 'p1', roundId: 'r', areaId: 'a', title: 'Speeltuin', description: 'Nieuwe schommels', costCents: 400_000 },
  { id: 'p2', roundId: 'r', areaId: 'a', title: 'Bankjes', description: '', costCents: 350_000 },
];

const round: Round = {
  id: 'r',
  name: 'Buurt Bestuurt',
  description: '',
  status: 'voting',
  areas: [{ areaId: 'a', areaName: 'Blerick', budgetCents: 500_000 }],
  phases: {
    ideasFrom: '2026-09-01',
    ideasTo: '2026-09-30',
    checkTo: '2026-10-15',
    votingFrom: '2026-11-01',
    votingTo: '2026-11-30',
    resultsFrom: '2026-12-07',
  },
  ballot: { type: 'approval' },
  rule: 'greedy',
  voting: { codes: true, signIn: false, scope: 'own-area', changeable: false },
  counts: { ideas: 0, projects: 2, ballots: 0 },
  abilities: { manage: false, vote: false, submitIdea: false },
};

const ballot = (rules: BallotRules, choice = emptyChoice) =>
  html(<BallotForm rules={rules} projects={projects} budgetCents={500_000} choice={choice} onChange={() => undefined} legend="Stembiljet voor Blerick" />);

describe('phase timeline', () => {
  it('marks the current step and says which steps are done, in Dutch', () => {
    const out = html(<PhaseTimeline round={round} />);
    expect(out).toMatch(/<ol class="ww-timeline" aria-label="Verloop van de ronde">/);
    expect(out.match(/aria-current="step"/g)).toHaveLength(1);
    expect(out).toMatch(/aria-current="step"[^>]*>.*?Stemmen/);
    expect(out.match(/\(afgerond\)/g)).toHaveLength(2);
    // The check phase starts the day after the ideas phase ends.
    expect(out).toContain('1 oktober 2026 tot en met 15 oktober 2026');
  });
  it('has no current step for a draft', () => {
    expect(html(<PhaseTimeline round={{ ...round, status: 'draft' }} />)).not.toContain('aria-current');
  });
});

describe('ballot papers', () => {
  it('approval: a labelled checkbox per project in a fieldset with a legend', () => {
    const out = ballot({ type: 'approval', maxProjects: 1 }, toggle(emptyChoice, { type: 'approval' }, 'p1'));
    expect(out).toContain('<legend class="ww-ballot__legend">Stembiljet voor Blerick</legend>');
    expect(out.match(/type="checkbox"/g)).toHaveLength(2);
    expect(out).toMatch(/<label class="ww-choice"><input type="checkbox"[^>]*checked=""/);
    expect(out).toContain('U heeft 1 van ten hoogste 1 projecten gekozen.');
  });
  it('knapsack: the running total against the budget is a live status', () => {
    const out = ballot({ type: 'knapsack' }, toggle(emptyChoice, { type: 'knapsack' }, 'p1'));
    expect(out).toMatch(/role="status" aria-live="polite">Gekozen: € 4\.000,00 van € 5\.000,00\. Nog over: € 1\.000,00\./);
  });
  it('knapsack over the budget says by how much', () => {
    const out = html(<BudgetMeter used={750_000} budget={500_000} />);
    expect(out).toContain('Dat is € 2.500,00 te veel.');
    expect(out).toContain('ww-budget-meter--over');
  });
  it('choose-one: radio buttons sharing one name', () => {
    const out = ballot({ type: 'choose-one' });
    const names = [...out.matchAll(/type="radio"[^>]*? name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(1);
  });
  it('cumulative: a labelled number field per project with − and + buttons named after it', () => {
    const out = ballot({ type: 'cumulative', totalPoints: 5 }, setPoints(emptyChoice, 'p1', 5));
    expect(out.match(/type="number"/g)).toHaveLength(2);
    expect(out).toContain('aria-label="Eén punt meer voor Bankjes"');
    expect(out).toContain('Verdeeld: 5 van 5 punten. Nog over: 0.');
    // All points are used: no + button is enabled.
    expect(out).toMatch(/aria-label="Eén punt meer voor Speeltuin"[^>]*disabled=""|disabled=""[^>]*aria-label="Eén punt meer voor Speeltuin"/);
  });
  it('ranked: Up/Down buttons (no dragging), the first Up and last Down disabled', () => {
    const rules: BallotRules = { type: 'ranked' };
    const out = ballot(rules, toggle(toggle(emptyChoice, rules, 'p2'), rules, 'p1'));
    expect(out).toContain('<ol class="ww-ranking">');
    expect(out).toMatch(/disabled=""[^>]*aria-label="Bankjes een plaats omhoog"|aria-label="Bankjes een plaats omhoog"[^>]*disabled=""/);
    expect(out).toMatch(/disabled=""[^>]*aria-label="Speeltuin een plaats omlaag"|aria-label="Speeltuin een plaats omlaag"[^>]*disabled=""/);
    expect(out).not.toContain('draggable');
    expect(out.indexOf('Bankjes')).toBeLessThan(out.indexOf('Speeltuin'));
  });
});

describe('charts', () => {
  it('a bar chart has a caption and its own table with the same figures until Plot draws', () => {
    const out = html(
      <BarChart
        title="Stemmen per project"
        data={[{ label: 'Speeltuin', value: 120, group: 'Krijgt geld' }]}
        categoryLabel="Project"
        valueLabel="Stemmen"
        groupLabel="Uitkomst"
      />,
    );
    expect(out).toContain('<figcaption class="ww-chart__caption">Stemmen per project</figcaption>');
    expect(out).toMatch(/<th[^>]*scope="col"[^>]*>Stemmen<\/th>/);
    expect(out).toMatch(/<td[^>]*>Speeltuin<\/td><td[^>]*>120<\/td><td[^>]*>Krijgt geld<\/td>/);
    expect(out).toContain('Grafiek laden…');
  });
  it('with tableId the chart leaves the figures to the page’s own table', () => {
    const out = html(<BarChart title="T" data={[{ label: 'A', value: 1 }]} categoryLabel="C" valueLabel="V" tableId="elders" />);
    expect(out).not.toContain('<table');
  });
  it('a line chart has one row per x and one column per series', () => {
    const out = html(
      <LineChart
        title="Inwoners"
        data={[
          { x: 2024, y: 10, series: 'Blerick' },
          { x: 2025, y: 12, series: 'Blerick' },
          { x: 2025, y: 9, series: 'Venlo' },
        ]}
        xLabel="Jaar"
        valueLabel="Inwoners"
      />,
    );
    expect(out).toMatch(/<td[^>]*>2024<\/td><td[^>]*>10<\/td><td[^>]*>–<\/td>/);
    expect(out).toMatch(/<th[^>]*>Venlo<\/th>/);
  });
  it('years on the x axis get whole-number ticks; other values leave the ticks to Plot', () => {
    expect(wholeTicks([2012, 2016, 2020, 2024], 3)).toEqual([2012, 2016, 2020, 2024]);
    expect(wholeTicks([2020, 2021], 6)).toEqual([2020, 2021]);
    expect(wholeTicks([0.5, 1], 6)).toBe(6);
    expect(wholeTicks([new Date(0)], 6)).toBe(6);
  });
  it('table shapes: grouped bars get a third column; a single series is headed by the value label', () => {
    expect(barTable([{ label: 'A', value: 1 }], { category: 'C', value: 'V' }, String).columns).toEqual(['C', 'V']);
    expect(barTable([{ label: 'A', value: 1, group: 'g' }], { category: 'C', value: 'V', group: 'G' }, String).rows[0]!.cells).toEqual(['A', '1', 'g']);
    expect(lineTable([{ x: 1, y: 2 }], { x: 'X', value: 'Y' }, String, String)).toEqual({ columns: ['X', 'Y'], rows: [{ key: '1', cells: ['1', '2'] }] });
  });
});
