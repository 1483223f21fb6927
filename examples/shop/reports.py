"""Report building with the slow idioms perfhint reports."""
from statistics import mean


class Page:
    def __init__(self):
        self.html = ""

    def render(self, rows):
        for row in rows:
            self.html += "<tr><td>" + row + "</td></tr>"
        return self.html


def summary_line(totals):
    from statistics import mean

    return "mean %.2f" % mean(totals)


def count_errors(path):
    count = 0
    with open(path) as log:
        for line in log.readlines():
            if "ERROR" in line:
                count += 1
    return count
