/** Inventory & Forecast: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function InventoryPage() {
  return (
    <NotBuilt
      id="inventory"
      title="Inventory & Forecast"
      summary="Demand forecasting per SKU, warehouse region and channel, and the stock to hold."
      plans={[
        'Chart order history and the forecast with prediction intervals for any SKU or aggregate',
        'Check forecast accuracy per SKU in an accuracy table',
        'Spot flagged demand peaks and stock levels against reorder points',
      ]}
    />
  );
}
