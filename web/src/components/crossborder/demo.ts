/**
 * The example the page opens with: one of the merchant's own orders to the UK (or another
 * destination with rules), its lines priced and coded from the catalogue.
 */
import { request } from '../../api/client';
import type { Order, Page, Product, Warehouse } from '../../api/types';
import type { QuoteForm, RateTable } from './types';

/**
 * Stand-in rates per euro for a merchant that has stored none yet, so the calculator can show a
 * quote at once. The page says so on every quote that uses them.
 */
export function exampleRates(date: string): RateTable[] {
  return [{
    date, base: 'EUR', source: 'example rates (console), not official',
    rates: {
      USD: '1.16', GBP: '0.88', CAD: '1.63', AUD: '1.78', CHF: '0.93', NOK: '11.75', JPY: '180', SGD: '1.51', SEK: '10.95',
      DKK: '7.47', PLN: '4.23', CZK: '24.2', HUF: '384', RON: '5.09', BGN: '1.9558', XDR: '0.85',
    },
  }];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const PREFERRED = ['GB', 'CH', 'NO', 'US', 'CA', 'AU', 'JP', 'SG'];

export interface DemoExample {
  form: QuoteForm;
  order?: Order;
}

export const FALLBACK_FORM: QuoteForm = {
  date: today(), originCountry: 'NL', destinationCountry: 'GB', destinationRegion: '', currency: 'EUR', incoterm: 'DDP', shippingMode: 'courier',
  shippingAmount: '12.90', shippingCurrency: 'EUR', registrations: {},
  items: [{ description: 'Merino T-shirt', hsCode: '610910', originCountry: 'PT', quantity: 2, unitValue: '39.95', currency: 'EUR', unitWeightGrams: 180 }],
};

/** An order that crosses a customs border (shipped from a warehouse in another country) and whose HS codes customs will accept. */
export async function loadDemoExample(signal?: AbortSignal): Promise<DemoExample> {
  const warehouses = await request<Page<Warehouse>>('/v1/warehouses', { query: { limit: 100 }, signal });
  const whCountry = new Map(warehouses.data.map((w) => [w.code, w.address.country]));
  const knownCode = new Map<string, Promise<boolean>>();
  const isHs2022 = (code: string | null | undefined) => {
    if (!code) return Promise.resolve(false);
    if (!knownCode.has(code)) knownCode.set(code, request(`/v1/hs-codes/${code}`, { signal }).then(() => true, () => false));
    return knownCode.get(code)!;
  };
  const productOf = (sku: string) => request<Page<Product>>('/v1/products', { query: { q: sku, limit: 5 }, signal }).then((p) => p.data.find((x) => x.sku === sku));
  for (const country of PREFERRED) {
    const page = await request<Page<Order>>('/v1/orders', { query: { country, limit: 30 }, signal });
    const abroad = page.data.filter((o) => o.warehouseCode && whCountry.get(o.warehouseCode) && whCountry.get(o.warehouseCode) !== country)
      .sort((x, y) => Number(y.lines.length >= 2) - Number(x.lines.length >= 2))
      .slice(0, 6);
    for (const order of abroad) {
      const products = await Promise.all(order.lines.map((l) => productOf(l.sku)));
      const valid = await Promise.all(products.map((p) => isHs2022(p?.hsCode)));
      if (!valid.every(Boolean)) continue;
      return { order, form: formOf(order, country, whCountry.get(order.warehouseCode!)!, products) };
    }
  }
  return { form: FALLBACK_FORM };
}

function formOf(order: Order, country: string, from: string, products: (Product | undefined)[]): QuoteForm {
  return {
    date: today(), originCountry: from, destinationCountry: country,
    destinationRegion: country === 'CA' ? order.shipTo.region || 'ON' : '', currency: order.currency, incoterm: 'DDP', shippingMode: 'courier',
    shippingAmount: '12.90', shippingCurrency: order.currency, registrations: {},
    items: order.lines.map((l, i) => ({
      description: products[i]?.name ?? l.sku, sku: l.sku, hsCode: products[i]?.hsCode ?? '', originCountry: products[i]?.originCountry ?? '',
      quantity: l.quantity, unitValue: l.unitPrice, currency: order.currency, unitWeightGrams: products[i]?.weightG,
    })),
  };
}
