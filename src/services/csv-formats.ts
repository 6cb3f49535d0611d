/**
 * The CSV layouts merchants import. Each column maps to a field of the API's create schema, so
 * a CSV row is validated by exactly the rules an API request is, and an error names the column.
 */
export type ColumnType = 'string' | 'int' | 'number' | 'bool' | 'decimal';

export interface CsvColumn {
  name: string;
  path: string[];
  type: ColumnType;
  required: boolean;
  /** Empty cell becomes null rather than being left out. */
  nullable?: boolean;
  example: string;
}

const col = (name: string, path: string, type: ColumnType, required: boolean, example: string, nullable = false): CsvColumn =>
  ({ name, path: path.split('.'), type, required, example, nullable });

export const csvFormats = {
  products: [
    col('sku', 'sku', 'string', true, 'TSHIRT-BLK-M'),
    col('name', 'name', 'string', true, 'Organic cotton T-shirt, black, M'),
    col('category', 'category', 'string', false, 'Apparel'),
    col('length_mm', 'lengthMm', 'int', true, '300'),
    col('width_mm', 'widthMm', 'int', true, '250'),
    col('height_mm', 'heightMm', 'int', true, '20'),
    col('weight_g', 'weightG', 'int', true, '180'),
    col('unit_value', 'unitValue', 'decimal', true, '24.90'),
    col('currency', 'currency', 'string', true, 'EUR'),
    col('hs_code', 'hsCode', 'string', false, '610910', true),
    col('origin_country', 'originCountry', 'string', false, 'PT', true),
    col('fragile', 'fragile', 'bool', false, 'false'),
    col('this_side_up', 'thisSideUp', 'bool', false, 'false'),
    col('hazmat', 'hazmat', 'bool', false, 'false'),
  ],
  warehouses: [
    col('code', 'code', 'string', true, 'AMS1'),
    col('name', 'name', 'string', true, 'Amsterdam fulfilment centre'),
    col('operator', 'operator', 'string', false, '3pl'),
    col('line1', 'address.line1', 'string', false, 'Hoogoorddreef 1'),
    col('city', 'address.city', 'string', true, 'Amsterdam'),
    col('region', 'address.region', 'string', false, 'NH'),
    col('postal_code', 'address.postalCode', 'string', false, '1101 BA'),
    col('country', 'address.country', 'string', true, 'NL'),
    col('lat', 'lat', 'number', true, '52.3105'),
    col('lng', 'lng', 'number', true, '4.9450'),
    col('capacity_units_per_day', 'capacityUnitsPerDay', 'int', false, '5000', true),
    col('fixed_cost_per_year', 'fixedCostPerYear', 'decimal', false, '250000'),
    col('currency', 'currency', 'string', true, 'EUR'),
  ],
  inventory: [
    col('sku', 'sku', 'string', true, 'TSHIRT-BLK-M'),
    col('warehouse_code', 'warehouseCode', 'string', true, 'AMS1'),
    col('on_hand', 'onHand', 'int', true, '120'),
    col('reserved', 'reserved', 'int', false, '4'),
    col('reorder_point', 'reorderPoint', 'int', false, '40', true),
  ],
  /** One row per order line; rows sharing order_id form one order. */
  orders: [
    col('order_id', 'externalId', 'string', true, '100234'),
    col('placed_at', 'placedAt', 'string', true, '2026-03-01T10:15:00Z'),
    col('channel', 'channelCode', 'string', false, 'WEB', true),
    col('warehouse', 'warehouseCode', 'string', false, 'AMS1', true),
    col('currency', 'currency', 'string', true, 'EUR'),
    col('status', 'status', 'string', false, 'shipped'),
    col('ship_to_name', 'shipTo.name', 'string', false, 'Ana Silva'),
    col('ship_to_line1', 'shipTo.line1', 'string', false, 'Rua Augusta 10'),
    col('ship_to_city', 'shipTo.city', 'string', true, 'Lisbon'),
    col('ship_to_region', 'shipTo.region', 'string', false, ''),
    col('ship_to_postal_code', 'shipTo.postalCode', 'string', false, '1100-053'),
    col('ship_to_country', 'shipTo.country', 'string', true, 'PT'),
    col('ship_to_lat', 'shipTo.lat', 'number', false, '38.7101', true),
    col('ship_to_lng', 'shipTo.lng', 'number', false, '-9.1366', true),
    col('residential', 'shipTo.residential', 'bool', false, 'true'),
    col('sku', 'lines.sku', 'string', true, 'TSHIRT-BLK-M'),
    col('quantity', 'lines.quantity', 'int', true, '2'),
    col('unit_price', 'lines.unitPrice', 'decimal', true, '24.90'),
  ],
} satisfies Record<string, CsvColumn[]>;

export type ImportKind = keyof typeof csvFormats;
export const importKinds = Object.keys(csvFormats) as ImportKind[];

export function csvTemplate(kind: ImportKind): string {
  const cols = csvFormats[kind];
  return `${cols.map((c) => c.name).join(',')}\n${cols.map((c) => (/[,"]/.test(c.example) ? `"${c.example}"` : c.example)).join(',')}\n`;
}

/** Converts one cell; returns an error message instead when the text is not of the column's type. */
export function parseCell(column: CsvColumn, raw: string): { value: unknown } | { error: string } {
  const text = raw.trim();
  if (text === '') {
    if (column.required) return { error: 'is required' };
    return { value: column.nullable ? null : undefined };
  }
  switch (column.type) {
    case 'string':
    case 'decimal':
      return { value: text };
    case 'int': {
      if (!/^-?\d+$/.test(text)) return { error: `"${text}" is not a whole number` };
      return { value: Number(text) };
    }
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a number` };
      return { value: n };
    }
    case 'bool': {
      const t = text.toLowerCase();
      if (['true', '1', 'yes', 'y'].includes(t)) return { value: true };
      if (['false', '0', 'no', 'n'].includes(t)) return { value: false };
      return { error: `"${text}" is not true or false` };
    }
  }
}
