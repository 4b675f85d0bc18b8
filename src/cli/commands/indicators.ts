// SPDX-License-Identifier: EUPL-1.2
// `wijkwijs import-indicators FILE ...`: indicator figures from CBS OData JSON, CBS CSV, GeoJSON
// with figures, the gemeente trend CSV or own CSV (area code;indicator;period;value). Each file is
// imported in its own transaction, all or nothing; errors are printed with their line or feature.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../server/config.js';
import { openDatabase, runMigrations } from '../../server/db/client.js';
import { AppError } from '../../server/errors.js';
import { importFormats, type ImportFormat } from '../../server/indicators/parse.js';
import type { ImportError, ImportIndicatorsProgress, ImportIndicatorsResult } from '../../server/indicators/commands/import-indicators.js';

interface Options {
  municipality?: string;
  format?: ImportFormat;
  period?: string;
  dryRun?: boolean;
}

export function importIndicatorsCommand(): Command {
  return new Command('import-indicators')
    .description('Indicatorcijfers importeren (CBS Kerncijfers JSON/CSV, GeoJSON met cijfers, trendbestand, eigen CSV) / import indicator figures')
    .argument('<files...>', 'een of meer bestanden; per bestand alles of niets')
    .option('--municipality <code>', 'alleen cijfers van deze gemeente, bv. GM0983 (standaard: van elke gemeente die al bestaat)')
    .addOption(new Option('--format <format>', 'bestandsformaat (standaard: herkend aan de inhoud)').choices([...importFormats]))
    .option('--period <period>', 'periode voor bestanden zonder jaar, bv. 2024 (standaard: uit het bestand of de bestandsnaam)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .addHelpText(
      'after',
      '\nVoorbeelden:\n  wijkwijs import-indicators kwb2024_85984NED.json --municipality GM0983\n  wijkwijs import-indicators gemeenten_trend_2012-2024.csv inkomen2020.csv --dry-run\n  wijkwijs import-indicators eigen-cijfers.csv   (gebiedscode;indicator;periode;waarde)\n\nBij één fout in een bestand wordt uit dat bestand niets geïmporteerd; alle fouten worden getoond als "Regel 17: …".',
    )
    .action(async (files: string[], options: Options) => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database.db);
        const { importIndicators } = await import('../../server/indicators/commands/import-indicators.js');
        for (const file of files) {
          let content: string;
          try {
            content = await readFile(file, 'utf8');
          } catch {
            console.error(`Bestand niet gevonden of niet leesbaar: ${file}`);
            process.exitCode = 1;
            continue;
          }
          const bar = progressBar(basename(file));
          try {
            const result = await database.db.transaction((tx) =>
              importIndicators(
                tx,
                {
                  content,
                  municipalityCode: options.municipality,
                  format: options.format,
                  period: options.period,
                  fileName: basename(file),
                  dryRun: options.dryRun,
                },
                { actor: { personId: null, label: 'cli' }, onProgress: bar.update },
              ),
            );
            bar.stop();
            report(file, result);
          } catch (error) {
            bar.stop();
            if (!(error instanceof AppError)) throw error;
            const errors = (error.details?.errors ?? []) as ImportError[];
            for (const e of errors) console.error(e.message);
            console.error(
              errors.length > 0
                ? `\n${file}: ${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'}; er is niets geïmporteerd.`
                : `${file}: fout (${error.code}): ${error.text.nl}`,
            );
            process.exitCode = 1;
          }
        }
      } finally {
        await database.close();
      }
    });
}

const phases: Record<ImportIndicatorsProgress['phase'], string> = { validate: 'Controleren', write: 'Opslaan' };

/** A bar per file on a terminal; one line per phase in logs and CI. */
function progressBar(name: string): { update: (p: ImportIndicatorsProgress) => void; stop: () => void } {
  let shown: ImportIndicatorsProgress['phase'] | undefined;
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: `${name} {phase} [{bar}] {value}/{total} cijfers`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  return {
    update: (p) => {
      if (!bar) {
        if (p.phase !== shown) console.error(`${name}: ${phases[p.phase]} (${p.total} cijfers)…`);
      } else if (p.phase !== shown) {
        if (shown) bar.stop();
        bar.start(Math.max(p.total, 1), p.done, { phase: phases[p.phase] });
      } else {
        bar.update(p.done);
      }
      shown = p.phase;
    },
    stop: () => bar?.stop(),
  };
}

function report(file: string, r: ImportIndicatorsResult): void {
  const prefix = r.dryRun ? 'Proef (niets opgeslagen)' : 'Geïmporteerd';
  console.log(`${file} (${r.format}): ${prefix}: ${r.imported} cijfers, perioden ${r.periods.join(', ') || '-'}, ${r.indicators.length} indicatoren.`);
  for (const m of r.municipalities) console.log(`  ${m.code}: ${m.imported}`);
  const s = r.byStatus;
  console.log(`  status: ${s.ok} ok, ${s.rounded} afgerond, ${s.suppressed} afgeschermd, ${s.missing} ontbrekend, ${s.not_applicable} niet van toepassing`);
  for (const u of r.unknownAreaCodes.slice(0, 50)) console.log(`  Onbekende gebiedscode ${u.code} (regel/feature ${u.line})`);
  if (r.unknownAreaCodes.length > 50) console.log(`  … en nog ${r.unknownAreaCodes.length - 50} onbekende gebiedscodes`);
  for (const w of r.warnings) console.log(`  Let op: ${w}`);
}
