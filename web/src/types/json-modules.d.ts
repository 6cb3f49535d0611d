// Vite bundles these JSON files; declaring them here keeps the compiler from inferring types for ~100 kB of coordinates.
declare module 'world-atlas/countries-110m.json' {
  import type { Topology, GeometryCollection } from 'topojson-specification';
  const topology: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default topology;
}

declare module 'i18n-iso-countries/codes.json' {
  /** [alpha-2, alpha-3, numeric, ISO 3166-2 reference] */
  const codes: [string, string, string, string][];
  export default codes;
}
