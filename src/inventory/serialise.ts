import * as z from 'zod';
import { OriginSchema, parseActivityRecord, type ActivityRecord } from '../activity/record.js';
import { EmissionLineSchema, MemoLineSchema, type EmissionLine, type MemoLine } from '../calculate/line.js';
import { Decimal } from '../decimal.js';
import { FactorSetIdSchema } from '../factors/set-id.js';
import { byCodePoint } from '../order.js';
import { totalLines } from './build.js';
import type { Inventory } from './types.js';

/**
 * An inventory as a JSON document and back, losslessly: decimals as exact strings, maps as objects, keys
 * sorted, so equal inventories give byte-identical text and a reader gets back an equal `Inventory`.
 * Lines refer to their record by id rather than repeating it. On reading, each line must be its quantity times
 * its factor and the totals must be the sum of the lines, so an edited figure is caught rather than trusted.
 */
export const INVENTORY_FORMAT = 'council-ghg/inventory';
/** The version of the inventory JSON format `serialiseInventory` writes. */
export const INVENTORY_FORMAT_VERSION = 1;

/** Text that `parseInventory` cannot read as an inventory, with the reason. */
export class InventoryFormatError extends Error {
  override readonly name = 'InventoryFormatError';
}

/**
 * An inventory as lossless JSON (decimals as exact strings).
 * @example
 * const text = serialiseInventory(inventory);
 * parseInventory(text).totals.total.eq(inventory.totals.total); // true
 */
export function serialiseInventory(inventory: Inventory): string {
  return [...serialisedInventoryParts(inventory)].join('');
}

/**
 * `serialiseInventory`'s text in parts, for writing to a file without holding it all: a part for each field and for
 * each record, line, memo item and problem. The parts are the same bytes as `JSON.stringify` of the whole document
 * with an indent of 2 (each list item is its own JSON, indented to its depth): a 100,000-row baseline's inventory is
 * 250 MB of text, and as one string (with its plain copy) it took 1.9 GB, and twice the rows would pass the engine's
 * longest string.
 */
export function* serialisedInventoryParts(inventory: Inventory): Generator<string> {
  const document: Record<string, unknown> = {
    format: INVENTORY_FORMAT,
    formatVersion: INVENTORY_FORMAT_VERSION,
    note: 'Emissions in kgCO2e as exact decimal strings, not rounded.',
    ...inventory,
  };
  let first = true;
  for (const key of Object.keys(document).sort(byCodePoint)) {
    const value = document[key];
    const items = Array.isArray(value) && value.length > 0 ? (value as readonly unknown[]) : undefined;
    const plain = items === undefined ? toPlain(value) : undefined;
    if (items === undefined && plain === undefined) continue;
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (items === undefined) {
      yield JSON.stringify(plain, null, 2).replace(/\n/g, '\n  ');
      continue;
    }
    let item = 0;
    for (const element of items) {
      // A line refers to its record by id rather than repeating it.
      const written = key === 'lines' ? withoutRecord(element as EmissionLine) : element;
      yield `${item++ === 0 ? '[\n' : ',\n'}    ${JSON.stringify(toPlain(written) ?? null, null, 2).replace(/\n/g, '\n    ')}`;
    }
    yield '\n  ]';
  }
  yield first ? '{}\n' : '\n}\n';
}

function withoutRecord({ record: _record, ...line }: EmissionLine): Omit<EmissionLine, 'record'> {
  return line;
}

/** An inventory from `serialiseInventory`'s JSON, checked (zod); an `InventoryFormatError` when it is not one. */
export function parseInventory(text: string): Inventory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InventoryFormatError(`Not JSON: ${(error as Error).message}`);
  }
  const parsed = InventoryDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InventoryFormatError(`Not a council-ghg inventory: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  const doc = parsed.data;
  const records = doc.records.map((raw, index): ActivityRecord => {
    const result = parseActivityRecord(raw, index);
    if ('problem' in result) throw new InventoryFormatError(`Record ${index + 1}: ${result.problem.message}`);
    return result.record;
  });
  const byId = new Map(records.map((r) => [r.id, r]));
  const lines = doc.lines.map((line): EmissionLine => {
    const record = byId.get(line.recordId);
    if (record === undefined) throw new InventoryFormatError(`A line refers to record '${line.recordId}', which is not in the inventory`);
    return { ...line, record };
  });
  const edited = lines.find((l) => !l.quantity.value.mul(l.factor.kgCO2ePerUnit).eq(l.kgCO2e));
  if (edited !== undefined) throw new InventoryFormatError(`A line of record '${edited.recordId}' is not its quantity times its factor`);
  const memo: MemoLine[] = doc.memo;
  const totals = totalLines(lines, memo);
  const stated = toPlain(doc.totals);
  if (JSON.stringify(stated) !== JSON.stringify(toPlain(totals))) {
    throw new InventoryFormatError('The totals written in the file differ from the sum of its lines');
  }
  const { format: _f, formatVersion: _v, note: _n, ...rest } = doc;
  return { ...rest, records, lines, memo, totals } as Inventory;
}

const InventoryDocumentSchema = z.strictObject({
  format: z.literal(INVENTORY_FORMAT),
  formatVersion: z.literal(INVENTORY_FORMAT_VERSION),
  note: z.string(),
  council: z.strictObject({
    name: z.string().optional(),
    onsCode: z.string().optional(),
    councilType: z.string().optional(),
    region: z.string().optional(),
    boundaryNotes: z.string().optional(),
  }),
  reportingYear: z.string().optional(),
  factorSet: z.strictObject({
    id: FactorSetIdSchema,
    title: z.string(),
    year: z.number().int(),
    sourceFile: z.string(),
    provenanceNote: z.string().optional(),
  }),
  // Records are validated by the activity model itself when read back.
  records: z.array(z.record(z.string(), z.unknown())),
  lines: z.array(EmissionLineSchema),
  memo: z.array(MemoLineSchema),
  problems: z.array(
    z.strictObject({
      severity: z.enum(['error', 'warning']),
      code: z.string(),
      message: z.string(),
      origin: OriginSchema,
      value: z.string().optional(),
    }),
  ),
  recordCount: z.number().int().min(0),
  totals: z.record(z.string(), z.unknown()),
});

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** Decimals to exact strings, maps to objects, keys sorted; undefined fields left out. */
export function toPlain(value: unknown): Plain | undefined {
  if (value === undefined || typeof value === 'function') return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (Array.isArray(value)) return value.map((v) => toPlain(v) ?? null);
  const entries = value instanceof Map ? [...value].map(([k, v]) => [String(k), v] as const) : Object.entries(value as object);
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of [...entries].sort(([a], [b]) => byCodePoint(a, b))) {
    const plain = toPlain(v);
    if (plain !== undefined) out[k] = plain;
  }
  return out;
}
