// SPDX-License-Identifier: EUPL-1.2
// `wijkwijs pb tally FILE.pb`: count a participatory-budgeting vote stored in the pabulib format.
// The only I/O is reading the file; parsing and counting are in src/core/voting/.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { PbParseError, parsePb } from '../../core/voting/pabulib.js';
import { RULE_NAMES, RuleError, type RuleName } from '../../core/voting/rules.js';
import { TallyError, tallyPbFile, tallyToJson } from '../../core/voting/tally-file.js';

/** Where the command writes; replaceable in tests. */
export interface PbCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly fail: (exitCode: number) => void;
  readonly readFile: (path: string) => string;
}

const processIo: PbCommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  fail: (code) => {
    process.exitCode = code;
  },
  readFile: (path) => readFileSync(path, 'utf8'),
};

interface TallyCliOptions {
  readonly rule?: RuleName;
  readonly json?: boolean;
  readonly utility?: 'cost' | 'approval';
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function pbCommand(io: PbCommandIo = processIo): Command {
  const pb = new Command('pb').description('Pabulib .pb-bestanden / pabulib .pb files (participatory budgeting)');
  pb.command('tally')
    .description('Tel een stemming uit een .pb-bestand en toon de toegekende projecten / count a .pb vote and print the funded projects')
    .argument('<file>', '.pb-bestand / .pb file')
    .addOption(new Option('--rule <rule>', "regel; standaard die van het bestand / rule; default: the file's own").choices(RULE_NAMES))
    .addOption(new Option('--utility <utility>', 'nut bij equal shares / equal shares utility').choices(['cost', 'approval']).default('cost'))
    .option('--json', 'uitslag met uitleg als JSON / outcome with explanation as JSON')
    .action((file: string, options: TallyCliOptions) => {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        io.err(`Kan ${file} niet lezen / cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        io.fail(2);
        return;
      }
      try {
        const tally = tallyPbFile(parsePb(text), { rule: options.rule, utility: options.utility });
        for (const w of tally.warnings) io.err(`waarschuwing / warning [${w.code}]: ${w.message}\n`);
        if (options.json) io.out(JSON.stringify(tallyToJson(tally), jsonReplacer, 2) + '\n');
        else io.out(tally.funded.map((id) => `${id}\n`).join(''));
      } catch (error) {
        if (error instanceof PbParseError) {
          io.err(`${file}: ${error.message} [${error.code}]\n`);
        } else if (error instanceof TallyError || error instanceof RuleError) {
          io.err(`${file}: ${error.message} [${error.code}]\n`);
        } else {
          throw error;
        }
        io.fail(1);
      }
    });
  return pb;
}
