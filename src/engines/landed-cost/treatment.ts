/**
 * Decides, per item, how tax is collected (by a registered seller at the checkout, relieved, or at
 * the border) and how duty applies (relieved, flat-rate, or the tariff rate), recording why.
 */
import { applicableThreshold, excludedFromRelief } from './rule-lookup.js';
import { qualifies, type QuoteContext } from './quote-context.js';

export function assignTreatments(ctx: QuoteContext): void {
  // Tax collection: a registered seller at the checkout, relief, or the border.
  const sc = ctx.version.sellerCollection;
  const registered = !!sc && ctx.request.seller.registrations.some((r) => r.scheme === sc.scheme);
  const taxDeMinimis = applicableThreshold(ctx.version.taxDeMinimis, ctx.request.shippingMode, ctx.request.origin.country);
  const taxRelieved = !!taxDeMinimis && qualifies(ctx.measure(taxDeMinimis), taxDeMinimis);
  const scItems: number[] = [];
  const reliefItems: number[] = [];
  for (const it of ctx.items) {
    const inScope = !!sc && (!sc.threshold || qualifies(ctx.measure(sc.threshold, it), sc.threshold));
    if (inScope && (registered || sc!.whenNotRegistered === 'seller-obligation')) { it.taxTreatment = 'seller'; scItems.push(it.index); }
    else if (taxRelieved && !excludedFromRelief(taxDeMinimis!, it.hsCode)) { it.taxTreatment = 'relieved'; reliefItems.push(it.index); }
    else if (inScope && sc!.whenNotRegistered === 'none') { it.taxTreatment = 'relieved'; reliefItems.push(it.index); }
  }
  if (scItems.length && sc) {
    ctx.exemptions.push({ kind: 'seller-collected', ruleId: sc.id, source: sc.source, detail: `${sc.scheme} ${registered ? 'registered' : 'not registered'}: tax is charged by the seller at the checkout, not at import${sc.dutyRelief ? ', and the goods are relieved from duty' : ''}`, itemIndexes: scItems });
    if (!registered) ctx.warnings.push(`The seller must register for ${sc.scheme} and charge tax at the sale (${sc.source}); without it the parcel may be refused or taxed twice.`);
  }
  if (reliefItems.length) {
    if (taxRelieved && taxDeMinimis) ctx.exemptions.push({ kind: 'tax-de-minimis', ruleId: taxDeMinimis.id, source: taxDeMinimis.source, detail: ctx.describe(taxDeMinimis, ctx.measure(taxDeMinimis)), itemIndexes: reliefItems });
    else if (sc) {
      ctx.exemptions.push({ kind: 'tax-de-minimis', ruleId: sc.id, source: sc.source, detail: `within the ${sc.scheme} low-value limit: no tax is collected at the border`, itemIndexes: reliefItems });
      ctx.warnings.push(`No ${sc.scheme} registration: nothing is collected at the border, but a seller over the registration turnover limit owes the tax itself (${sc.source}).`);
    }
  }

  // Duty: relief with seller collection, the flat regime, de minimis, or the tariff rate.
  const dutyDeMinimis = applicableThreshold(ctx.version.dutyDeMinimis, ctx.request.shippingMode, ctx.request.origin.country);
  const dutyRelieved = !!dutyDeMinimis && qualifies(ctx.measure(dutyDeMinimis), dutyDeMinimis);
  const flat = ctx.version.flatDuty;
  const flatApplies = !!flat && qualifies(ctx.measure(flat.threshold), flat.threshold) && (!flat.requiresRegistration || ctx.request.seller.registrations.some((r) => r.scheme === flat.requiresRegistration));
  const reliefByScheme: number[] = [];
  const deMinimisItems: number[] = [];
  for (const it of ctx.items) {
    if (it.taxTreatment === 'seller' && sc?.dutyRelief) { it.dutyTreatment = 'relieved'; reliefByScheme.push(it.index); }
    else if (flatApplies) it.dutyTreatment = 'flat';
    else if (dutyRelieved && !excludedFromRelief(dutyDeMinimis!, it.hsCode)) { it.dutyTreatment = 'relieved'; deMinimisItems.push(it.index); }
  }
  if (reliefByScheme.length && sc) ctx.exemptions.push({ kind: 'duty-relief', ruleId: sc.id, source: sc.source, detail: `goods within the ${sc.scheme} scheme are relieved from customs duty`, itemIndexes: reliefByScheme });
  if (deMinimisItems.length && dutyDeMinimis) ctx.exemptions.push({ kind: 'duty-de-minimis', ruleId: dutyDeMinimis.id, source: dutyDeMinimis.source, detail: ctx.describe(dutyDeMinimis, ctx.measure(dutyDeMinimis)), itemIndexes: deMinimisItems });
  const excluded = ctx.items.filter((it) => (dutyRelieved || taxRelieved) && [dutyDeMinimis, taxDeMinimis].some((t) => t && excludedFromRelief(t, it.hsCode)));
  if (excluded.length) ctx.warnings.push(`Items ${excluded.map((i) => i.index).join(', ')} are excluded from the low-value exemption by their HS heading.`);
}
