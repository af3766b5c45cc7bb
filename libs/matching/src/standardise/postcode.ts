/** UK postcode in normal form ("LS1 4AP") with its area (LS), district (LS1) and sector (LS1 4). */
export interface StandardPostcode {
  value: string | null;
  area: string | null;
  district: string | null;
  sector: string | null;
}

const UK = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;
const MISSING: StandardPostcode = { value: null, area: null, district: null, sector: null };
const PLACEHOLDERS = new Set(['ZZ993VZ', 'ZZ993WZ', 'ZZ993CZ', 'ZZ993GZ', 'ZZ993XZ', 'NFA', 'NOFIXEDABODE', 'UNKNOWN', 'NK']);

/**
 * Parses a UK postcode. The ZZ99 pseudo-postcodes (no fixed abode, overseas) and blanks are
 * missing. A non-UK code keeps its alphanumeric form for exact comparison only, without parts.
 */
export function standardPostcode(raw: string | null | undefined): StandardPostcode {
  if (!raw) return MISSING;
  // Cached per distinct raw value: a household's records share one result and its strings.
  let hit = cache.get(raw);
  if (hit === undefined) {
    hit = parsePostcode(raw);
    if (cache.size >= 200_000) cache.clear();
    cache.set(raw, hit);
  }
  return hit;
}

const cache = new Map<string, StandardPostcode>();

function parsePostcode(raw: string): StandardPostcode {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact === '' || PLACEHOLDERS.has(compact) || compact.startsWith('ZZ99')) return MISSING;
  const m = UK.exec(compact);
  if (!m) return { value: compact, area: null, district: null, sector: null };
  const outward = m[1];
  const inward = m[2];
  const area = outward.replace(/[0-9].*$/, '');
  return { value: `${outward} ${inward}`, area, district: outward, sector: `${outward} ${inward[0]}` };
}
