/**
 * A fictional, realistic mid-sized English district council ("Example District Council", about 100,000
 * residents, 550 FTE staff) and its 2023/24 activity data. The figures are invented for illustration; the
 * factors used to turn them into emissions are the published DESNZ ones.
 */
import { Decimal, type ActivityRecordInput } from '../src/index.js';

export const council = {
  name: 'Example District Council (fictional)',
  onsCode: 'E07999999',
  councilType: 'district',
  region: 'east-of-england',
  boundaryNotes:
    'Operational control. Includes the council’s offices, depot, two leisure centres (council-run), street lighting, ' +
    'owned fleet and staff travel. Excludes schools (not a district function) and social housing (transferred in 2009).',
} as const;

export const reportingYear = '2023/24';

const invoice = { dataQuality: 'invoiced' } as const;
const meter = { dataQuality: 'metered' } as const;
const estimate = { dataQuality: 'estimated' } as const;

/** Spend rows by category: £ excluding VAT in 2023 prices, as the ledger summary gives them. */
function spend(category: 'purchased-goods-and-services' | 'capital-goods', amounts: Record<string, string>): ActivityRecordInput[] {
  return Object.entries(amounts).map(([spendCategory, pounds]) => ({
    id: `spend-${spendCategory}`, category, source: `spend:${spendCategory}`, quantity: pounds, unit: 'GBP', priceYear: 2023, dataQuality: 'spend-based',
  }));
}

