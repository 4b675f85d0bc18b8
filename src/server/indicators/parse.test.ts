// SPDX-License-Identifier: EUPL-1.2
// Reading the file shapes: CBS keys by base name, CBS CSV quirks, custom tables by title, GeoJSON
// sentinels, own CSV rules, each error with its line or feature number.
import { describe, expect, it } from 'vitest';
import { cbsBaseName, indicatorForCbsKey } from './catalogue.js';
import { parseIndicatorFile, parseNumber } from './parse.js';
import { fixture } from './testing.js';

describe('CBS keys', () => {
  it.each([
    ['AantalInwoners_5', 'AantalInwoners', 'population'],
    ['AantalInwoners_4', 'AantalInwoners', 'population'],
    ['GemiddeldInkomenPerInwoner_83', 'GemiddeldInkomenPerInwoner', 'avg_income_per_resident'],
    ['GemiddeldInkomenPerInwoner_66', 'GemiddeldInkomenPerInwoner', 'avg_income_per_resident'],
    ['k_65JaarOfOuder_12', 'k_65JaarOfOuder', 'age_65_plus'],
    ['WijkenEnBuurten', 'WijkenEnBuurten', undefined],
  ])('%s → %s → %s', (key, base, indicator) => {
    expect(cbsBaseName(key)).toBe(base);
    expect(indicatorForCbsKey(key)?.id).toBe(indicator);
  });
});

describe('numbers', () => {
  it.each([
    ['27,9', true, 27.9],
    ['1.234,5', true, 1234.5],
    ['-0,5', true, -0.5],
    ['0.9', false, 0.9],
    ['103789', false, 103789],
    ['12 345', true, 12345],
    ['abc', true, undefined],
    ['', true, undefined],
    ['1,2,3', true, undefined],
  ])('%s (decimal comma %s) → %s', (text, comma, expected) => {
    expect(parseNumber(text, comma)).toBe(expected);
  });
});

describe('CBS OData JSON', () => {
  it('reads the value array with padded codes and Perioden; null is suppressed, never 0', () => {
    const parsed = parseIndicatorFile({
      'odata.metadata': 'https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
      value: [
        { ID: 0, WijkenEnBuurten: 'GM0983    ', Perioden: '2024JJ00', AantalInwoners_5: 103789, Mannen_6: 51929 },
        { ID: 1, WijkenEnBuurten: 'WK098311  ', Perioden: '2024JJ00', AantalInwoners_5: 5310, Mannen_6: null },
        { ID: 2, WijkenEnBuurten: 'NL00      ', Perioden: '2024JJ00', AantalInwoners_5: 17942942 },
      ],
    });
    expect(parsed.format).toBe('cbs-odata-json');
    expect(parsed.sourceTable).toBe('85984NED');
    expect(parsed.errors).toEqual([]);
    expect(parsed.skippedRows).toBe(1);
    expect(parsed.figures).toEqual([
      { line: 1, code: 'GM0983', indicatorId: 'population', period: '2024', value: 103789, status: 'ok', source: 'cbs' },
      { line: 1, code: 'GM0983', indicatorId: 'men', period: '2024', value: 51929, status: 'ok', source: 'cbs' },
      { line: 2, code: 'WK098311', indicatorId: 'population', period: '2024', value: 5310, status: 'rounded', source: 'cbs' },
      { line: 2, code: 'WK098311', indicatorId: 'men', period: '2024', value: null, status: 'suppressed', source: 'cbs' },
    ]);
  });

  it('reads the keyed shape, takes the year from the file name, and needs a period otherwise', () => {
    const content = fixture('kwb2024-85984NED-5gm.json');
    const parsed = parseIndicatorFile(content, { fileName: 'kwb2024-85984NED-5gm.json' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.figures.find((f) => f.code === 'GM0983' && f.indicatorId === 'population')).toMatchObject({ value: 103789, period: '2024' });
    expect(parsed.unmatched).toEqual(['OppervlakteTotaal_122', 'OppervlakteWater_124']);
    const without = parseIndicatorFile(content, { fileName: 'figures.json' });
    expect(without.figures).toEqual([]);
    expect(without.errors[0]!.message).toContain('geen periode');
  });

  it('names a row whose figure is not a number', () => {
    const parsed = parseIndicatorFile(
      {
        value: [
          { WijkenEnBuurten: 'WK098311', AantalInwoners_5: 5310 },
          { WijkenEnBuurten: 'WK098312', AantalInwoners_5: 'veel' },
        ],
      },
      { period: '2024' },
    );
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 2, code: 'WK098312' })]);
  });
});

