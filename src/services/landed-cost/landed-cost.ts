/**
 * Landed-cost quotes: the engine's quote over the rates sent with the request or, when none are
 * sent, the merchant's stored rates for the quote date. Engine input errors become 400s.
 */
import { DEFAULT_LANDED_COST_RULES, LandedCostInputError, quoteLandedCost, type LandedCostQuote } from '../../engines/landed-cost/index.js';
import { Invalid } from '../errors.js';
import { tablesFromInput, type ExchangeRateService } from './exchange-rates.js';
import type { HsCodeService } from './hs-codes.js';
import type { LandedCostApiRequest } from './schemas.js';

export class LandedCostService {
  constructor(private readonly rates: ExchangeRateService, private readonly hs: HsCodeService) {}

  async quote(merchantId: string, body: LandedCostApiRequest): Promise<LandedCostQuote> {
    const { exchangeRates, ...request } = body;
    const sent = exchangeRates !== undefined && exchangeRates.length > 0;
    const rates = sent ? { tables: tablesFromInput(exchangeRates) } : await this.rates.ratesFor(merchantId, request.date);
    try {
      const quote = quoteLandedCost(request, DEFAULT_LANDED_COST_RULES, rates);
      quote.warnings.push(...this.outdatedCodes(request.items));
      return quote;
    } catch (e) {
      if (!(e instanceof LandedCostInputError)) throw e;
      const hint = !sent && e.issues.some((i) => /exchange rate/.test(i.message))
        ? ' (store rates with POST /v1/exchange-rates, e.g. the ECB eurofxref XML, or send exchangeRates with the request)'
        : '';
      throw new Invalid(`the landed cost cannot be quoted: ${e.message}${hint}`, e.issues);
    }
  }

  /**
   * The engine prices any well-formed code; a code that is not an HS 2022 subheading (often an
   * HS 2017 one) still gets a quote, but customs documents will refuse it, so the quote says so.
   */
  private outdatedCodes(items: { hsCode: string }[]): string[] {
    const index = this.hs.hsIndex();
    return items.flatMap((item, i) => (index.byCode.has(item.hsCode.slice(0, 6))
      ? []
      : [`items.${i}.hsCode: ${item.hsCode} is not an HS 2022 subheading (an older nomenclature?); customs documents will refuse it`]));
  }
}
