// SPDX-License-Identifier: EUPL-1.2
// The indicator catalogue: what an indicator is, and the predefined base set. Base-set indicators
// are mapped from CBS Kerncijfers wijken en buurten by the BASE name of the CBS key (the part
// before the `_N` suffix: `AantalInwoners_5` in 2024, `AantalInwoners_4` in another year — the
// number is the column position and changes between years), from the property names of the
// geoinzicht GeoJSON files and trend CSV, and from the column titles of CBS custom CSV tables.

export const indicatorThemes = ['population', 'housing', 'income', 'social', 'safety', 'physical', 'health', 'economy', 'survey', 'other'] as const;
export const indicatorUnits = ['count', 'percent', 'eur_1000', 'per_1000', 'per_km2', 'per_household', 'ha', 'km', 'grade', 'other'] as const;
export const polarities = ['higher_better', 'higher_worse', 'neutral'] as const;
export const indicatorSources = ['cbs', 'survey', 'police', 'own'] as const;
/** How a figure is aggregated to a larger area (core/stats: sum, population-weighted mean, recomputed from counts, or not at all). */
export const aggregations = ['sum', 'population_weighted_mean', 'recompute', 'none'] as const;

export type IndicatorTheme = (typeof indicatorThemes)[number];
export type IndicatorUnit = (typeof indicatorUnits)[number];
export type Polarity = (typeof polarities)[number];
export type IndicatorSource = (typeof indicatorSources)[number];
export type Aggregation = (typeof aggregations)[number];

export interface LocalText {
  nl: string;
  en: string;
}

/** One catalogue entry as the API shows it (contract: docs/notes monitor-api.md, `Indicator`). */
export interface Indicator {
  id: string;
  name: LocalText;
  theme: IndicatorTheme;
  unit: IndicatorUnit;
  polarity: Polarity;
  source: IndicatorSource;
  licence: string;
  attribution: string;
  /** Part of the base set every municipality has, or an area-specific/own indicator. */
  baseSet: boolean;
  aggregation: Aggregation;
  decimals: number;
  /** Open data anyone may read (CBS, police); otherwise staff with report.read or area.view_internal. */
  public: boolean;
  description?: LocalText | undefined;
}

/** Base-set entry: an indicator plus how to recognise it in source files. */
export interface BaseIndicator extends Indicator {
  /** CBS Kerncijfers keys without the `_N` suffix. */
  cbsKeys: string[];
  /** Property/column names in the geoinzicht GeoJSON and trend CSV files. */
  geoKeys: string[];
  /** Normalised column titles in CBS custom CSV tables (lower case, spaces collapsed). */
  titles: string[];
  /**
   * Counts CBS publishes rounded to multiples of 5 for wijken and buurten: values there get the
   * status `rounded` (municipality totals are exact).
   */
  roundedBelowMunicipality?: boolean;
}

const CBS_LICENCE = 'CC BY 4.0';
const CBS_ATTRIBUTION = 'Bron: CBS, Kerncijfers wijken en buurten';
const POLICE_ATTRIBUTION = 'Bron: Politie, geregistreerde misdrijven (open data), via CBS-buurtdata';

type Spec = Omit<BaseIndicator, 'licence' | 'attribution' | 'baseSet' | 'public' | 'source' | 'titles' | 'geoKeys' | 'cbsKeys'> &
  Partial<Pick<BaseIndicator, 'licence' | 'attribution' | 'source' | 'titles' | 'geoKeys' | 'cbsKeys'>>;

function base(spec: Spec): BaseIndicator {
  return {
    source: 'cbs',
    licence: CBS_LICENCE,
    attribution: CBS_ATTRIBUTION,
    baseSet: true,
    public: true,
    cbsKeys: [],
    geoKeys: [],
    titles: [],
    ...spec,
  };
}

const count = { unit: 'count', aggregation: 'sum', decimals: 0, roundedBelowMunicipality: true } as const;
const share = { unit: 'percent', decimals: 0 } as const;