export const records: ActivityRecordInput[] = [
  // Buildings: gas and electricity by site (half-hourly meters and invoices)
  { id: 'gas-civic', category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh', site: 'Civic Centre', ...meter },
  { id: 'gas-leisure-north', category: 'buildings', source: 'natural-gas', quantity: '2093455', unit: 'kWh', site: 'Northgate Leisure Centre', ...meter },
  { id: 'gas-leisure-south', category: 'buildings', source: 'natural-gas', quantity: '1618790', unit: 'kWh', site: 'Southfields Pool', ...meter },
  { id: 'gas-depot', category: 'buildings', source: 'natural-gas', quantity: '412600', unit: 'kWh', site: 'Riverside Depot', ...invoice },
  { id: 'oil-hall', category: 'buildings', source: 'burning-oil', quantity: '11800', unit: 'litre', site: 'Hillcrest Community Hall', ...invoice },
  { id: 'pellets-museum', category: 'buildings', source: 'wood-pellets', quantity: '64.5', unit: 'tonne', site: 'Town Museum', ...invoice },
  { id: 'elec-civic', category: 'buildings', source: 'electricity', quantity: '912400', unit: 'kWh', site: 'Civic Centre', ...meter, market: { type: 'renewable-backed', evidence: 'REGO-backed green tariff, contract 2022-2025' } },
  { id: 'elec-leisure-north', category: 'buildings', source: 'electricity', quantity: '1.27', unit: 'GWh', site: 'Northgate Leisure Centre', ...meter },
  { id: 'elec-leisure-south', category: 'buildings', source: 'electricity', quantity: '884300', unit: 'kWh', site: 'Southfields Pool', ...meter, market: { type: 'supplier-specific', kgCO2ePerKWh: '0.1521', supplier: 'fuel mix disclosure 2023' } },
  { id: 'elec-depot', category: 'buildings', source: 'electricity', quantity: '301200', unit: 'kWh', site: 'Riverside Depot', ...invoice },
  { id: 'heat-offices', category: 'buildings', source: 'district-heat', quantity: '240000', unit: 'kWh', site: 'Market Street Offices', ...invoice },
  // Street lighting: unmetered supply, charged on the inventory of lamps
  { id: 'street-lighting', category: 'street-lighting', source: 'electricity', quantity: '1452000', unit: 'kWh', ...estimate },
  // Fleet: refuse and grounds vehicles by fuel card, electric vans by mileage
  { id: 'fleet-diesel', category: 'fleet', source: 'diesel', quantity: '318450', unit: 'litre', site: 'Riverside Depot', ...invoice },
  { id: 'fleet-hvo', category: 'fleet', source: 'hvo', quantity: '24000', unit: 'litre', site: 'Riverside Depot', ...invoice },
  { id: 'fleet-petrol', category: 'fleet', source: 'petrol', quantity: '7650', unit: 'litre', ...invoice },
  { id: 'fleet-ev-vans', category: 'fleet', source: 'van:average:battery-electric', quantity: '41200', unit: 'mile', ...meter },
  // Fugitive: air conditioning top-ups from the maintenance contractor's F-gas log
  { id: 'fgas-r410a', category: 'fugitive-emissions', source: 'refrigerant:r410a', quantity: '11.5', unit: 'kg', site: 'Civic Centre', ...meter },
  { id: 'fgas-r32', category: 'fugitive-emissions', source: 'refrigerant:r32', quantity: '2.8', unit: 'kg', site: 'Northgate Leisure Centre', ...meter },
  // Business travel
  { id: 'grey-fleet', category: 'business-travel', source: 'car:average:unknown', quantity: '386500', unit: 'mile', ...invoice },
  { id: 'rail', category: 'business-travel', source: 'rail:national', quantity: '96300', unit: 'passenger.km', ...invoice },
  { id: 'flights-domestic', category: 'business-travel', source: 'flight:domestic:average', quantity: '5400', unit: 'passenger.km', ...invoice },
  { id: 'taxis', category: 'business-travel', source: 'taxi:regular', quantity: '2150', unit: 'km', ...estimate },
  { id: 'hotels', category: 'business-travel', source: 'hotel:uk', quantity: '132', unit: 'room night', ...invoice },
  // Employee commuting and homeworking (staff travel survey, scaled to 550 FTE)
  { id: 'commute-car', category: 'employee-commuting', source: 'car:average:unknown', quantity: '1874000', unit: 'km', ...estimate },
  { id: 'commute-bus', category: 'employee-commuting', source: 'bus:average-local', quantity: '212000', unit: 'passenger.km', ...estimate },
  { id: 'homeworking', category: 'employee-commuting', source: 'homeworking', quantity: '318000', unit: 'FTE hour', ...estimate },
  // Waste from the council's own buildings (weighbridge tickets)
  { id: 'waste-residual', category: 'waste', source: 'waste:commercial-and-industrial-waste:combustion', quantity: '186.4', unit: 'tonne', ...meter },
  { id: 'waste-paper', category: 'waste', source: 'waste:paper-and-board-mixed:closed-loop', quantity: '31.2', unit: 'tonne', ...meter },
  { id: 'waste-garden', category: 'waste', source: 'waste:organic-garden-waste:composting', quantity: '58', unit: 'tonne', ...estimate },
  // Water
  { id: 'water-supply', category: 'water', source: 'water-supply', quantity: '18420', unit: 'm3', ...invoice },
  { id: 'water-treatment', category: 'water', source: 'water-treatment', quantity: '17500', unit: 'm3', ...invoice },
  // Procurement, 2023/24, from the creditor payments system summarised by spend category (£ excluding VAT, 2023
  // prices): costed with the Defra / Leeds spend-based multipliers, the largest and least certain part of the footprint.
  ...spend('purchased-goods-and-services', {
    'building-repairs-and-maintenance': '2150000',
    'grounds-maintenance-and-landscaping': '1240000',
    'cleaning-services': '480000',
    'ict-software-and-services': '1860000',
    'ict-hardware': '420000',
    telecommunications: '310000',
    'legal-services': '640000',
    'management-consultancy': '780000',
    'architecture-and-engineering': '520000',
    'agency-and-temporary-staff': '1720000',
    printing: '180000',
    'postage-and-courier': '260000',
    'vehicle-repair-and-maintenance': '610000',
    'hotels-and-accommodation': '1950000',
    insurance: '690000',
    'security-services': '210000',
    'catering-services': '150000',
  }),
  // The recycling contractor reports its own emissions for the council's contract: used instead of the average.
  {
    id: 'spend-recycling-contract', category: 'outsourced-services', source: 'spend:recycling-and-materials-recovery', quantity: '1350000', unit: 'GBP', priceYear: 2023, dataQuality: 'invoiced',
    supplierFactor: { kgCO2ePerGBP: '0.412', supplier: 'Greenway Recycling Ltd (fictional)', evidence: 'contract carbon report 2023/24' },
  },
  ...spend('capital-goods', {
    'construction-new-buildings': '5800000',
    'construction-civil-engineering': '1900000',
    'vehicle-purchase': '1150000',
  }),
  // Energy and fuel paid through the ledger are already counted above in kWh and litres: left out, with a warning.
  ...spend('purchased-goods-and-services', { electricity: '1240000', 'vehicle-fuel': '1050000' }),
  // Memo items: solar PV generation and woodland sequestration, never netted off
  { id: 'solar-pv', category: 'buildings', source: 'renewable-generation:used-on-site', quantity: '86300', unit: 'kWh', site: 'Riverside Depot', ...meter },
  { id: 'woodland', category: 'buildings', source: 'sequestration', quantity: '38', unit: 'tonne', ...estimate },
];

/**
 * The council's revenue procurement reaches the library as its "spend over £500" transparency ledger
 * (examples/example-council-spend-2023-24.csv, generated from these totals by build-example-files.ts, with the
 * mapping of its expense types in examples/example-council-spend-mapping.csv), not through the workbook, which
 * keeps the capital programme and the contract with a supplier figure. Each expense type as the ledger writes it,
 * and the spend category (or SIC group) the mapping gives it.
 */
export const LEDGER_EXPENSE_TYPES: Readonly<Record<string, { readonly expenseType: string; readonly mappedTo: string }>> = {
  'spend-building-repairs-and-maintenance': { expenseType: 'Repairs & Maintenance - Buildings', mappedTo: 'building-repairs-and-maintenance' },
  'spend-grounds-maintenance-and-landscaping': { expenseType: 'Grounds Maintenance', mappedTo: 'grounds-maintenance-and-landscaping' },
  'spend-cleaning-services': { expenseType: 'Cleaning Contracts', mappedTo: 'cleaning-services' },
  'spend-ict-software-and-services': { expenseType: 'IT Software & Support', mappedTo: 'ict-software-and-services' },
  'spend-ict-hardware': { expenseType: 'IT Hardware', mappedTo: 'ict-hardware' },
  'spend-telecommunications': { expenseType: 'Telephones', mappedTo: 'SIC 61' },
  'spend-legal-services': { expenseType: 'Legal Fees', mappedTo: 'legal-services' },
  'spend-management-consultancy': { expenseType: 'Consultants Fees', mappedTo: 'management-consultancy' },
  'spend-architecture-and-engineering': { expenseType: 'Professional Fees - Design', mappedTo: 'architecture-and-engineering' },
  'spend-agency-and-temporary-staff': { expenseType: 'Agency Staff', mappedTo: 'agency-and-temporary-staff' },
  'spend-printing': { expenseType: 'Printing', mappedTo: 'printing' },
  'spend-postage-and-courier': { expenseType: 'Postage', mappedTo: 'postage-and-courier' },
  'spend-vehicle-repair-and-maintenance': { expenseType: 'Vehicle Repairs & Maintenance', mappedTo: 'vehicle-repair-and-maintenance' },
  'spend-hotels-and-accommodation': { expenseType: 'Bed & Breakfast Accommodation', mappedTo: 'hotels-and-accommodation' },
  'spend-insurance': { expenseType: 'Insurance Premiums', mappedTo: 'insurance' },
  'spend-security-services': { expenseType: 'Security Services', mappedTo: 'security-services' },
  'spend-catering-services': { expenseType: 'Catering', mappedTo: 'catering-services' },
  'spend-electricity': { expenseType: 'Electricity', mappedTo: 'electricity' },
  'spend-vehicle-fuel': { expenseType: 'Fuel', mappedTo: 'vehicle-fuel' },
};

/** What the workbook holds: everything but the spend that comes through the ledger. */
export const workbookRecords: ActivityRecordInput[] = records.filter((r) => !Object.hasOwn(LEDGER_EXPENSE_TYPES, r.id ?? ''));
export const ledgerRecords: ActivityRecordInput[] = records.filter((r) => Object.hasOwn(LEDGER_EXPENSE_TYPES, r.id ?? ''));

/**
 * The year before, 2022/23 (invented like the rest): before the LED street-lighting programme, the HVO trial
 * and the electric vans, and with a colder winter's gas. `npm run demo` compares the two years.
 */
export const previousReportingYear = '2022/23';

const PREVIOUS_YEAR_SCALE: Record<string, string> = {
  'natural-gas': '1.12',
  electricity: '1.04',
  diesel: '1.11',
  petrol: '1.05',
};

export const previousRecords: ActivityRecordInput[] = records
  .filter((r) => !['fleet-hvo', 'fleet-ev-vans', 'solar-pv'].includes(r.id ?? ''))
  .map((r) => {
    const scale = r.id === 'street-lighting' ? '1.31' : PREVIOUS_YEAR_SCALE[r.source] ?? '1';
    // The year before's spend is in that year's prices.
    return { ...r, quantity: new Decimal(String(r.quantity)).mul(scale).toFixed(), ...(r.priceYear !== undefined ? { priceYear: r.priceYear - 1 } : {}) };
  });
