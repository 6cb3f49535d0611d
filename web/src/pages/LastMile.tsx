/** Last mile: placeholder until the capability is built; replace this module with the real page. */
import { NotBuilt } from '../components/NotBuilt';

export default function LastMilePage() {
  return (
    <NotBuilt
      id="last-mile"
      title="Last mile"
      summary="Delivery route planning for your own vans: which stops each vehicle visits, and in what order."
      plans={[
        'Pick a date and a depot, plan the routes and watch the solver progress',
        'See the routes on the map and a timeline per vehicle',
        "Review unassigned stops with the reason and the plan's key figures",
      ]}
    />
  );
}
