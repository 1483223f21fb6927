#include "server/cli/rule_command.h"

#include "analysis/explain/rule_doc.h"  // the documentation text
#include "analysis/rules/registry.h"    // lookup

#include <fmt/format.h>  // output

namespace perfhint::cli {

CLI::App* addRuleCommand(CLI::App& app, RuleArguments& arguments) {
  CLI::App* rule = app.add_subcommand("rule", "Show a rule's documentation");
  rule->add_option("code", arguments.code, "Rule code, e.g. PH201");
  rule->add_flag("--all", arguments.all, "List every rule");
  rule->add_flag("--markdown", arguments.markdown,
                 "Print the documentation of every rule (docs/rules.md)");
  rule->add_flag("--table", arguments.table, "Print the rules table of README.md");
  return rule;
}

int runRuleCommand(const RuleArguments& arguments) {
  if (arguments.markdown) {
    fmt::print("{}", allRulesMarkdown());
    return 0;
  }
  if (arguments.table) {
    fmt::print("{}", rulesTableMarkdown("docs/rules.md"));
    return 0;
  }
  if (arguments.all || arguments.code.empty()) {
    for (const Rule* rule : allRules()) {
      const RuleInfo& info = rule->info();
      fmt::print("{}  {:<28} {}\n", info.code, info.name, info.summary);
    }
    return 0;
  }
  std::string code = arguments.code;
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Rule* rule = findRule(code);
  if (!rule) {
    fmt::print(stderr, "perfhint: unknown rule '{}'; `perfhint rule --all` lists them\n",
               arguments.code);
    return 2;
  }
  fmt::print("{}", ruleMarkdown(rule->info()));
  return 0;
}

}  // namespace perfhint::cli
