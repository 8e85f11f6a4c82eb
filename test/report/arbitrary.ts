import fc from 'fast-check';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { calculateInventory } from '../../src/inventory/index.js';

/** Text that would run as a formula in a spreadsheet if written as it is. */
export const HOSTILE_TEXTS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '＝1+1', '<script>alert(1)</script>'];

const TEMPLATES: readonly Omit<ActivityRecordInput, 'quantity'>[] = [
  { category: 'buildings', source: 'natural-gas', unit: 'kWh', dataQuality: 'metered' },
  { category: 'buildings', source: 'electricity', unit: 'kWh', dataQuality: 'invoiced', market: { type: 'supplier-specific', kgCO2ePerKWh: '0.1521' } },
  { category: 'street-lighting', source: 'electricity', unit: 'MWh', dataQuality: 'estimated' },
  { category: 'fleet', source: 'diesel', unit: 'litre', dataQuality: 'invoiced' },
  { category: 'business-travel', source: 'car:average:unknown', unit: 'mile', dataQuality: 'estimated' },
  { category: 'waste', source: 'waste:commercial-and-industrial-waste:combustion', unit: 'tonne', dataQuality: 'metered' },
  { category: 'fugitive-emissions', source: 'refrigerant:r410a', unit: 'kg', dataQuality: 'metered' },
];

/** A quantity with up to 9 integer and 6 fractional digits, as text (exact). */
const quantity = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(6, '0')}`);

const site = fc.oneof(fc.constant(undefined), fc.constantFrom(...HOSTILE_TEXTS, 'Civic Centre', 'Depot'), fc.string({ maxLength: 12 }));

const record = fc.tuple(fc.constantFrom(...TEMPLATES), quantity, site, fc.option(fc.constantFrom(...HOSTILE_TEXTS), { nil: undefined })).map(
  ([template, q, s, notes]): ActivityRecordInput => ({ ...template, quantity: q, ...(s === undefined ? {} : { site: s }), ...(notes === undefined ? {} : { notes }) }),
);

/** Inventories made the real way, by calculateInventory, from random records under the 2023 factors. */
export const inventories = fc
  .array(record, { minLength: 0, maxLength: 12 })
  .map((records) => calculateInventory({ records, council: { name: 'Test Council' }, reportingYear: '2023/24' }));
