/**
 * Names DESNZ changed between 2016 and 2025 for the same thing. Each group lists one thing's names; a source
 * naming any of them looks for the name it gave first and then the others, so a council can restate an old
 * year (or cost a new one) with the name it already uses. Found by walking every source option over every
 * bundled set (test/calculate/every-option.test.ts); a name that appeared or disappeared without a
 * counterpart (e.g. Germany's two hotel regions, merged in 2018) is not a rename and is not listed.
 */
const WASTE_MATERIALS: readonly (readonly string[])[] = [
  // "Refuse › Municipal waste" to 2019; "Refuse › Household residual waste" from 2020.
  ['household-residual-waste', 'municipal-waste'],
];

const WASTE_ROUTES: readonly (readonly string[])[] = [
  // "Combustion" to 2024; "Incineration with energy recovery" from 2025.
  ['combustion', 'incineration-with-energy-recovery'],
  // "Reuse" to 2017; "Re-use" in 2018 and 2019, the last year DESNZ published the route.
  ['re-use', 'reuse'],
];

const HOTEL_COUNTRIES: readonly (readonly string[])[] = [
  // Renamed in the 2021 set.
  ['hong-kong-china', 'china-hong-kong'],
  ['korea', 'south-korea'],
  ['taiwan-china', 'taiwan'],
];

const FUEL_PATHS: readonly (readonly string[])[] = [
  // "Bioenergy › Biofuel › Biodiesel" to 2020; "Biodiesel ME" from 2021, when HVO was first published beside it.
  ['bioenergy/biofuel/biodiesel-me', 'bioenergy/biofuel/biodiesel'],
];

/** The name given, then its other names. */
function namesOf(groups: readonly (readonly string[])[], name: string): string[] {
  const group = groups.find((g) => g.includes(name));
  return group === undefined ? [name] : [name, ...group.filter((n) => n !== name)];
}

export const wasteMaterialNames = (material: string): string[] => namesOf(WASTE_MATERIALS, material);
export const wasteRouteNames = (route: string): string[] => namesOf(WASTE_ROUTES, route);
export const hotelCountryNames = (country: string): string[] => namesOf(HOTEL_COUNTRIES, country);
export const fuelPathNames = (path: string): string[] => namesOf(FUEL_PATHS, path);
