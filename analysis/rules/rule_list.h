// Every rule, one line each: PERFHINT_RULE(function that returns the rule). Keep sorted by code.
// Included twice by registry.cpp (declarations, then the table); no include guard on purpose.
PERFHINT_RULE(ph701ListMembershipLiteral)
