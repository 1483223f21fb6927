// Every rule, one line each: PERFHINT_RULE(function that returns the rule). Keep sorted by code.
// Included twice by registry.cpp (declarations, then the table); no include guard on purpose.
PERFHINT_RULE(ph101AppendInLoop)
PERFHINT_RULE(ph103RangeLenIndex)
PERFHINT_RULE(ph108DictIteration)
PERFHINT_RULE(ph109ManualCopyOrDictBuild)
PERFHINT_RULE(ph201StringConcatInLoop)
PERFHINT_RULE(ph202RegexInLoop)
PERFHINT_RULE(ph301ReadlinesIteration)
PERFHINT_RULE(ph302MaterializedArgument)
PERFHINT_RULE(ph701ListMembershipLiteral)
PERFHINT_RULE(ph702TryExceptKeyError)
PERFHINT_RULE(ph703ImportInFunction)
PERFHINT_RULE(ph707LenComparisonOnGenerator)
