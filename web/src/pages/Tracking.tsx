/** Tracking: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function TrackingPage() {
  return (
    <NotBuilt
      id="tracking"
      title="Tracking"
      summary="Follow every shipment and parcel from label to delivery."
      plans={[
        'Search shipments by order, tracking number or destination',
        "See each parcel\'s events on a timeline and spot delayed or held parcels",
        'Share a branded tracking page with your customers',
      ]}
    />
  );
}
