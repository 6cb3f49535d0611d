/**
 * CSV import with a row-level error report. An import with bad rows writes nothing unless the
 * caller asks to skip them; rows are upserted on their natural keys so re-importing a file
 * changes nothing twice.
 */
import { parse } from 'csv-parse/sync';
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../store/database.js';
import { inventoryLevels, orderLines, orders, products, warehouses } from '../store/schema.js';
import { InventoryUpsert, OrderCreate, ProductCreate, WarehouseCreate } from '../domain/resources.js';
import { newId } from '../shared/ids.js';
import { csvFormats, parseCell, type CsvColumn, type ImportKind } from './csv-formats.js';
import { loadOrderLookups, orderRows } from './orders.js';
import { warehouseColumns } from './warehouses.js';

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  kind: ImportKind;
  /** 'committed' when rows were written, 'rejected' when errors stopped the whole import. */
  outcome: 'committed' | 'rejected';
  rowsRead: number;
  inserted: number;
  updated: number;
  skipped: number;
  errors: RowError[];
}

/** Errors past this many are counted, not listed, so a wrong file does not produce a huge report. */
const MAX_LISTED_ERRORS = 1000;
const BATCH = 500;

const analyzeTables: Record<ImportKind, string> = { orders: 'orders, order_lines', products: 'products', warehouses: 'warehouses', inventory: 'inventory_levels' };

interface ParsedRow {
  row: number;
  data: Record<string, unknown>;
}

export class ImportService {
  constructor(private readonly db: Db) {}

  async run(merchantId: string, kind: ImportKind, csvText: string, skipInvalid: boolean): Promise<ImportReport> {
    const columns: CsvColumn[] = csvFormats[kind];
    const errors: RowError[] = [];
    const records = this.readCsv(csvText, columns, errors);
    const parsed: ParsedRow[] = [];
    for (const rec of records) {
      const data: Record<string, unknown> = {};
      let ok = true;
      for (const c of columns) {
        const cell = parseCell(c, rec.cells[c.name] ?? '');
        if ('error' in cell) {
          errors.push({ row: rec.row, column: c.name, reason: cell.error });
          ok = false;
        } else if (cell.value !== undefined) setPath(data, c.path, cell.value);
      }
      if (ok) parsed.push({ row: rec.row, data });
    }
    const badRows = new Set(errors.map((e) => e.row));
    const writer = this.writers[kind];
    const plan = await writer.call(this, merchantId, parsed.filter((p) => !badRows.has(p.row)), columns, errors);
    const rejectedRows = new Set(errors.map((e) => e.row));
    const report: ImportReport = {
      kind, outcome: 'committed', rowsRead: records.length, inserted: 0, updated: 0,
      skipped: rejectedRows.size, errors: errors.sort((a, b) => a.row - b.row).slice(0, MAX_LISTED_ERRORS),
    };
    if (errors.length && !skipInvalid) return { ...report, outcome: 'rejected', skipped: records.length };
    const counts = await this.db.transaction(async (tx) => plan(tx as unknown as Db));
    // A large import changes the tables enough that the planner needs fresh statistics.
    if (counts.inserted + counts.updated >= 1000) await this.db.execute(sql.raw(`analyze ${analyzeTables[kind]}`));
    return { ...report, ...counts };
  }

