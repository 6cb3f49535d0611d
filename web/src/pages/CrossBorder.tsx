/** Cross-border: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function CrossBorderPage() {
  return (
    <NotBuilt
      id="cross-border"
      title="Cross-border"
      summary="Landed cost (duties and taxes), currency and customs documents for international orders."
      plans={[
        'Calculate the landed cost of an order, with every duty, tax and fee and the rule behind it',
        'Choose DDP or DAP and see who pays what',
        'Preview and print commercial invoices, CN22/CN23 and packing lists, checked before printing',
      ]}
    />
  );
}
