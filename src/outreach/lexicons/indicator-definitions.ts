import type { IndicatorDefinition } from '../types.ts';

/**
 * Per-ad indicators, their evidence direction and weight, with provenance (domain brief:
 * ../shared/domain/outreach.md, "Indicators and what the evidence says").
 *
 * Weights are priors on one scale (tested predictors ~1-2, untested '?' signals <= 0.3, tested
 * non-predictors <= 0). They are configuration, to be re-estimated from logged outreach outcomes;
 * a weight of 0 keeps the reason visible without moving the score. A score prioritises a human's
 * attention; it never decides anything about a person.
 */
export const indicatorDefinitions: IndicatorDefinition[] = [
  {
    code: 'obfuscated-phone',
    weight: 1.5,
    direction: '+',
    source: 'Tested: US NIJ-funded study of 1,263 ads with known case outcomes (obscured phone number).',
    description: 'A phone number written to evade search: spelled out, emoji or full-width digits, letters for digits, odd separators.',
  },
  {
    code: 'youth-language',
    weight: 1.5,
    direction: '+',
    source: 'Tested: US NIJ-funded study of 1,263 ads with known case outcomes (language suggesting youth).',
    description: 'Words that stress youth or inexperience ("young", "fresh", "new girl", "barely legal", "tiener").',
  },
  {
    code: 'nationality-named',
    weight: 1.0,
    direction: '+',
    source: 'Tested: US NIJ-funded study of 1,263 ads with known case outcomes (provider ethnicity/nationality named).',
    description: 'The ad names the provider\'s nationality or ethnicity ("Romanian", "latina", "roemeense").',
  },
  {
    code: 'trust-reassurance',
    weight: 1.0,
    direction: '+',
    source: 'Tested: US NIJ-funded study of 1,263 ads with known case outcomes ("trustworthy provider" language).',
    description: 'Reassurance that the provider is real and safe ("real pictures", "100% real", "no fake", "discreet and safe").',
  },
  {
    code: 'movement-language',
    weight: -1.0,
    direction: '-',
    source: 'Tested non-predictor: movement language was 70% LESS likely in ads linked to trafficking (same study).',
    description: 'The provider is travelling or here briefly ("new in town", "only this week", "leaving soon").',
  },
  {
    code: 'stated-age-under-18',
    weight: 3.0,
    direction: '+',
    source: 'Structural/legal: sexual exploitation of a minor is trafficking without proof of coercion (Dutch Criminal Code art. 273f).',
    description: 'The ad states an age below 18.',
  },
  {
    code: 'stated-age-18-23',
    weight: 0,
    direction: '-',
    source: 'Tested, not significant (domain brief item 10); kept visible with weight 0.',
    description: 'The ad states an age from 18 to 23.',
  },
  {
    code: 'client-screening',
    weight: -0.25,
    direction: '-',
    source: 'Tested, not predictive (domain brief item 10: client screening).',
    description: 'The provider screens clients ("no private numbers", "serious gentlemen only").',
  },
  {
    code: 'availability-24-7',
    weight: 0.25,
    direction: '?',
    source: 'Untested practitioner signal (Dutch police look for "always available"); low weight, switchable.',
    description: 'Round-the-clock availability ("24/7", "dag en nacht", "non stop").',
  },
  {
    code: 'risky-services',
    weight: 0.3,
    direction: '?',
    source: 'Untested practitioner signal (Dutch police look for "all forms of sex, without condom"); low weight, switchable.',
    description: 'Unprotected or unlimited services offered ("without condom", "zonder condoom", "alles mogelijk").',
  },
  {
    code: 'agency-voice',
    weight: 0.3,
    direction: '?',
    source: 'Untested: third-person or agency voice (domain brief item 11); licensed agencies write this way too; low weight.',
    description: 'Someone else speaks for the provider ("my girls", "onze meiden", "she is").',
  },
  {
    code: 'low-price',
    weight: 0.2,
    direction: '?',
    source: 'Untested: unusually low price (domain brief item 11); low weight, switchable.',
    description: 'A stated hourly price below the configured threshold.',
  },
];