  private readCsv(text: string, columns: CsvColumn[], errors: RowError[]): { row: number; cells: Record<string, string> }[] {
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
    } catch (e) {
      const line = (e as { lines?: number }).lines ?? 1;
      errors.push({ row: line, column: '', reason: `not valid CSV: ${(e as Error).message}` });
      return [];
    }
    if (rows.length === 0) {
      errors.push({ row: 1, column: '', reason: 'the file is empty; the first line must name the columns' });
      return [];
    }
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const known = new Set(columns.map((c) => c.name));
    for (const h of header) if (!known.has(h)) errors.push({ row: 1, column: h, reason: `unknown column; expected some of: ${[...known].join(', ')}` });
    for (const c of columns) if (c.required && !header.includes(c.name)) errors.push({ row: 1, column: c.name, reason: 'required column is missing' });
    if (errors.length) return [];
    return rows.slice(1).map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) }));
  }

  private readonly writers: Record<ImportKind, (merchantId: string, rows: ParsedRow[], columns: CsvColumn[], errors: RowError[]) => Promise<Plan>> = {
    products: async (merchantId, rows, columns, errors) => {
      const valid = validateEach(rows, ProductCreate, columns, errors);
      return (tx) => upsertBatches(tx, products, [products.merchantId, products.sku],
        dedupeBy(valid, (v) => v.sku).map((v) => ({ id: newId('prd'), merchantId, ...v, updatedAt: new Date() })));
    },
    warehouses: async (merchantId, rows, columns, errors) => {
      const valid = validateEach(rows, WarehouseCreate, columns, errors);
      return (tx) => upsertBatches(tx, warehouses, [warehouses.merchantId, warehouses.code],
        dedupeBy(valid, (v) => v.code).map((v) => ({ id: newId('wh'), merchantId, ...warehouseColumns(v), updatedAt: new Date() })) as (typeof warehouses.$inferInsert)[]);
    },
    inventory: async (merchantId, rows, columns, errors) => {
      const valid = validateEach(rows, InventoryUpsert, columns, errors, true);
      const lookups = await loadOrderLookups(this.db, merchantId, [...new Set(valid.map((v) => v.value.sku))]);
      const values: (typeof inventoryLevels.$inferInsert)[] = [];
      for (const { row, value } of valid) {
        const productId = lookups.productIds.get(value.sku);
        const warehouseId = lookups.warehouseIds.get(value.warehouseCode);
        if (!productId) errors.push({ row, column: 'sku', reason: `no product with SKU ${value.sku}` });
        if (!warehouseId) errors.push({ row, column: 'warehouse_code', reason: `no warehouse with code ${value.warehouseCode}` });
        if (productId && warehouseId) values.push({ merchantId, productId, warehouseId, onHand: value.onHand, reserved: value.reserved, reorderPoint: value.reorderPoint, updatedAt: new Date() });
      }
      return (tx) => upsertBatches(tx, inventoryLevels, [inventoryLevels.merchantId, inventoryLevels.productId, inventoryLevels.warehouseId],
        dedupeBy(values, (v) => `${v.productId}|${v.warehouseId}`));
    },
    orders: async (merchantId, rows, columns, errors) => {
      // Rows sharing an order_id are one order; the order's own fields come from its first row.
      const groups = new Map<string, ParsedRow[]>();
      for (const r of rows) {
        const key = String(r.data.externalId);
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      const skus = new Set<string>();
      const candidates: { rows: ParsedRow[]; input: z.output<typeof OrderCreate> }[] = [];
      for (const group of groups.values()) {
        const { lines: _l, ...head } = group[0].data;
        const input = { ...head, lines: group.map((g) => (g.data.lines as Record<string, unknown>)) };
        const parsed = OrderCreate.safeParse(input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const isLine = issue.path[0] === 'lines' && typeof issue.path[1] === 'number';
            const row = isLine ? group[issue.path[1] as number].row : group[0].row;
            const fieldPath = isLine ? ['lines', ...issue.path.slice(2)] : issue.path;
            errors.push({ row, column: columnFor(columns, fieldPath), reason: issue.message });
          }
          continue;
        }
        parsed.data.lines.forEach((l) => skus.add(l.sku));
        candidates.push({ rows: group, input: parsed.data });
      }
      const lookups = await loadOrderLookups(this.db, merchantId, [...skus]);
      const built: ReturnType<typeof orderRows>[] = [];
      for (const c of candidates) {
        try {
          built.push(orderRows(merchantId, newId('ord'), c.input, lookups));
        } catch (e) {
          const fieldErrors = (e as { errors?: { field: string; message: string }[] }).errors ?? [];
          for (const fe of fieldErrors) errors.push({ row: c.rows[0].row, column: columnFor(columns, [fe.field]), reason: fe.message });
        }
      }
      return async (tx) => {
        let inserted = 0;
        let updated = 0;
        for (let i = 0; i < built.length; i += BATCH) {
          const batch = built.slice(i, i + BATCH);
          const returned = await tx.insert(orders).values(batch.map((b) => b.order))
            .onConflictDoUpdate({ target: [orders.merchantId, orders.externalId], set: { ...excludedSet(orders, ['id', 'merchantId', 'externalId', 'createdAt']), updatedAt: new Date() } })
            .returning({ id: orders.id, externalId: orders.externalId, isNew: sql<boolean>`(xmax = 0)` });
          const idOf = new Map(returned.map((r) => [r.externalId, r.id]));
          for (const r of returned) r.isNew ? inserted++ : updated++;
          await tx.delete(orderLines).where(and(eq(orderLines.merchantId, merchantId), inArray(orderLines.orderId, returned.filter((r) => !r.isNew).map((r) => r.id))));
          const lines = batch.flatMap((b) => b.lines.map((l) => ({ ...l, orderId: idOf.get(b.order.externalId)! })));
          for (let j = 0; j < lines.length; j += BATCH * 4) await tx.insert(orderLines).values(lines.slice(j, j + BATCH * 4));
        }
        return { inserted, updated };
      };
    },
  };
}

type Plan = (tx: Db) => Promise<{ inserted: number; updated: number }>;

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

function columnFor(columns: CsvColumn[], path: PropertyKey[]): string {
  const joined = path.map(String).join('.');
  const hit = columns.find((c) => c.path.join('.') === joined || joined.startsWith(`${c.path.join('.')}.`));
  return hit?.name ?? joined;
}

function validateEach<S extends z.ZodType>(rows: ParsedRow[], schema: S, columns: CsvColumn[], errors: RowError[]): z.output<S>[];
function validateEach<S extends z.ZodType>(rows: ParsedRow[], schema: S, columns: CsvColumn[], errors: RowError[], withRow: true): { row: number; value: z.output<S> }[];
function validateEach<S extends z.ZodType>(rows: ParsedRow[], schema: S, columns: CsvColumn[], errors: RowError[], withRow = false) {
  const out = [];
  for (const r of rows) {
    const parsed = schema.safeParse(r.data);
    if (parsed.success) out.push(withRow ? { row: r.row, value: parsed.data } : parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: r.row, column: columnFor(columns, issue.path), reason: issue.message });
  }
  return out;
}

/** A file that lists the same key twice keeps its last row, as a spreadsheet user expects. */
function dedupeBy<T>(items: T[], key: (t: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}

function excludedSet(table: typeof orders | typeof products | typeof warehouses | typeof inventoryLevels, skip: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!skip.includes(key)) set[key] = sql.raw(`excluded."${(column as PgColumn).name}"`);
  }
  return set;
}

async function upsertBatches<T extends Record<string, unknown>>(
  tx: Db, table: typeof products | typeof warehouses | typeof inventoryLevels, target: PgColumn[], values: T[],
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const rows = await tx.insert(table).values(values.slice(i, i + BATCH) as never[])
      .onConflictDoUpdate({ target, set: excludedSet(table, ['id', 'merchantId', 'createdAt', 'productId', 'warehouseId']) })
      .returning({ isNew: sql<boolean>`(xmax = 0)` });
    for (const r of rows) r.isNew ? inserted++ : updated++;
  }
  return { inserted, updated };
}

