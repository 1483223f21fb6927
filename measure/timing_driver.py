"""Times a rule's before and after examples the timeit way. Run by `perfhint measure`.

Reads one JSON request (argv[1]): the example's code, its harness, the setup that builds an input
of size n, the expression to time, n and the number of repeats. Prints one JSON object: the
interpreter, the best time per call of each side, and whether both sides returned equal results.
"""

import contextlib
import json
import math
import os
import platform
import sys
import timeit


def load(source, harness, label):
    """Runs the example's code once, with its printed output discarded, and returns its names."""
    namespace = {"__name__": "__perfhint_" + label + "__"}
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        exec(compile(harness + "\n" + source, "<" + label + ">", "exec"), namespace)
    return namespace


def same(a, b):
    """Equal results: floats within rounding, frames and arrays by their own comparison."""
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
        except (TypeError, ValueError):
            return False
    equals = getattr(a, "equals", None)
    if callable(equals):
        return bool(equals(b))
    if type(a).__module__ == "numpy":
        return bool((a == b).all())
    return a == b


def time_side(namespace, request):
    """Best seconds per call over the repeats, the loop count, and the result of one call."""
    exec(request["setup"], namespace)
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        result = eval(request["call"], namespace)
        timer = timeit.Timer(request["call"], globals=namespace)
        number, _ = timer.autorange()
        runs = timer.repeat(repeat=request["repeat"], number=number)
    return min(runs) / number, number, result


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        request = json.load(source)
    report = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }
    label = "before"
    try:
        results = []
        for label in ("before", "after"):
            namespace = load(request[label], request["harness"], label)
            namespace["n"] = request["n"]
            seconds, number, result = time_side(namespace, request)
            report[label] = {"seconds": seconds, "loops": number}
            results.append(result)
        report["same"] = same(results[0], results[1])
    except Exception as error:  # reported to the user, with the side that failed
        report["error"] = f"{label}: {type(error).__name__}: {error}"
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
