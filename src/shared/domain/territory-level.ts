/** Administrative levels of a territory, from the country down. */
export const territoryLevels = ['country', 'oblast', 'city_republican', 'district', 'city_oblast'] as const;
export type TerritoryLevel = (typeof territoryLevels)[number];
