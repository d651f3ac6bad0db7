import { FrameworkLookupError } from '../framework-data.error.js';
import type { Association, CategoryDefinition, CategoryRules, Framework, RulesSnapshot } from '../framework.types.js';
import { deepFreeze } from './deep-freeze.js';
import { displayName } from './display-name.js';
import { ruleKey } from './rule-key.js';
import type { FrameworkContents } from './validate-framework.js';

function listOf(codes: readonly string[]): string {
  return codes.join(', ');
}

/** The Framework object over validated contents; every lookup failure is a FrameworkLookupError. */
export function createFramework(contents: FrameworkContents): Framework {
  deepFreeze(contents);
  const { version, alliance, educationLevels, categories, competencyDomains, ratingForm, exam, associations, rules } = contents;

  const association = (code: string): Association => {
    const found = associations.get(code);
    if (!found) {
      throw new FrameworkLookupError(`Unknown association "${code}" (known: ${listOf([...associations.keys()])})`);
    }
    return found;
  };

  /** The category, with the track checked against it and, for an association, against what it offers. */
  const locate = (categoryCode: string, trackCode: string | undefined, offeredBy?: Association): CategoryDefinition => {
    const category = categories.find((c) => c.code === categoryCode);
    if (!category) {
      const known = listOf(categories.map((c) => c.code));
      throw new FrameworkLookupError(`Unknown category "${categoryCode}" (known: ${known})`);
    }
    const trackCodes = category.tracks.map((t) => t.code);
    if (trackCodes.length > 0 && trackCode === undefined) {
      throw new FrameworkLookupError(`${categoryCode} needs a track (${listOf(trackCodes)})`);
    }
    if (trackCode !== undefined && !trackCodes.includes(trackCode)) {
      throw new FrameworkLookupError(`${categoryCode} has no track "${trackCode}"`);
    }
    if (offeredBy && !rules.has(ruleKey(categoryCode, trackCode ?? null, offeredBy.code))) {
      const what = trackCode ? `${categoryCode} (${trackCode})` : categoryCode;
      throw new FrameworkLookupError(`${offeredBy.code} does not offer ${what}`);
    }
    return category;
  };

  const resolvedRules = (categoryCode: string, trackCode?: string, associationCode?: string): CategoryRules => {
    locate(categoryCode, trackCode, associationCode === undefined ? undefined : association(associationCode));
    return rules.get(ruleKey(categoryCode, trackCode ?? null, associationCode ?? null))!;
  };

  const framework: Framework = {
    version,
    alliance,
    educationLevels,
    categories,
    competencyDomains,
    ratingForm,
    exam,
    associations,
    association,
    rules: resolvedRules,
    displayName(associationCode, categoryCode, trackCode) {
      const offeredBy = association(associationCode);
      return displayName(locate(categoryCode, trackCode, offeredBy), trackCode ?? null, offeredBy);
    },
    rulesSnapshot(associationCode, categoryCode, trackCode) {
      const offeredBy = association(associationCode);
      const snapshot: RulesSnapshot = {
        version,
        association: {
          code: offeredBy.code,
          name: offeredBy.name,
          timeZone: offeredBy.timeZone,
          currency: offeredBy.currency,
        },
        displayName: framework.displayName(associationCode, categoryCode, trackCode),
        applicationFee: offeredBy.categories[categoryCode].applicationFee,
        educationLevels,
        credentialNames: Object.fromEntries(
          categories.flatMap((c) => [
            ...(c.credential ? [[c.credential, displayName(c, null, offeredBy)] as const] : []),
            ...c.tracks.map((t) => [t.credential, displayName(c, t.code, offeredBy)] as const),
          ]),
        ),
        rules: resolvedRules(categoryCode, trackCode, associationCode),
      };
      // A fresh, mutable copy: the caller stores it; the framework itself stays frozen.
      return structuredClone(snapshot);
    },
  };
  return deepFreeze(framework);
}
