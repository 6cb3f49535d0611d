/** The shipped rule set: every destination's dated versions and the default duty tables. */
import type { LandedCostRules } from '../rule-types.js';
import { AU_RULES } from './au.js';
import { CA_RULES } from './ca.js';
import { CH_RULES } from './ch.js';
import { DEFAULT_DUTY_TABLES } from './duty-tables.js';
import { EU_MEMBER_STATES, EU_RULES } from './eu.js';
import { GB_RULES } from './gb.js';
import { JP_RULES } from './jp.js';
import { NO_RULES } from './no.js';
import { SG_RULES } from './sg.js';
import { US_RULES } from './us.js';

export { EU_MEMBER_STATES };

export const DEFAULT_LANDED_COST_RULES: LandedCostRules = {
  versions: [...US_RULES, ...EU_RULES, ...GB_RULES, ...CA_RULES, ...AU_RULES, ...CH_RULES, ...NO_RULES, ...JP_RULES, ...SG_RULES],
  dutyTables: DEFAULT_DUTY_TABLES,
};

/** Destination countries with at least one rule version. */
export function shippedCountries(rules: LandedCostRules = DEFAULT_LANDED_COST_RULES): string[] {
  return [...new Set(rules.versions.map((v) => v.country))].sort();
}
