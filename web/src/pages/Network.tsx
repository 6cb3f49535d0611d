/** Network: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function NetworkPage() {
  return (
    <NotBuilt
      id="network"
      title="Network"
      summary="Warehouse network design: where to put warehouses and which regions each one serves."
      plans={[
        'See demand as bubbles on the world map with your warehouses and the regions each one serves',
        'Compare scenarios (open, close or move warehouses) on cost and delivery time',
        'Explore the trade-off curve between network cost and service level',
      ]}
    />
  );
}
