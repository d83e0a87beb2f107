import type { Localized } from '../../platform/i18n/i18n.js';
import type { StreetRule } from './area/types.js';
import { formatNumberRanges, parseNumberRanges } from './matching/number-ranges.js';

/**
 * Street rules as editable text, one rule per line: "Lubartów | Lubelska | 1-25 nieparzyste; 30-40".
 * The street and numbers are optional ("Serniki" = the whole village). Used by the admin form,
 * which must work without JavaScript.
 */
export function formatRulesText(rules: readonly StreetRule[]): string {
  return rules
    .map((rule) => {
      const parts = [rule.locality, rule.street ?? '', rule.numbers ? formatNumberRanges(rule.numbers) : ''];
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts.join(' | ');
    })
    .join('\n');
}

export interface RulesTextProblem {
  line: number;
  message: Localized;
}

export function parseRulesText(text: string): { rules: StreetRule[]; problems: RulesTextProblem[] } {
  const rules: StreetRule[] = [];
  const problems: RulesTextProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const [locality = '', street = '', numbers = '', ...rest] = raw.split('|').map((part) => part.trim());
    if (rest.length > 0) {
      problems.push({
        line,
        message: { pl: 'Za dużo pól: wpisz „miejscowość | ulica | numery”.', en: 'Too many fields: write "town | street | numbers".' },
      });
      return;
    }
    if (!locality) {
      problems.push({ line, message: { pl: 'Brakuje miejscowości.', en: 'The town or village is missing.' } });
      return;
    }
    const parsed = parseNumberRanges(numbers);
    if (parsed.errors.length > 0) {
      problems.push(...parsed.errors.map((message) => ({ line, message })));
      return;
    }
    rules.push({ locality, street: street || null, numbers: parsed.ranges });
  });
  return { rules, problems };
}
