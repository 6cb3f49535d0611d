/** A valid shipment from a UK shop to a French consumer, and rates with XDR for the CN22 check. */
import type { CustomsDocumentRequestInput } from '../../../src/engines/customs/index.js';

export const XDR_RATES = { tables: [{ date: '2026-11-01', base: 'EUR', source: 'test', rates: { GBP: '0.85', USD: '1.10', XDR: '0.86' } }] };

export function shipment(): CustomsDocumentRequestInput & { lines: NonNullable<CustomsDocumentRequestInput['lines']> } {
  return {
    documentNumber: 'INV-1001', date: '2026-11-20',
    exporter: { name: 'Ada Shop Ltd', address: { lines: ['1 High Street'], city: 'London', postalCode: 'N1 1AA', country: 'GB' }, eori: 'GB123456789000', vatNumber: 'GB123456789' },
    importer: { name: 'Jean Dupont', address: { lines: ['2 rue de Rivoli'], city: 'Paris', postalCode: '75001', country: 'FR' }, email: 'jean@example.fr', eori: 'FR12345678900017' },
    incoterm: 'DPU', incotermPlace: 'Paris', contentType: 'sale-of-goods', reasonForExport: 'Sale to consumer', currency: 'GBP',
    lines: [
      { description: 'Cotton T-shirt', hsCode: '610910', originCountry: 'PT', quantity: 2, unitValue: '15.00', netWeightGrams: 300 },
      { description: 'Leather wallet', hsCode: '420231', originCountry: 'IT', quantity: 1, unitValue: '40.00', netWeightGrams: 120 },
    ],
    shippingCost: '8.00',
    declared: { totalValue: '70.00', totalGrossWeightGrams: 600, totalNetWeightGrams: 420, packageCount: 1 },
    packages: [{ number: 1, lengthMm: 300, widthMm: 200, heightMm: 100, grossWeightGrams: 600, contents: [{ line: 0, quantity: 2 }, { line: 1, quantity: 1 }] }],
    shipment: { carrier: 'Royal Mail', trackingNumber: 'RR123456789GB', postalItem: true, orderNumber: 'SO-77' },
    declaration: { signatory: 'Ada Lovelace', place: 'London', date: '2026-11-20', signatureText: '/s/ Ada Lovelace' },
  };
}
