/** Shipping & Rates: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function ShippingPage() {
  return (
    <NotBuilt
      id="shipping"
      title="Shipping & Rates"
      summary="Compare carrier services and rates for each shipment and buy labels."
      plans={[
        'Rate-shop carrier services by price and transit time for a parcel or an order',
        'Keep your own rate cards and surcharges per carrier and zone',
        'Create shipments and print labels',
      ]}
    />
  );
}
