// Every rule, one line each: PERFHINT_RULE(function that returns the rule). Keep sorted by code.
// Included twice by registry.cpp (declarations, then the table); no include guard on purpose.
PERFHINT_RULE(ph101AppendInLoop)
PERFHINT_RULE(ph102NestedIndexLoops)
PERFHINT_RULE(ph103RangeLenIndex)
PERFHINT_RULE(ph104LoopInvariantLookup)
PERFHINT_RULE(ph105PythonLoopOverArray)
PERFHINT_RULE(ph201StringConcatInLoop)
PERFHINT_RULE(ph202RegexInLoop)
PERFHINT_RULE(ph301ReadlinesIteration)
PERFHINT_RULE(ph701ListMembershipLiteral)
PERFHINT_RULE(ph702TryExceptKeyError)
PERFHINT_RULE(ph703ImportInFunction)
