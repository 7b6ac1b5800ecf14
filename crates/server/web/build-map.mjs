// Converts Natural Earth country shapes (npm `world-atlas`, countries-110m.json, TopoJSON,
// ISO 3166-1 numeric ids) into crates/server/data/world.json: [{numeric, iso3, name, d}] with
// SVG path data in a 960x500 Natural Earth projection. That file is kept in the repository and
// compiled into `tierwatch serve`; run this again only to change the shapes. Nothing is
// downloaded here: run `npm ci` first.
//   npm ci --prefix crates/server/web && node crates/server/web/build-map.mjs
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const geo = feature(topo, topo.objects.countries);
// Antarctica has no narrative and takes a fifth of the height: leave it out.
geo.features = geo.features.filter((f) => f.id !== "010");
const projection = geoNaturalEarth1().fitSize([960, 500], geo);
const path = geoPath(projection).digits(1);
const out = geo.features.map((f) => ({
  numeric: f.id ?? null,
  iso3: f.id ? countries.numericToAlpha3(f.id) ?? null : null,
  name: f.properties.name,
  d: path(f),
}));
const dir = join(here, "..", "data");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "world.json"), JSON.stringify({ width: 960, height: 500, source: "world-atlas countries-110m (Natural Earth)", countries: out }));
console.log(`wrote ${out.length} country shapes to ${join(dir, "world.json")}`);
