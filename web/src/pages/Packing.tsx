/** Packing: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function PackingPage() {
  return (
    <NotBuilt
      id="packing"
      title="Packing"
      summary="Cartonization: choose the boxes and pack each order's items in 3D."
      plans={[
        'Pick an order or type in items and get the boxes to use',
        'Inspect the packing in an interactive 3D view',
        'Follow a packing list in placement order, respecting fragile and this-side-up items',
      ]}
    />
  );
}