/** The base set: CBS Kerncijfers wijken en buurten (and police figures in the same files). */
export const baseIndicators: readonly BaseIndicator[] = [
  base({
    id: 'population',
    name: { nl: 'Aantal inwoners', en: 'Population' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['AantalInwoners'],
    geoKeys: ['aantal_inwoners'],
    titles: ['aantal inwoners'],
  }),
  base({ id: 'men', name: { nl: 'Mannen', en: 'Men' }, theme: 'population', polarity: 'neutral', ...count, cbsKeys: ['Mannen'], geoKeys: ['mannen'] }),
  base({ id: 'women', name: { nl: 'Vrouwen', en: 'Women' }, theme: 'population', polarity: 'neutral', ...count, cbsKeys: ['Vrouwen'], geoKeys: ['vrouwen'] }),
  base({
    id: 'age_0_14',
    name: { nl: 'Inwoners 0 tot 15 jaar', en: 'Residents aged 0-14' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['k_0Tot15Jaar'],
  }),
  base({
    id: 'age_15_24',
    name: { nl: 'Inwoners 15 tot 25 jaar', en: 'Residents aged 15-24' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['k_15Tot25Jaar'],
  }),
  base({
    id: 'age_25_44',
    name: { nl: 'Inwoners 25 tot 45 jaar', en: 'Residents aged 25-44' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['k_25Tot45Jaar'],
  }),
  base({
    id: 'age_45_64',
    name: { nl: 'Inwoners 45 tot 65 jaar', en: 'Residents aged 45-64' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['k_45Tot65Jaar'],
  }),
  base({
    id: 'age_65_plus',
    name: { nl: 'Inwoners van 65 jaar of ouder', en: 'Residents aged 65 and over' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['k_65JaarOfOuder'],
  }),
  base({
    id: 'share_0_14',
    name: { nl: 'Aandeel 0 tot 15 jaar', en: 'Share aged 0-14' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'population_weighted_mean',
    geoKeys: ['0_15'],
  }),
  base({
    id: 'share_15_24',
    name: { nl: 'Aandeel 15 tot 25 jaar', en: 'Share aged 15-24' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'population_weighted_mean',
    geoKeys: ['15_25'],
  }),
  base({
    id: 'share_25_44',
    name: { nl: 'Aandeel 25 tot 45 jaar', en: 'Share aged 25-44' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'population_weighted_mean',
    geoKeys: ['25_45'],
  }),
  base({
    id: 'share_45_64',
    name: { nl: 'Aandeel 45 tot 65 jaar', en: 'Share aged 45-64' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'population_weighted_mean',
    geoKeys: ['45_65'],
  }),
  base({
    id: 'share_65_plus',
    name: { nl: 'Aandeel 65 jaar of ouder', en: 'Share aged 65 and over' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'population_weighted_mean',
    geoKeys: ['65plus'],
  }),
  base({
    id: 'population_density',
    name: { nl: 'Bevolkingsdichtheid', en: 'Population density' },
    theme: 'population',
    unit: 'per_km2',
    polarity: 'neutral',
    aggregation: 'none',
    decimals: 0,
    cbsKeys: ['Bevolkingsdichtheid'],
    geoKeys: ['bevolkingsdichtheid'],
  }),
  base({
    id: 'households',
    name: { nl: 'Huishoudens', en: 'Households' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['HuishoudensTotaal'],
    geoKeys: ['huishoudens'],
  }),
  base({
    id: 'single_person_households',
    name: { nl: 'Eenpersoonshuishoudens', en: 'Single-person households' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['Eenpersoonshuishoudens'],
  }),
  base({
    id: 'households_with_children',
    name: { nl: 'Huishoudens met kinderen', en: 'Households with children' },
    theme: 'population',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['HuishoudensMetKinderen'],
  }),
  base({
    id: 'share_single_person_households',
    name: { nl: 'Aandeel eenpersoonshuishoudens', en: 'Share of single-person households' },
    theme: 'population',
    polarity: 'neutral',
    ...share,
    aggregation: 'none',
    geoKeys: ['pct_eenpersoonshhd'],
  }),
  base({
    id: 'avg_household_size',
    name: { nl: 'Gemiddelde huishoudensgrootte', en: 'Average household size' },
    theme: 'population',
    unit: 'other',
    polarity: 'neutral',
    aggregation: 'none',
    decimals: 1,
    cbsKeys: ['GemiddeldeHuishoudensgrootte'],
    geoKeys: ['gem_huishouden_grootte'],
  }),
  base({
    id: 'housing_stock',
    name: { nl: 'Woningvoorraad', en: 'Housing stock' },
    theme: 'housing',
    polarity: 'neutral',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['Woningvoorraad'],
    geoKeys: ['woningvoorraad'],
  }),
  base({
    id: 'avg_woz_value',
    name: { nl: 'Gemiddelde WOZ-waarde van woningen', en: 'Average WOZ value of dwellings' },
    theme: 'housing',
    unit: 'eur_1000',
    polarity: 'neutral',
    aggregation: 'none',
    decimals: 0,
    cbsKeys: ['GemiddeldeWOZWaardeVanWoningen'],
    geoKeys: ['gem_woz_waarde'],
  }),
  base({
    id: 'share_owner_occupied',
    name: { nl: 'Koopwoningen', en: 'Owner-occupied dwellings' },
    theme: 'housing',
    polarity: 'neutral',
    ...share,
    aggregation: 'none',
    cbsKeys: ['Koopwoningen'],
    geoKeys: ['koopwoningen'],
  }),
  base({
    id: 'share_rented',
    name: { nl: 'Huurwoningen', en: 'Rented dwellings' },
    theme: 'housing',
    polarity: 'neutral',
    ...share,
    aggregation: 'none',
    cbsKeys: ['HuurwoningenTotaal'],
    geoKeys: ['huurwoningen'],
  }),
  base({
    id: 'share_social_housing',
    name: { nl: 'Huurwoningen van een woningcorporatie', en: 'Dwellings owned by a housing corporation' },
    theme: 'housing',
    polarity: 'neutral',
    ...share,
    aggregation: 'none',
    cbsKeys: ['InBezitWoningcorporatie'],
    geoKeys: ['pct_huurcorporatie'],
  }),
  base({
    id: 'share_vacant_dwellings',
    name: { nl: 'Onbewoonde woningen', en: 'Vacant dwellings' },
    theme: 'housing',
    polarity: 'higher_worse',
    ...share,
    aggregation: 'none',
    cbsKeys: ['OnbewoondeWoningen'],
    geoKeys: ['pct_leegstand'],
  }),
  base({
    id: 'avg_income_per_resident',
    name: { nl: 'Gemiddeld inkomen per inwoner', en: 'Average income per resident' },
    theme: 'income',
    unit: 'eur_1000',
    polarity: 'higher_better',
    aggregation: 'population_weighted_mean',
    decimals: 1,
    cbsKeys: ['GemiddeldInkomenPerInwoner'],
    geoKeys: ['gem_inkomen_inwoner'],
    titles: ['gemiddeld persoonlijk inkomen per inwoner'],
  }),
  base({
    id: 'avg_income_per_earner',
    name: { nl: 'Gemiddeld inkomen per inkomensontvanger', en: 'Average income per income recipient' },
    theme: 'income',
    unit: 'eur_1000',
    polarity: 'higher_better',
    aggregation: 'none',
    decimals: 1,
    cbsKeys: ['GemiddeldInkomenPerInkomensontvanger'],
    geoKeys: ['gem_inkomen_ontvanger'],
  }),
  base({
    id: 'share_low_income_households',
    name: { nl: 'Huishoudens met de 40% laagste inkomens', en: 'Households in the lowest 40% of incomes' },
    theme: 'income',
    polarity: 'higher_worse',
    unit: 'percent',
    decimals: 1,
    aggregation: 'none',
    cbsKeys: ['k_40HuishoudensMetLaagsteInkomen'],
    geoKeys: ['pct_hh_laag_inkomen'],
    titles: ['40% huishoudens met laagste besteedbaar inkomen'],
  }),
  base({
    id: 'share_high_income_households',
    name: { nl: 'Huishoudens met de 20% hoogste inkomens', en: 'Households in the highest 20% of incomes' },
    theme: 'income',
    polarity: 'neutral',
    unit: 'percent',
    decimals: 1,
    aggregation: 'none',
    cbsKeys: ['k_20HuishoudensMetHoogsteInkomen'],
    geoKeys: ['pct_hh_hoog_inkomen'],
    titles: ['20% huishoudens met hoogste besteedbaar inkomen'],
  }),
  base({
    id: 'share_households_social_minimum',
    name: { nl: 'Huishoudens onder of rond het sociaal minimum', en: 'Households at or below the social minimum' },
    theme: 'income',
    polarity: 'higher_worse',
    unit: 'percent',
    decimals: 1,
    aggregation: 'none',
    cbsKeys: ['HuishOnderOfRondSociaalMinimum'],
    geoKeys: ['pct_rond_sociaal_min'],
  }),
  base({
    id: 'benefits_social_assistance',
    name: { nl: 'Personen met bijstand', en: 'People on social assistance' },
    theme: 'social',
    polarity: 'higher_worse',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['PersonenPerSoortUitkeringBijstand'],
  }),
  base({
    id: 'benefits_disability',
    name: { nl: 'Personen met een arbeidsongeschiktheidsuitkering', en: 'People on disability benefit' },
    theme: 'social',
    polarity: 'higher_worse',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['PersonenPerSoortUitkeringAO'],
  }),
  base({
    id: 'benefits_unemployment',
    name: { nl: 'Personen met een WW-uitkering', en: 'People on unemployment benefit' },
    theme: 'social',
    polarity: 'higher_worse',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['PersonenPerSoortUitkeringWW'],
  }),
  base({
    id: 'benefits_pension',
    name: { nl: 'Personen met AOW', en: 'People receiving state pension' },
    theme: 'social',
    polarity: 'neutral',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['PersonenPerSoortUitkeringAOW'],
  }),
  base({
    id: 'net_labour_participation',
    name: { nl: 'Nettoarbeidsparticipatie', en: 'Net labour participation' },
    theme: 'social',
    polarity: 'higher_better',
    ...share,
    aggregation: 'none',
    cbsKeys: ['Nettoarbeidsparticipatie'],
    geoKeys: ['arbeidsparticipatie'],
  }),
  base({
    id: 'share_youth_care',
    name: { nl: 'Jongeren met jeugdzorg', en: 'Young people in youth care' },
    theme: 'health',
    polarity: 'higher_worse',
    unit: 'percent',
    decimals: 1,
    aggregation: 'none',
    cbsKeys: ['PercentageJongerenMetJeugdzorg'],
    geoKeys: ['pct_jeugdzorg'],
  }),
  base({
    id: 'wmo_clients_per_1000',
    name: { nl: 'Wmo-cliënten per 1.000 inwoners', en: 'Wmo clients per 1,000 residents' },
    theme: 'health',
    unit: 'per_1000',
    polarity: 'neutral',
    aggregation: 'population_weighted_mean',
    decimals: 0,
    cbsKeys: ['WmoClientenRelatief'],
    geoKeys: ['wmo_per_1000'],
  }),
  base({
    id: 'cars',
    name: { nl: "Personenauto's", en: 'Passenger cars' },
    theme: 'physical',
    polarity: 'neutral',
    ...count,
    roundedBelowMunicipality: false,
    cbsKeys: ['PersonenautoSTotaal'],
    geoKeys: ['personenautos'],
  }),
  base({
    id: 'cars_per_household',
    name: { nl: "Personenauto's per huishouden", en: 'Passenger cars per household' },
    theme: 'physical',
    unit: 'per_household',
    polarity: 'neutral',
    aggregation: 'none',
    decimals: 1,
    cbsKeys: ['PersonenautoSPerHuishouden'],
    geoKeys: ['auto_per_huishouden'],
    titles: ["personenauto's per huishouden (afgerond)", "personenauto's per huishouden"],
  }),
  base({
    id: 'distance_gp',
    name: { nl: 'Afstand tot huisartsenpraktijk', en: 'Distance to a GP practice' },
    theme: 'physical',
    unit: 'km',
    polarity: 'higher_worse',
    aggregation: 'population_weighted_mean',
    decimals: 1,
    cbsKeys: ['AfstandTotHuisartsenpraktijk'],
    geoKeys: ['afstand_huisarts'],
  }),
  base({
    id: 'distance_supermarket',
    name: { nl: 'Afstand tot grote supermarkt', en: 'Distance to a large supermarket' },
    theme: 'physical',
    unit: 'km',
    polarity: 'higher_worse',
    aggregation: 'population_weighted_mean',
    decimals: 1,
    cbsKeys: ['AfstandTotGroteSupermarkt'],
    geoKeys: ['afstand_supermarkt'],
  }),
  base({
    id: 'land_area',
    name: { nl: 'Oppervlakte land', en: 'Land area' },
    theme: 'physical',
    unit: 'ha',
    polarity: 'neutral',
    aggregation: 'sum',
    decimals: 0,
    cbsKeys: ['OppervlakteLand'],
    geoKeys: ['opp_land'],
  }),
  base({
    id: 'businesses',
    name: { nl: 'Bedrijfsvestigingen', en: 'Business establishments' },
    theme: 'economy',
    polarity: 'neutral',
    ...count,
    cbsKeys: ['BedrijfsvestigingenTotaal'],
    geoKeys: ['bedrijfsvestigingen'],
  }),
  base({
    id: 'crimes_total',
    name: { nl: 'Geregistreerde misdrijven', en: 'Registered crimes' },
    theme: 'safety',
    source: 'police',
    attribution: POLICE_ATTRIBUTION,
    polarity: 'higher_worse',
    unit: 'count',
    aggregation: 'sum',
    decimals: 0,
    geoKeys: ['cr_totaal_misdrijven'],
  }),
  base({
    id: 'crimes_burglary',
    name: { nl: 'Woninginbraken', en: 'Residential burglaries' },
    theme: 'safety',
    source: 'police',
    attribution: POLICE_ATTRIBUTION,
    polarity: 'higher_worse',
    unit: 'count',
    aggregation: 'sum',
    decimals: 0,
    geoKeys: ['cr_inbraak_woning'],
  }),
  base({
    id: 'crimes_vandalism',
    name: { nl: 'Vernielingen', en: 'Vandalism' },
    theme: 'safety',
    source: 'police',
    attribution: POLICE_ATTRIBUTION,
    polarity: 'higher_worse',
    unit: 'count',
    aggregation: 'sum',
    decimals: 0,
    geoKeys: ['cr_vernieling'],
  }),
  base({
    id: 'crimes_assault',
    name: { nl: 'Mishandelingen', en: 'Assaults' },
    theme: 'safety',
    source: 'police',
    attribution: POLICE_ATTRIBUTION,
    polarity: 'higher_worse',
    unit: 'count',
    aggregation: 'sum',
    decimals: 0,
    geoKeys: ['cr_mishandeling'],
  }),
];

/** `AantalInwoners_5` → `AantalInwoners`; keys without a numeric suffix stay as they are. */
export function cbsBaseName(key: string): string {
  return key.replace(/_[0-9]+$/, '');
}

/** Lower case, spaces collapsed and trimmed: for matching CSV column titles. */
export function normaliseTitle(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

const byCbsKey = new Map<string, BaseIndicator>();
const byGeoKey = new Map<string, BaseIndicator>();
const byTitle = new Map<string, BaseIndicator>();
for (const indicator of baseIndicators) {
  for (const k of indicator.cbsKeys) byCbsKey.set(k.toLowerCase(), indicator);
  for (const k of indicator.geoKeys) byGeoKey.set(k, indicator);
  for (const t of indicator.titles) byTitle.set(normaliseTitle(t), indicator);
}

/** The base indicator for a CBS Kerncijfers key of any year (matched by base name), if any. */
export function indicatorForCbsKey(key: string): BaseIndicator | undefined {
  return byCbsKey.get(cbsBaseName(key).toLowerCase());
}

/** The base indicator for a geoinzicht property / trend CSV column, if any. */
export function indicatorForGeoKey(key: string): BaseIndicator | undefined {
  return byGeoKey.get(key);
}

/** The base indicator for a CBS custom table column title, if any. */
export function indicatorForTitle(title: string): BaseIndicator | undefined {
  return byTitle.get(normaliseTitle(title));
}

export function findBaseIndicator(id: string): BaseIndicator | undefined {
  return baseIndicators.find((i) => i.id === id);
}

/** The public part of an indicator (without the matching keys). */
export function publicIndicator(i: Indicator): Indicator {
  return {
    id: i.id,
    name: i.name,
    theme: i.theme,
    unit: i.unit,
    polarity: i.polarity,
    source: i.source,
    licence: i.licence,
    attribution: i.attribution,
    baseSet: i.baseSet,
    aggregation: i.aggregation,
    decimals: i.decimals,
    public: i.public,
    ...(i.description ? { description: i.description } : {}),
  };
}
