/** The cross-border use cases over one store: quotes, exchange rates, the HS helper, customs documents. */
import type { Db } from '../../store/database.js';
import { CustomsDocumentService } from './customs-documents.js';
import { ExchangeRateService } from './exchange-rates.js';
import { HsCodeService } from './hs-codes.js';
import { LandedCostService } from './landed-cost.js';

export interface CrossBorderServices {
  exchangeRates: ExchangeRateService;
  landedCost: LandedCostService;
  hsCodes: HsCodeService;
  customsDocuments: CustomsDocumentService;
}

const byDb = new WeakMap<Db, CrossBorderServices>();
let sharedHs: HsCodeService | undefined;

/**
 * One set per store, built on first use: the Services container belongs to the platform, and the
 * HS index (read once) is shared by every store in the process.
 */
export function crossBorderServices(db: Db): CrossBorderServices {
  let s = byDb.get(db);
  if (!s) {
    const exchangeRates = new ExchangeRateService(db);
    const hsCodes = (sharedHs ??= new HsCodeService());
    s = { exchangeRates, landedCost: new LandedCostService(exchangeRates, hsCodes), hsCodes, customsDocuments: new CustomsDocumentService(db, exchangeRates, hsCodes) };
    byDb.set(db, s);
  }
  return s;
}
