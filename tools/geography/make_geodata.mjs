// Generates data/geography/centroids.csv, subregions.csv and demonyms.csv for the
// countries of data/geography/countries.csv. Run once; the CSVs are committed.
//
//   mkdir /tmp/geo && cd /tmp/geo && npm init -y && \
//     npm install world-atlas@2 d3-geo topojson-client i18n-iso-countries world-countries
//   NODE_PATH=/tmp/geo/node_modules node tools/geography/make_geodata.mjs data/geography
//
// Centroids: d3-geo's geoCentroid (spherical centroid of the area) of the Natural Earth
// 1:50m polygons in world-atlas, matched by ISO 3166-1 numeric code (i18n-iso-countries
// maps numeric to alpha-3). Countries missing from the 1:50m set (a few microstates) take
// the representative point of the world-countries package (source column says which).
// Sub-regions: UN M49 codes; world-countries' sub-region names are mapped to M49 and the
// countries it places differently (Europe's sub-regions, Cyprus) are listed here from M49.
// Demonyms: world-countries' English forms, their plurals, and the extra forms below;
// a form that would name two countries ("Congolese") is dropped and reported.
import { createRequire } from "module";
import fs from "fs";
import path from "path";

const require = createRequire(import.meta.url);
const d3 = require("d3-geo");
const topojson = require("topojson-client");
const iso = require("i18n-iso-countries");
const worldCountries = require("world-countries");
const atlas = require("world-atlas/countries-50m.json");

const outDir = process.argv[2];
const countries = fs.readFileSync(path.join(outDir, "countries.csv"), "utf8").trim().split("\n").slice(1)
  .map((line) => line.split(",")[0]);

const byNumeric = new Map();
for (const feature of topojson.feature(atlas, atlas.objects.countries).features) {
  if (feature.id === undefined) continue;
  const alpha3 = iso.numericToAlpha3(feature.id);
  if (alpha3) byNumeric.set(alpha3, feature);
}
const wc = new Map(worldCountries.map((c) => [c.cca3, c]));

const round = (x) => Math.round(x * 1000) / 1000;
const centroidRows = ["iso3,lat,lon,source"];
for (const code of countries) {
  const feature = byNumeric.get(code);
  if (feature) {
    const [lon, lat] = d3.geoCentroid(feature);
    centroidRows.push(`${code},${round(lat)},${round(lon)},natural-earth-50m`);
  } else if (wc.has(code)) {
    const [lat, lon] = wc.get(code).latlng;
    centroidRows.push(`${code},${round(lat)},${round(lon)},world-countries`);
  } else {
    throw new Error(`no centroid for ${code}`);
  }
}
fs.writeFileSync(path.join(outDir, "centroids.csv"), centroidRows.join("\n") + "\n");

const m49ByName = {
  "Central Asia": "143", "Southern Asia": "034", "Eastern Asia": "030", "South-Eastern Asia": "035",
  "Western Asia": "145", "Northern Africa": "015", "Eastern Africa": "014", "Middle Africa": "017",
  "Southern Africa": "018", "Western Africa": "011", "Caribbean": "029", "Central America": "013",
  "South America": "005", "North America": "021", "Australia and New Zealand": "053", "Melanesia": "054",
  "Micronesia": "057", "Polynesia": "061",
};
// M49 codes for countries whose world-countries sub-region name differs from M49's.
const explicit = {
  "145": "CYP",
  "151": "BLR BGR CZE HUN POL MDA ROU RUS SVK UKR",
  "155": "AUT BEL FRA DEU LIE LUX MCO NLD CHE",
  "039": "ALB AND BIH HRV GRC ITA MLT MNE MKD PRT SMR SRB SVN ESP VAT XKX",
  "154": "DNK EST FIN ISL IRL LVA LTU NOR SWE GBR",
};
const europeByCode = new Map();
for (const [m49, list] of Object.entries(explicit)) for (const code of list.split(" ")) europeByCode.set(code, m49);
const subregionRows = ["iso3,m49"];
for (const code of countries) {
  const m49 = europeByCode.get(code) ?? m49ByName[wc.get(code)?.subregion];
  if (!m49) throw new Error(`no M49 sub-region for ${code} (${wc.get(code)?.subregion})`);
  subregionRows.push(`${code},${m49}`);
}
fs.writeFileSync(path.join(outDir, "subregions.csv"), subregionRows.join("\n") + "\n");

// Forms the package lacks: the short ethnonyms texts use ("Uzbek", "Kyrgyz") and
// common adjectives ("Dutch", "British"), separated by '|' (a form may hold a space:
// "South Korean", never split into the direction word "South").
const extra = {
  AFG: "Afghan", KAZ: "Kazakh|Kazakhstani", KGZ: "Kyrgyz|Kirghiz", UZB: "Uzbek", TJK: "Tajik", TKM: "Turkmen",
  GBR: "British|Briton", NLD: "Dutch", USA: "American|US", PHL: "Filipino|Filipina|Philippine", CHN: "Chinese",
  RUS: "Russian", TUR: "Turkish|Turk", IRN: "Iranian|Persian", PAK: "Pakistani", IND: "Indian", KOR: "South Korean",
  PRK: "North Korean", CZE: "Czech", SVK: "Slovak", BIH: "Bosnian", ARE: "Emirati", SAU: "Saudi", LAO: "Lao|Laotian",
  MMR: "Myanmar|Burmese", VNM: "Vietnamese", NZL: "New Zealander", CHE: "Swiss", BEL: "Belgian", DEU: "German",
  FRA: "French", ESP: "Spanish|Spaniard", PRT: "Portuguese", GRC: "Greek", IRL: "Irish", ISL: "Icelandic|Icelander",
  THA: "Thai", MDA: "Moldovan", MKD: "Macedonian", AZE: "Azerbaijani|Azeri", GEO: "Georgian", ARM: "Armenian",
};
const forms = new Map();  // form -> set of iso3
const add = (form, code) => {
  if (!form) return;
  if (!forms.has(form)) forms.set(form, new Set());
  forms.get(form).add(code);
};
const plural = (form) => (/(ese|ss|Swiss|Thai|Lao|Dutch|French|Irish|British|Spanish|Portuguese|Myanmar|US|Czech)$/.test(form) ? null : form + "s");
for (const code of countries) {
  const base = new Set();
  const eng = wc.get(code)?.demonyms?.eng;
  if (eng) { base.add(eng.m); base.add(eng.f); }
  for (const form of (extra[code] ?? "").split("|").filter(Boolean)) base.add(form);
  for (const form of base) { add(form, code); add(plural(form), code); }
}
const dropped = [];
const demonymRows = ["iso3,forms"];
const perCountry = new Map();
for (const [form, codes] of forms) {
  if (codes.size > 1) { dropped.push(`${form}: ${[...codes].join(" ")}`); continue; }
  const code = [...codes][0];
  if (!perCountry.has(code)) perCountry.set(code, []);
  perCountry.get(code).push(form);
}
for (const code of countries) {
  const list = perCountry.get(code) ?? [];
  demonymRows.push(`${code},${list.join("|")}`);
}
fs.writeFileSync(path.join(outDir, "demonyms.csv"), demonymRows.join("\n") + "\n");
console.error(`centroids: ${countries.length - centroidRows.filter((r) => r.endsWith("world-countries")).length} from Natural Earth, ` +
  `${centroidRows.filter((r) => r.endsWith("world-countries")).length} from world-countries`);
console.error(`demonyms dropped as ambiguous: ${dropped.join("; ")}`);
