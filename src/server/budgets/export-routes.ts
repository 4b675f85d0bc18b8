// SPDX-License-Identifier: EUPL-1.2
// The controller's exports as routes: each export (budgets, ledger, initiatives) is one table
// builder, served as `<name>.csv` and `<name>.xlsx` for a period. The chain is the same for all:
// load the municipality, authorize finance.export municipality-wide, read and check the period,
// build the table, send it in the format asked for.
import { Type } from 'typebox';
import type { App } from '../http/app-type.js';
import { authorizeMunicipalityWide, requireActor } from '../http/authorize.js';
import { loadMunicipality, type Municipality } from '../municipalities/queries.js';
import { rootLineage } from '../areas/queries.js';
import type { Db } from '../db/client.js';
import { assertPeriod, readDate } from './input.js';
import { sendExport, type ExportFormat, type ExportTable } from './exports.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export interface ExportSpec {
  /** Path segment: /exports/<name>.csv and .xlsx */
  name: string;
  /** Dutch file name stem, e.g. "grootboek": grootboek-GM0983-2020-01-01-2020-12-31.xlsx */
  basename: string;
  summary: string;
  build(db: Db, municipality: Municipality, from: string, to: string): Promise<ExportTable>;
}

export function exportRoutes(app: App, spec: ExportSpec): void {
  const db = app.services.db;
  for (const format of FORMATS) {
    app.get(
      `/api/municipalities/:code/exports/${spec.name}.${format}`,
      {
        schema: {
          tags: ['exports'],
          summary: `${spec.summary} — ${format.toUpperCase()} (finance.export)`,
          params: Type.Object({ code: Code }),
          querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        },
      },
      async (request, reply) => {
        const municipality = await loadMunicipality(db, request.params.code);
        const actor = requireActor(request, municipality.id);
        authorizeMunicipalityWide(actor, 'finance.export', await rootLineage(db, municipality.id));
        const from = readDate(request.query.from, 'Begin van de periode');
        const to = readDate(request.query.to, 'Einde van de periode');
        assertPeriod(from, to);
        const table = await spec.build(db, municipality, from, to);
        return sendExport(reply, `${spec.basename}-${municipality.code}-${from}-${to}`, format, table);
      },
    );
  }
}
