"""Report building with the slow idioms perfhint reports."""


def summary_line(totals):
    import statistics

    return "mean %.2f" % statistics.mean(totals)


def render(rows):
    html = ""
    for row in rows:
        html += "<tr><td>" + row + "</td></tr>"
    return html


def count_errors(path):
    count = 0
    with open(path) as log:
        for line in log.readlines():
            if "ERROR" in line:
                count += 1
    return count
