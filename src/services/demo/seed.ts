/** Writes the generated demo merchant into the store, in one transaction. */
import type { Services } from '../index.js';
import { boxes, channels, exchangeRates, inventoryLevels, orderLines, orders, products, warehouses } from '../../store/schema.js';
import type { Db } from '../../store/database.js';
import { newId } from '../../shared/ids.js';
import { orderRows } from '../orders.js';
import { warehouseColumns } from '../warehouses.js';
import { generateDemo, type DemoOptions } from './generate.js';

export interface SeedResult {
  merchantId: string;
  apiKey: string;
  counts: { warehouses: number; products: number; orders: number; orderLines: number; inventory: number };
}

const BATCH = 1000;

const demoRates: Record<string, string> = {
  USD: '1.08', GBP: '0.85', CAD: '1.50', AUD: '1.65', NZD: '1.80', CHF: '0.94', NOK: '11.60', SEK: '11.30', DKK: '7.46',
  PLN: '4.30', CZK: '25.20', HUF: '395', RON: '4.97', JPY: '165', SGD: '1.45', XDR: '0.82',
};

export async function seedDemo(services: Services, options: DemoOptions, onProgress?: (fraction: number, message: string) => void): Promise<SeedResult> {
  onProgress?.(0, 'generating demo data');
  const data = generateDemo(options);
  const merchant = await services.merchants.create(data.merchant.name, data.merchant.defaultCurrency);
  const merchantId = merchant.id;
  let lineCount = 0;
  await services.store.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const whIds = new Map<string, string>();
    for (const w of data.warehouses) {
      const id = newId('wh');
      whIds.set(w.code, id);
      await tx.insert(warehouses).values({ id, merchantId, ...warehouseColumns(w) } as typeof warehouses.$inferInsert);
    }
    const chIds = new Map<string, string>();
    for (const c of data.channels) {
      const id = newId('ch');
      chIds.set(c.code, id);
      await tx.insert(channels).values({ id, merchantId, ...c });
    }
    // Approximate EUR rates so the demo's first landed-cost quotes work; labelled as such.
    await tx.insert(exchangeRates).values({
      id: newId('fx'), merchantId, date: data.orders.length ? data.orders[data.orders.length - 1].placedAt.slice(0, 10) : new Date().toISOString().slice(0, 10),
      base: 'EUR', rates: demoRates, source: 'demo rates (approximate; import the ECB file for real quotes)',
    });
    await tx.insert(boxes).values(data.boxes.map((b) => ({ id: newId('box'), merchantId, ...b })));
    const prIds = new Map<string, string>();
    const productRows = data.products.map((p) => {
      const id = newId('prd');
      prIds.set(p.sku, id);
      return { id, merchantId, ...p };
    });
    for (let i = 0; i < productRows.length; i += BATCH) await tx.insert(products).values(productRows.slice(i, i + BATCH));
    const inv = data.inventory.map((l) => ({ merchantId, productId: prIds.get(l.sku)!, warehouseId: whIds.get(l.warehouseCode)!, onHand: l.onHand, reserved: l.reserved, reorderPoint: l.reorderPoint }));
    for (let i = 0; i < inv.length; i += BATCH) await tx.insert(inventoryLevels).values(inv.slice(i, i + BATCH));
    const lookups = { channelIds: chIds, warehouseIds: whIds, productIds: prIds };
    for (let i = 0; i < data.orders.length; i += BATCH) {
      const built = data.orders.slice(i, i + BATCH).map((o) => orderRows(merchantId, newId('ord', Date.parse(o.placedAt)), o, lookups));
      await tx.insert(orders).values(built.map((b) => b.order));
      const lines = built.flatMap((b) => b.lines);
      lineCount += lines.length;
      await tx.insert(orderLines).values(lines);
      onProgress?.(Math.min(1, (i + BATCH) / data.orders.length), `orders ${Math.min(i + BATCH, data.orders.length)} / ${data.orders.length}`);
    }
  });
  // Fresh bulk loads leave the planner without statistics; without them joins of orders and
  // lines pick nested loops over tens of thousands of rows.
  await services.store.exec('analyze');
  const key = await services.merchants.createKey(merchantId, 'demo admin');
  return {
    merchantId, apiKey: key.key,
    counts: { warehouses: data.warehouses.length, products: data.products.length, orders: data.orders.length, orderLines: lineCount, inventory: data.inventory.length },
  };
}
