// SPDX-License-Identifier: EUPL-1.2
// `wijkwijs seed-demo` and `wijkwijs import-areas <file>`. Both open the database named by
// DATABASE_URL (or the embedded one in WIJKWIJS_DATA_DIR), migrate it, and do their work in one
// transaction: on any error nothing is written.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.js';
import { openDatabase, runMigrations, type Database } from '../../server/db/client.js';
import { AppError } from '../../server/errors.js';
import { findMunicipalityByCode } from '../../server/municipalities/queries.js';
import { formatFeatureError, type FeatureError } from '../../core/geo/index.js';
import type { ImportAreasResult, ImportLevel, ImportProgress } from '../../server/areas/commands/import-areas.js';

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function seedDemoCommand(): Command {
  return new Command('seed-demo')
    .description(
      'De demogemeente Venlo (GM0983) laden: echte CBS-grenzen, stadsdelen, pilotgebieden, organisaties en demo-accounts / load the Venlo demo municipality',
    )
    .action(async () => {
      await withDatabase(async ({ db }) => {
        if (await findMunicipalityByCode(db, 'GM0983')) {
          console.error(
            'Gemeente Venlo (GM0983) bestaat al in deze database; de demo is niet opnieuw geladen. Gebruik een lege database (bijvoorbeeld een andere WIJKWIJS_DATA_DIR).',
          );
          console.error('Municipality GM0983 already exists in this database; the demo was not loaded again.');
          process.exitCode = 1;
          return;
        }
        const { seedDemo } = await import('../../server/demo/seed-demo.js');
        const { signIns } = await seedDemo(db);
        console.log(['Demogemeente Venlo (GM0983) geladen. Bron: CBS (CC BY 4.0).', '', 'Demo-accounts:', ...signIns.map((s) => `  ${s}`)].join('\n'));
      });
    });
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
function dateOption(value: string): string {
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`"${value}" is geen datum als 2024-01-01`);
  return value;
}

export function importAreasCommand(): Command {
  return new Command('import-areas')
    .description(
      'Gebiedsgrenzen importeren uit een CBS GeoJSON- of TopoJSON-bestand (wijk- en buurtkaart) / import area boundaries from a CBS GeoJSON or TopoJSON file',
    )
    .argument('<file>', 'GeoJSON FeatureCollection of TopoJSON Topology (WGS84) met statcode/wijkcode/buurtcode per feature')
    .option('--municipality <code>', 'alleen features van deze gemeente, bv. GM0983 (standaard: van elke gemeente die al bestaat)')
    .addOption(new Option('--level <level>', 'alleen wijken of alleen buurten').choices(['wijk', 'buurt']))
    .option('--valid-from <date>', 'begindatum voor nieuwe gebieden (standaard vandaag)', dateOption)
    .option('--close-missing <date>', 'gebieden die niet (meer) in het bestand staan op deze datum beëindigen (standaard blijven ze bestaan)', dateOption)
    .option('--population-year <year>', 'jaar van de inwonertallen (standaard metadata.year uit het bestand)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new Error(`"${v}" is geen jaartal`);
      return n;
    })
    .addHelpText(
      'after',
      '\nVoorbeeld:\n  wijkwijs import-areas wijken_2024.geojson --municipality GM0983 --level wijk --valid-from 2024-01-01\n\nBij één fout in het bestand wordt niets geïmporteerd; alle fouten worden getoond als "Feature 17 (WK098301): …".',
    )
    .action(
      async (file: string, options: { municipality?: string; level?: ImportLevel; validFrom?: string; closeMissing?: string; populationYear?: number }) => {
        let document: unknown;
        try {
          document = JSON.parse(await readFile(file, 'utf8'));
        } catch (error) {
          const code = (error as { code?: string }).code;
          console.error(code === 'ENOENT' ? `Bestand niet gevonden: ${file}` : `Het bestand ${file} is geen geldige JSON: ${(error as Error).message}`);
          process.exitCode = 1;
          return;
        }
        const progress = progressReporter();
        try {
          const result = await withDatabase(async ({ db }) => {
            const { importAreas } = await import('../../server/areas/commands/import-areas.js');
            return db.transaction((tx) =>
              importAreas(
                tx,
                {
                  document,
                  municipalityCode: options.municipality,
                  level: options.level,
                  validFrom: options.validFrom,
                  closeMissing: options.closeMissing,
                  populationYear: options.populationYear,
                },
                { actor: { personId: null, label: 'cli' }, source: basename(file), onProgress: progress.update },
              ),
            );
          });
          progress.stop();
          printResult(result);
        } catch (error) {
          progress.stop();
          if (error instanceof AppError) {
            const errors = (error.details?.errors ?? []) as FeatureError[];
            if (errors.length > 0) {
              for (const e of errors) console.error(formatFeatureError(e));
              console.error(`\n${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}; er is niets geïmporteerd.`);
            } else {
              console.error(`Fout (${error.code}): ${error.text.nl}`);
            }
            process.exitCode = 1;
            return;
          }
          throw error;
        }
      },
    );
}

const phaseLabel: Record<ImportProgress['phase'], string> = { validate: 'Controleren', write: 'Opslaan' };

/** A progress bar on a terminal; a line per phase otherwise (logs, CI). */
function progressReporter(): { update: (p: ImportProgress) => void; stop: () => void } {
  let phase: ImportProgress['phase'] | null = null;
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (!started) {
          bar.start(p.total, 0, { phase: phaseLabel[p.phase] });
          started = true;
        } else if (p.phase !== phase) {
          bar.setTotal(p.total);
        }
        phase = p.phase;
        bar.update(p.done, { phase: phaseLabel[p.phase] });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  return {
    update: (p) => {
      if (p.phase !== phase) console.error(`${phaseLabel[p.phase]}: ${p.total} ${p.phase === 'validate' ? 'features' : 'gebieden'}…`);
      phase = p.phase;
    },
    stop: () => undefined,
  };
}

function printResult(r: ImportAreasResult): void {
  for (const m of r.municipalities) {
    console.log(`${m.code}: ${m.created} nieuw, ${m.updated} bijgewerkt, ${m.unchanged} ongewijzigd${m.closed > 0 ? `, ${m.closed} beëindigd` : ''}.`);
  }
  if (r.skipped > 0) console.log(`${r.skipped} features van andere gemeenten of niveaus overgeslagen.`);
  for (const w of r.warnings) console.log(`Let op: ${w}`);
  console.log(`Klaar / done: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.closed} closed.`);
}
