/**
 * What the demo knows of the bundled Wiltshire area boards: how busy each is (roughly its
 * population, so the bigger towns raise more issues) and where its main town is (for issue
 * locations). Areas of another AREAS_FILE get weight 1 and no locations.
 */
interface AreaProfile {
  readonly weight: number;
  readonly centre: { readonly lat: number; readonly lng: number };
  readonly town: string;
}

export const AREA_PROFILES: Readonly<Record<string, AreaProfile>> = {
  amesbury: { weight: 1.1, centre: { lat: 51.1729, lng: -1.7802 }, town: 'Amesbury' },
  'bradford-on-avon': { weight: 0.6, centre: { lat: 51.3468, lng: -2.2514 }, town: 'Bradford on Avon' },
  calne: { weight: 0.9, centre: { lat: 51.4385, lng: -2.0049 }, town: 'Calne' },
  chippenham: { weight: 1.8, centre: { lat: 51.4585, lng: -2.1158 }, town: 'Chippenham' },
  corsham: { weight: 0.8, centre: { lat: 51.4331, lng: -2.1862 }, town: 'Corsham' },
  devizes: { weight: 1.2, centre: { lat: 51.3507, lng: -1.9947 }, town: 'Devizes' },
  malmesbury: { weight: 0.7, centre: { lat: 51.5846, lng: -2.0985 }, town: 'Malmesbury' },
  marlborough: { weight: 0.6, centre: { lat: 51.4197, lng: -1.7305 }, town: 'Marlborough' },
  melksham: { weight: 1.2, centre: { lat: 51.3729, lng: -2.1379 }, town: 'Melksham' },
  pewsey: { weight: 0.5, centre: { lat: 51.3396, lng: -1.7661 }, town: 'Pewsey' },
  'royal-wootton-bassett': { weight: 1.0, centre: { lat: 51.5393, lng: -1.9036 }, town: 'Royal Wootton Bassett' },
  salisbury: { weight: 2.0, centre: { lat: 51.0688, lng: -1.7945 }, town: 'Salisbury' },
  'south-west-wiltshire': { weight: 0.7, centre: { lat: 51.0657, lng: -2.0781 }, town: 'Tisbury' },
  'southern-wiltshire': { weight: 0.9, centre: { lat: 51.0352, lng: -1.7436 }, town: 'Downton' },
  tidworth: { weight: 0.7, centre: { lat: 51.2388, lng: -1.6636 }, town: 'Tidworth' },
  trowbridge: { weight: 1.9, centre: { lat: 51.3192, lng: -2.2083 }, town: 'Trowbridge' },
  warminster: { weight: 1.0, centre: { lat: 51.2052, lng: -2.1807 }, town: 'Warminster' },
  westbury: { weight: 0.7, centre: { lat: 51.2606, lng: -2.1871 }, town: 'Westbury' },
};

/** The town an address names: the bundled one, else the area's name without "Area Board". */
export const townOf = (area: { readonly id: string; readonly name: string }) =>
  AREA_PROFILES[area.id]?.town ?? area.name.replace(/\s*Area Board$/i, '');
