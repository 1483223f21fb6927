// Reads the output of `perfhint rule --all` ("PH201  string-concat-in-loop  summary" per line)
// into quick-pick items. Kept free of the vscode API so it runs under plain Node in the tests.

export interface RuleListItem {
  /** The rule code, e.g. PH201. */
  label: string;
  /** Its kebab-case name and summary. */
  description: string;
}

export function parseRuleListing(listing: string): RuleListItem[] {
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^PH\d+\s/.test(line))
    .map((line) => {
      const [code, ...rest] = line.split(/\s+/);
      return { label: code, description: rest.join(' ') };
    });
}