describe('CBS CSV', () => {
  it('reads a custom table by its column titles, period from the title, BOM, decimal comma', () => {
    const parsed = parseIndicatorFile(fixture('inkomen2020-venlo.csv'));
    expect(parsed.format).toBe('cbs-csv');
    expect(parsed.errors).toEqual([]);
    const centrum = parsed.figures.filter((f) => f.code === 'WK098311');
    expect(centrum.map((f) => [f.indicatorId, f.value, f.period, f.line])).toEqual([
      ['avg_income_per_resident', 28.3, '2020', 16],
      ['share_low_income_households', 58.6, '2020', 16],
      ['share_high_income_households', 9.7, '2020', 16],
    ]);
  });

  it('reads "." as suppressed and "-" as nil, and a row holding its wijk and its gemeente as the wijk', () => {
    const csv =
      "\uFEFFTabel 2. Auto’s per huishouden, 1 januari 2023;;;;\r\nWijknaam;Wijkcode;Gemeentenaam;Gemeentecode;Personenauto's per huishouden (afgerond)\r\nCentrum;WK098311  ;Venlo;GM0983;0,6\r\nTrade-Port;WK098399;Venlo;GM0983;.\r\nHaven;WK098398;Venlo;GM0983;-\r\n";
    const parsed = parseIndicatorFile(csv);
    expect(parsed.figures).toEqual([
      { line: 3, code: 'WK098311', indicatorId: 'cars_per_household', period: '2023', value: 0.6, status: 'ok', source: 'cbs' },
      { line: 4, code: 'WK098399', indicatorId: 'cars_per_household', period: '2023', value: null, status: 'suppressed', source: 'cbs' },
      { line: 5, code: 'WK098398', indicatorId: 'cars_per_household', period: '2023', value: 0, status: 'ok', source: 'cbs' },
    ]);
  });

  it('counts line numbers across quoted fields with line breaks', () => {
    const csv = '"WijkenEnBuurten";"Gemeentenaam_1";"AantalInwoners_5"\n"WK098311";"Venlo\ncentrum";5310\n"WK098312";"Venlo";fout\n';
    const parsed = parseIndicatorFile(csv, { period: '2024' });
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 4, code: 'WK098312' })]);
    expect(parsed.figures).toEqual([expect.objectContaining({ line: 3, code: 'WK098311', value: 5310 })]);
  });

  it('refuses a file with no recognised column', () => {
    const parsed = parseIndicatorFile('Code;Iets\nWK098311;5\n');
    expect(parsed.figures).toEqual([]);
    expect(parsed.errors[0]!.message).toContain('Geen enkele kolom');
  });
});

describe('GeoJSON and the trend CSV', () => {
  it('turns CBS sentinels into suppressed (-99997) or missing, and names features without a code', () => {
    const parsed = parseIndicatorFile({
      type: 'FeatureCollection',
      metadata: { year: 2024 },
      features: [
        { type: 'Feature', properties: { wijkcode: 'WK098311', gemeentecode: 'GM0983', aantal_inwoners: 5310, mannen: -99997, vrouwen: -99995 } },
        { type: 'Feature', properties: { naam: 'zonder code', aantal_inwoners: 5 } },
      ],
    });
    expect(parsed.figures.map((f) => [f.indicatorId, f.value, f.status])).toEqual([
      ['population', 5310, 'rounded'],
      ['men', null, 'suppressed'],
      ['women', null, 'missing'],
    ]);
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 2 })]);
    expect(parsed.errors[0]!.message).toContain('Feature 2');
  });

  it('reads the trend file: one row per municipality and year, police figures in their own year', () => {
    const parsed = parseIndicatorFile(fixture('gemeenten-trend-5gm-2012-2024.csv'));
    expect(parsed.format).toBe('geo-csv');
    const venlo = parsed.figures.filter((f) => f.code === 'GM0983' && f.indicatorId === 'population');
    expect(venlo.map((f) => [f.period, f.value])).toEqual([
      ['2012', 100025],
      ['2017', 101059],
      ['2018', 101192],
      ['2019', 101603],
      ['2022', 102136],
      ['2023', 103328],
      ['2024', 103789],
    ]);
    expect(parsed.figures.some((f) => f.indicatorId === 'crimes_total' && f.source === 'police')).toBe(true);
  });
});

describe('own CSV', () => {
  it('reads area code;indicator;period;value with a status column, and names every bad line', () => {
    const csv = [
      'gebiedscode;indicator;periode;waarde;status',
      'WK098311;meldingen;2024;12,5;',
      'WK098312;meldingen;2024;;not_applicable',
      'WK098313;meldingen;2024;0;suppressed',
      'WK098314;Meldingen!;2024;1;',
      'WK098315;meldingen;vorig jaar;1;',
      'WK098316;meldingen;2024;veel;',
      ';meldingen;2024;1;',
    ].join('\n');
    const parsed = parseIndicatorFile(csv);
    expect(parsed.format).toBe('own-csv');
    expect(parsed.figures).toEqual([
      { line: 2, code: 'WK098311', indicatorId: 'meldingen', period: '2024', value: 12.5, status: 'ok', source: null },
      { line: 3, code: 'WK098312', indicatorId: 'meldingen', period: '2024', value: null, status: 'not_applicable', source: null },
    ]);
    expect(parsed.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8]);
  });

  it('needs the four columns', () => {
    const parsed = parseIndicatorFile('gebiedscode;indicator;waarde\nWK098311;x;1\n', { format: 'own-csv' });
    expect(parsed.errors[0]).toMatchObject({ line: 1 });
  });
});
