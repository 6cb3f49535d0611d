/**
 * Landed-cost quotes: the engine's quote over the rates sent with the request or, when none are
 * sent, the merchant's stored rates for the quote date. Engine input errors become 400s.
 */
import { DEFAULT_LANDED_COST_RULES, LandedCostInputError, quoteLandedCost, type LandedCostQuote } from '../../engines/landed-cost/index.js';
import { Invalid } from '../errors.js';
import { tablesFromInput, type ExchangeRateService } from './exchange-rates.js';
import type { LandedCostApiRequest } from './schemas.js';

export class LandedCostService {
  constructor(private readonly rates: ExchangeRateService) {}

  async quote(merchantId: string, body: LandedCostApiRequest): Promise<LandedCostQuote> {
    const { exchangeRates, ...request } = body;
    const sent = exchangeRates !== undefined && exchangeRates.length > 0;
    const rates = sent ? { tables: tablesFromInput(exchangeRates) } : await this.rates.ratesFor(merchantId, request.date);
    try {
      return quoteLandedCost(request, DEFAULT_LANDED_COST_RULES, rates);
    } catch (e) {
      if (!(e instanceof LandedCostInputError)) throw e;
      const hint = !sent && e.issues.some((i) => /exchange rate/.test(i.message))
        ? ' (store rates with POST /v1/exchange-rates, e.g. the ECB eurofxref XML, or send exchangeRates with the request)'
        : '';
      throw new Invalid(`the landed cost cannot be quoted: ${e.message}${hint}`, e.issues);
    }
  }
}
