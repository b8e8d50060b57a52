// The platform features a Chromium 86 lacks, read from MDN's browser-compat-data: Web APIs (interfaces,
// their members, global functions) and JavaScript built-ins that Chrome added after version 86. The old-
// engine page deletes every one of them before the widgets load, so a widget that calls one unguarded fails.
import bcd from '@mdn/browser-compat-data' with { type: 'json' };

const OLDEST_CHROMIUM = 86;

/** The first Chrome version with `compat`'s feature unflagged and unprefixed, or Infinity when none has it. */
function chromeSince(compat) {
  const support = compat?.support?.chrome;
  const entries = Array.isArray(support) ? support : support ? [support] : [];
  const plain = entries.find((entry) => !entry.flags && !entry.prefix && !entry.alternative_name);
  const added = plain?.version_added;
  if (typeof added !== 'string' || added === 'preview') return Infinity;
  return Number.parseFloat(added.replace('≤', ''));
}

/** Sub-features that are not properties (events, contexts, behaviours) have an underscore in their key. */
const isProperty = (key) => !key.includes('_') || key.endsWith('_static');

/**
 * Each name is `Global` (delete the global) or `Owner.member` (delete the member from Owner.prototype, or
 * from Owner itself for a static one; the page looks for it in both).
 * @returns {string[]}
 */
function newerIn(tree) {
  const names = [];
  for (const [owner, feature] of Object.entries(tree)) {
    if (chromeSince(feature.__compat) > OLDEST_CHROMIUM) {
      names.push(owner);
      continue;
    }
    for (const [key, member] of Object.entries(feature)) {
      if (key === '__compat' || key === owner || !isProperty(key)) continue;
      if (chromeSince(member.__compat) > OLDEST_CHROMIUM)
        names.push(`${owner}.${key.replace(/_static$/, '')}`);
    }
  }
  return names;
}

/** Everything newer than Chromium 86, with the compat data's version, for the page to delete. */
export const newerApis = {
  source: `@mdn/browser-compat-data ${bcd.__meta.version}`,
  names: [...newerIn(bcd.api), ...newerIn(bcd.javascript.builtins)].sort(),
};
