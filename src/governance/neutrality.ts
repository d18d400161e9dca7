/**
 * Neutrality check in the spirit of INTERPOL's Constitution, Article 3: outgoing requests
 * and alerts whose text or purpose suggests a political, military, religious or racial
 * character are flagged with the rule that fired, for the DPO to decide.
 *
 * Placeholder rule set: the explainable multilingual rules engine replaces this file; the
 * API below is the contract the outgoing review is wired to.
 */

/** One rule that fired, with the words that made it fire. */
export interface NeutralityFlag {
  category: 'political' | 'military' | 'religious' | 'racial';
  rule: string;
  excerpt: string;
  language: 'fr' | 'en' | 'ar' | 'ur';
}

/** The outcome of {@link checkNeutrality}. */
export interface NeutralityResult {
  flagged: boolean;
  flags: NeutralityFlag[];
}

const RULES: Array<{ rule: string; category: NeutralityFlag['category']; pattern: RegExp }> = [
  {
    rule: 'en.political.opposition',
    category: 'political',
    pattern: /\b(political opposition|opposition party)\b/i,
  },
];

/** Flags text that suggests a political, military, religious or racial character. */
export function checkNeutrality(text: { subject: string; body: string; purpose?: string }): NeutralityResult {
  const flags: NeutralityFlag[] = [];
  const all = [text.subject, text.body, text.purpose ?? ''].join('\n');
  for (const r of RULES) {
    const m = r.pattern.exec(all);
    if (m) {
      const start = Math.max(0, m.index - 30);
      flags.push({
        category: r.category,
        rule: r.rule,
        excerpt: all.slice(start, m.index + m[0].length + 30).trim(),
        language: 'en',
      });
    }
  }
  return { flagged: flags.length > 0, flags };
}
