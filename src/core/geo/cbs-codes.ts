// SPDX-License-Identifier: EUPL-1.2
// CBS area codes (wijk- en buurtkaart): GMgggg for a municipality, WKggggww for a wijk,
// BUggggwwbb for a buurt. The level and the parent follow from the code alone.

export type CbsLevel = 'municipality' | 'wijk' | 'buurt';

export interface CbsCode {
  code: string;
  level: CbsLevel;
  /** GMgggg of the municipality the area lies in. */
  municipalityCode: string;
  /** The code of the area directly above: WKggggww for a buurt, GMgggg for a wijk, null for a municipality. */
  parentCode: string | null;
}

const pattern = /^(GM|WK|BU)([0-9]{4})([0-9]{2})?([0-9]{2})?$/;

/** Parses a CBS code (case and surrounding spaces ignored); null when it is not one. */
export function parseCbsCode(raw: string): CbsCode | null {
  const code = raw.trim().toUpperCase();
  const m = pattern.exec(code);
  if (!m) return null;
  const [, prefix, gggg, ww, bb] = m;
  const municipalityCode = `GM${gggg}`;
  if (prefix === 'GM' && ww === undefined) return { code, level: 'municipality', municipalityCode, parentCode: null };
  if (prefix === 'WK' && ww !== undefined && bb === undefined) return { code, level: 'wijk', municipalityCode, parentCode: municipalityCode };
  if (prefix === 'BU' && ww !== undefined && bb !== undefined) return { code, level: 'buurt', municipalityCode, parentCode: `WK${gggg}${ww}` };
  return null;
}

/** Codes that look like CBS codes are reserved for CBS areas (custom areas use their own). */
export function looksLikeCbsCode(raw: string): boolean {
  return /^(GM|WK|BU)[0-9]+$/i.test(raw.trim());
}
