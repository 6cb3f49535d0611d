/** Every use case over one store, built once per process. */
import type { Store } from '../store/database.js';
import { JobService } from '../jobs/job-service.js';
import { BoxService } from './boxes.js';
import { ChannelService } from './channels.js';
import { ImportService } from './imports.js';
import { InventoryService } from './inventory.js';
import { MerchantService } from './merchants.js';
import { OrderService } from './orders.js';
import { ProductService } from './products.js';
import { ShipmentService } from './shipments.js';
import { StatsService } from './stats.js';
import { WarehouseService } from './warehouses.js';

export function createServices(store: Store) {
  const db = store.db;
  return {
    store,
    merchants: new MerchantService(db),
    warehouses: new WarehouseService(db),
    products: new ProductService(db),
    channels: new ChannelService(db),
    inventory: new InventoryService(db),
    orders: new OrderService(db),
    shipments: new ShipmentService(db),
    boxes: new BoxService(db),
    imports: new ImportService(db),
    stats: new StatsService(store),
    jobs: new JobService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
