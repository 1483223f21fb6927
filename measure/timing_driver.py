"""Times one side of a rule's example the timeit way. Run by `perfhint measure`, once per side,
each in a fresh interpreter: a harness may configure a library only once per process, and a side
that writes to a database must not change what the other side reads.

Reads one JSON request (argv[1]): the side to time ("before" or "after"), the example's code, its
harness, the setup that builds an input of size n, the expression to time, n, the number of
repeats, and a result file: the before side stores its result there, the after side compares its
own with it. Prints one JSON object: the interpreter, the best time per call, and for the after
side whether both results are equal.
"""

import contextlib
import json
import math
import os
import pickle
import platform
import sys
import timeit
import types


def load(source, harness, side):
    """Runs the example's code once as a module of its own, with its printed output discarded.

    A registered module lets process pools pickle the example's functions by name.
    """
    module = types.ModuleType("perfhint_example_" + side)
    sys.modules[module.__name__] = module
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        exec(compile(harness + "\n" + source, "<" + side + ">", "exec"), module.__dict__)
    return module.__dict__


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


def time_call(namespace, request):
    """Best seconds per call over the repeats, the loop count, and the result of one call."""
    exec(request["setup"], namespace)
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        result = eval(request["call"], namespace)
        timer = timeit.Timer(request["call"], globals=namespace)
        number, _ = timer.autorange()
        runs = timer.repeat(repeat=request["repeat"], number=number)
    return min(runs) / number, number, result


def store(result, path):
    """Keeps the before side's result; its repr when it cannot be pickled."""
    try:
        data = pickle.dumps(("value", result))
    except Exception:
        data = pickle.dumps(("repr", repr(result)))
    with open(path, "wb") as out:
        out.write(data)


def matches(result, path):
    with open(path, "rb") as source:
        kind, expected = pickle.load(source)
    return same(expected, result) if kind == "value" else expected == repr(result)


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        request = json.load(source)
    side = request["side"]
    report = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }
    try:
        namespace = load(request[side], request["harness"], side)
        namespace["n"] = request["n"]
        seconds, number, result = time_call(namespace, request)
        report[side] = {"seconds": seconds, "loops": number}
        if side == "before":
            store(result, request["result_file"])
        else:
            report["same"] = matches(result, request["result_file"])
    except Exception as error:  # reported to the user, with the side that failed
        report["error"] = f"{side}: {type(error).__name__}: {error}"
    sys.stdout.flush()
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
