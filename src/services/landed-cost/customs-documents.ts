/**
 * Customs documents as PDF: from shipment data sent in full, or built from a stored order (lines,
 * HS codes, origins and weights from the catalogue). Shape errors are 400s naming the field;
 * problems the customs checks find (missing HS code, CN22 over its limit, prohibited goods ...)
 * are 422s listing every one of them, and nothing is printed.
 */
import { Decimal } from 'decimal.js';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { ZodError } from 'zod';
import {
  CustomsDocumentError, renderCustomsDocument, type CustomsDocumentRequestInput, type DocumentKind, type DocumentProblem, type Party,
} from '../../engines/customs/index.js';
import type { ExchangeRates } from '../../engines/landed-cost/index.js';
import type { Db } from '../../store/database.js';
import { merchants, orderLines, orders, parcels, products, shipments, warehouses } from '../../store/schema.js';
import { DomainError, Invalid, NotFound, type FieldError } from '../errors.js';
import { tablesFromInput, type ExchangeRateService } from './exchange-rates.js';
import type { HsCodeService } from './hs-codes.js';
import { CustomsDocumentFromOrder, CustomsDocumentFull, type ExchangeRateTableInput } from './schemas.js';

/** The customs checks refused the document; every problem is listed (errors and warnings). */
export class DocumentProblems extends DomainError {
  constructor(readonly problems: DocumentProblem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(422, 'Unprocessable Content', `the document was not printed: ${errors.length} problem(s): ${errors.map((p) => p.message).join('; ')}`, problems.map((p) => ({ field: p.field, message: p.message, code: p.code, severity: p.severity })));
  }
}

export interface RenderedPdf {
  type: DocumentKind;
  pdf: Buffer;
  pageCount: number;
  filename: string;
  warnings: DocumentProblem[];
}

/** Share of the goods' weight allowed for packaging when the parcel was never weighed. */
const PACKAGING_SHARE = 0.1;
const MIN_PACKAGING_GRAMS = 100;

