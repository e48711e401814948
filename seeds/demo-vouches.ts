import type { DataSource } from 'typeorm';
import { createVouch } from '../src/vouching/vouch.service.js';
import { createVouchRequest } from '../src/vouching/vouch-request.service.js';
import { demoActors } from './demo-coalitions.js';

// Demo vouching, through the vouching services as the demo accounts: the PRIVATE Kafala Watch Collective (which no
// verified organization may see) asks three verified organizations for a vouch; two vouch (it shows VOUCHED), the
// third request waits for demo-owner@example.org (Hellenic Asylum Lawyers Group). And two verified organizations
// vouch for the Exarchia clinic, an informal group, in the open. Skipped when any vouch exists (idempotent).

const GROUP = 'Kafala Watch Collective';
const ASKED = [
  { voucher: 'Bayt al-Amal Refugee Support', vouches: true },
  { voucher: 'Darb Legal Agenda', vouches: true },
  { voucher: 'Hellenic Asylum Lawyers Group', vouches: false },
];
const OPEN = { group: 'Solidarity Health Clinic of Exarchia', vouchers: ['Observatory Against Racist Violence', 'Darb Legal Agenda'] };

export async function seedDemoVouches(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  if ((await ds.query('SELECT 1 FROM vouches LIMIT 1')).length) return 0;
  const actors = await demoActors(ds, [GROUP, OPEN.group, ...ASKED.map((a) => a.voucher), ...OPEN.vouchers]);
  if (!actors) return 0;
  let given = 0;
  for (const { voucher, vouches } of ASKED) {
    await actors.run(GROUP, (ctx, tx) => createVouchRequest(ctx, tx, {
      organizationId: actors.id(GROUP), voucherOrganizationId: actors.id(voucher),
      message: 'We document abuses of domestic workers under the kafala system; your lawyers took three of our cases.',
    }));
    if (!vouches) continue;
    await actors.run(voucher, (ctx, tx) => createVouch(ctx, tx, {
      voucherOrganizationId: actors.id(voucher), organizationId: actors.id(GROUP), statement: 'We have worked beside them on cases since 2023.',
    }));
    given++;
  }
  for (const voucher of OPEN.vouchers) {
    await actors.run(voucher, (ctx, tx) => createVouch(ctx, tx, {
      voucherOrganizationId: actors.id(voucher), organizationId: actors.id(OPEN.group), statement: 'An informal clinic we refer people to every week.',
    }));
    given++;
  }
  log(`demo vouches: ${given}, one vouch request waiting`);
  return given;
}
