// SPDX-License-Identifier: EUPL-1.2
// The address list of a wave (the sampling frame), as CSV with a header row: adres;postcode;gebied
// and optionally woonplaats (`;` or `,` separated, BOM allowed). `gebied` is the code of one of the
// wave's areas (WK…/BU…). All or nothing: any bad line rejects the whole file, every error with its
// line number. A new upload replaces the previous list as long as no sample was drawn.
import { parse, type Options } from 'csv-parse/sync';
import { recordAudit } from '../../audit/audit.js';
import { invalid } from '../../errors.js';
import { findAreaRefs, replaceAddresses, type AddressInput, type WaveRow, type Writer } from '../queries.js';
import { requireWaveStatus, type SurveyContext } from './common.js';

export interface LineError {
  line: number;
  message: string;
}

const POSTCODE = /^[1-9][0-9]{3} ?[A-Z]{2}$/;
export const MAX_ADDRESSES = 500_000;

function fail(errors: LineError[]): never {
  throw invalid(
    'addresses_invalid',
    { nl: 'Het adresbestand bevat fouten; er is niets ingelezen.', en: 'The address file has errors; nothing was imported.' },
    { errors: errors.slice(0, 100), errorCount: errors.length },
  );
}

export async function uploadAddresses(
  tx: Writer,
  ctx: SurveyContext,
  wave: WaveRow,
  csv: string,
): Promise<{ imported: number; perArea: { areaId: string; addresses: number }[] }> {
  requireWaveStatus(wave.status, ['draft'], { nl: 'het adresbestand vervangen', en: 'replace the address list' });
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    const options: Options = { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true };
    records = parse(text, options);
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    fail([{ line, message: error instanceof Error ? error.message : String(error) }]);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const [iAddress, iPostcode, iArea, iPlace] = [col('adres'), col('postcode'), col('gebied'), col('woonplaats')];
  if (iAddress < 0 || iPostcode < 0 || iArea < 0) fail([{ line: 1, message: 'kopregel moet de kolommen adres;postcode;gebied bevatten (woonplaats mag)' }]);
  const areaRefs = await findAreaRefs(tx, ctx.municipalityId, wave.areaIds);
  const areaByCode = new Map(areaRefs.map((a) => [a.code.toUpperCase(), a.id]));
  const errors: LineError[] = [];
  const rows: AddressInput[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.every((c) => c === '')) return;
    const address = record[iAddress] ?? '';
    const postcode = (record[iPostcode] ?? '').toUpperCase().replace(/\s+/g, ' ');
    const areaCode = (record[iArea] ?? '').toUpperCase();
    const place = iPlace >= 0 ? (record[iPlace] ?? '') : '';
    if (!address) errors.push({ line, message: 'adres ontbreekt' });
    if (!POSTCODE.test(postcode)) errors.push({ line, message: `ongeldige postcode "${postcode}"` });
    const areaId = areaByCode.get(areaCode);
    if (!areaId) errors.push({ line, message: `gebied "${areaCode}" hoort niet bij deze ronde` });
    const key = `${postcode.replace(' ', '')}|${address.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.push({ line, message: `dubbel adres (ook op regel ${earlier})` });
    else seen.set(key, line);
    if (areaId && address && POSTCODE.test(postcode)) rows.push({ areaId, line, address, postcode, place });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: 'geen adressen' });
  if (rows.length > MAX_ADDRESSES) errors.push({ line: MAX_ADDRESSES + 2, message: `meer dan ${MAX_ADDRESSES} adressen` });
  if (errors.length > 0) fail(errors);
  await replaceAddresses(tx, ctx.municipalityId, wave.id, rows);
  const perAreaMap = new Map<string, number>();
  for (const r of rows) perAreaMap.set(r.areaId, (perAreaMap.get(r.areaId) ?? 0) + 1);
  const perArea = [...perAreaMap].map(([areaId, addresses]) => ({ areaId, addresses }));
  await recordAudit(tx, {
    ...ctx,
    action: 'survey_wave.upload_addresses',
    entityType: 'survey_wave',
    entityId: wave.id,
    after: { imported: rows.length, perArea },
  });
  return { imported: rows.length, perArea };
}