function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.flatMap((i) => {
    const at = i.path.join('.');
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: at ? `${at}.${k}` : k, message: 'is not a known field' }));
    return [{ field: at || '(body)', message: i.message }];
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class CustomsDocumentService {
  constructor(private readonly db: Db, private readonly rates: ExchangeRateService, private readonly hs: HsCodeService) {}

  async render(merchantId: string, body: unknown): Promise<RenderedPdf> {
    const fromOrder = !!body && typeof body === 'object' && 'orderId' in body;
    let type: DocumentKind;
    let request: CustomsDocumentRequestInput;
    let sentRates: ExchangeRateTableInput[] | undefined;
    if (fromOrder) {
      const parsed = CustomsDocumentFromOrder.safeParse(body);
      if (!parsed.success) throw invalid(parsed.error);
      type = parsed.data.type;
      sentRates = parsed.data.exchangeRates;
      request = await this.fromOrder(merchantId, parsed.data);
    } else {
      const parsed = CustomsDocumentFull.safeParse(body);
      if (!parsed.success) throw invalid(parsed.error);
      const { type: t, exchangeRates, ...rest } = parsed.data;
      type = t;
      sentRates = exchangeRates;
      request = rest;
    }
    const rates: ExchangeRates = sentRates?.length ? { tables: tablesFromInput(sentRates) } : await this.rates.ratesFor(merchantId, request.date);
    try {
      const doc = await renderCustomsDocument(request, type, { hsIndex: this.hs.hsIndex(), rates });
      return { type, pdf: doc.pdf, pageCount: doc.pageCount, filename: `${type}-${request.documentNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`, warnings: doc.warnings };
    } catch (e) {
      if (e instanceof CustomsDocumentError) throw new DocumentProblems(e.problems);
      throw e;
    }
  }

  /** The shipment data of a stored order, as the customs engine wants it. */
  async fromOrder(merchantId: string, input: CustomsDocumentFromOrder): Promise<CustomsDocumentRequestInput> {
    const [order] = await this.db.select().from(orders)
      .where(and(eq(orders.merchantId, merchantId), or(eq(orders.id, input.orderId), eq(orders.externalId, input.orderId))));
    if (!order) throw new NotFound('order', input.orderId);
    const [lines, [merchant], [warehouse], shipmentRows] = await Promise.all([
      this.db.select().from(orderLines).where(and(eq(orderLines.merchantId, merchantId), eq(orderLines.orderId, order.id))).orderBy(asc(orderLines.lineNo)),
      this.db.select({ name: merchants.name }).from(merchants).where(eq(merchants.id, merchantId)),
      order.warehouseId ? this.db.select().from(warehouses).where(and(eq(warehouses.merchantId, merchantId), eq(warehouses.id, order.warehouseId))) : Promise.resolve([]),
      this.db.select().from(shipments).where(and(eq(shipments.merchantId, merchantId), eq(shipments.orderId, order.id))),
    ]);
    const productIds = lines.map((l) => l.productId).filter((id): id is string => !!id);
    const productRows = productIds.length ? await this.db.select().from(products).where(and(eq(products.merchantId, merchantId), inArray(products.id, productIds))) : [];
    const byId = new Map(productRows.map((p) => [p.id, p]));
    const shipment = shipmentRows[0];
    const parcelRows = shipment ? await this.db.select().from(parcels).where(and(eq(parcels.merchantId, merchantId), eq(parcels.shipmentId, shipment.id))) : [];

    const exporter: Party | undefined = input.exporter ?? (warehouse ? {
      name: merchant.name,
      address: { lines: [warehouse.line1 || warehouse.name], city: warehouse.city, postalCode: warehouse.postalCode || undefined, region: warehouse.region || undefined, country: warehouse.country },
    } : undefined);
    if (!exporter) throw new Invalid(`order ${order.externalId} has no warehouse to ship from: send the exporter`, [{ field: 'exporter', message: 'is required when the order has no warehouse' }]);
    const importer: Party = input.importer ?? {
      name: order.shipToName || 'Consignee',
      address: { lines: [order.shipToLine1 || '-'], city: order.shipToCity, postalCode: order.shipToPostalCode || undefined, region: order.shipToRegion || undefined, country: order.shipToCountry },
    };

    const docLines = lines.map((l) => {
      const p = l.productId ? byId.get(l.productId) : undefined;
      const net = (p?.weightG ?? 0) * l.quantity;
      return {
        description: p?.name ?? l.sku, sku: l.sku, hsCode: p?.hsCode ?? undefined, originCountry: p?.originCountry ?? undefined,
        quantity: l.quantity, unitValue: new Decimal(l.unitPrice).toFixed(2), netWeightGrams: net,
      };
    });
    const net = docLines.reduce((a, l) => a + l.netWeightGrams, 0);
    const weighed = parcelRows.reduce((a, p) => a + p.weightG, 0);
    const gross = input.grossWeightGrams ?? (weighed > 0 ? weighed : net + Math.max(MIN_PACKAGING_GRAMS, Math.ceil(net * PACKAGING_SHARE)));
    const total = docLines.reduce((a, l) => a.add(new Decimal(l.unitValue).mul(l.quantity)), new Decimal(0));
    const date = input.date ?? today();
    const postal = input.type === 'cn22' || input.type === 'cn23';
    return {
      documentNumber: `INV-${order.externalId}`,
      date,
      exporter,
      importer,
      incoterm: input.incoterm,
      incotermPlace: input.incotermPlace ?? importer.address.city,
      contentType: input.contentType,
      reasonForExport: input.reason,
      currency: order.currency,
      lines: docLines,
      shippingCost: input.shippingCost ?? (shipment?.shippingCost && shipment.currency === order.currency ? new Decimal(shipment.shippingCost).toFixed(2) : '0'),
      insuranceCost: input.insuranceCost ?? '0',
      declared: { totalValue: total.toFixed(2), totalGrossWeightGrams: gross, totalNetWeightGrams: net, packageCount: 1 },
      packages: [{ number: 1, grossWeightGrams: gross, contents: docLines.map((l, i) => ({ line: i, quantity: l.quantity })) }],
      shipment: {
        carrier: input.carrier ?? shipment?.carrier, service: shipment?.serviceLevel, trackingNumber: input.trackingNumber ?? shipment?.trackingNumber ?? undefined,
        orderNumber: order.externalId, postalItem: postal,
      },
      declaration: { signatory: input.signatory ?? exporter.name, place: exporter.address.city, date },
    };
  }
}

function invalid(error: ZodError): Invalid {
  const errors = zodFieldErrors(error);
  return new Invalid(`invalid body: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);
}
