/** Shapes of the Portolan HTTP API (v1) that the console reads; see the API contract. */

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Merchant {
  id: string;
  name: string;
  defaultCurrency: string;
  createdAt: string;
}

export interface Address {
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  operator: 'own' | '3pl';
  address: Address;
  lat: number;
  lng: number;
  capacityUnitsPerDay: number;
  fixedCostPerYear: string;
  currency: string;
  active: boolean;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  category: string;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
  unitValue: string;
  currency: string;
  hsCode: string | null;
  originCountry: string | null;
  fragile: boolean;
  thisSideUp: boolean;
  hazmat: boolean;
}

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: string;
}

export interface Order {
  id: string;
  externalId: string;
  channelCode: string | null;
  placedAt: string;
  status: string;
  currency: string;
  totalValue: string;
  shipTo: Address & { name: string; lat: number | null; lng: number | null; residential: boolean };
  lines: OrderLine[];
  warehouseCode: string | null;
}

export type ImportKind = 'orders' | 'products' | 'warehouses' | 'inventory';

export interface ImportResult {
  kind: ImportKind;
  rowsRead: number;
  inserted: number;
  updated: number;
  skipped: number;
  errors: { row: number; column: string; reason: string }[];
}

export interface Overview {
  totals: {
    orders: number;
    units: number;
    revenue: string;
    currency: string;
    skus: number;
    warehouses: number;
    countries: number;
    crossBorderShare: number;
  };
  ordersPerDay: { date: string; orders: number; units: number }[];
  ordersByCountry: { country: string; orders: number }[];
  warehouses: { code: string; name: string; country: string; lat: number; lng: number; operator: string; orders: number }[];
  topSkus: { sku: string; name: string; units: number; revenue: string }[];
  channels: { code: string; name: string; orders: number }[];
}
