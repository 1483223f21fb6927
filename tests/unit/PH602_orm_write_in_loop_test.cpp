// PH602 orm-write-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH602 flags Django writes per pass, only in loops and only on models") {
  AnnotatedSource source = annotate(
      "from shop.models import Tag\n"
      "Tag.objects.create(label='a')\n"
      "for label in labels:\n"
      "    «Tag.objects.create(label=label)»\n"
      "    Other.objects.create(label=label)\n"
      "    tag = Tag(label=label)\n"
      "    «tag.save()»\n"
      "    tag.save('x')\n");
  CHECK(rangesOf("PH602", source.text) == source.ranges);
}

TEST_CASE("PH602 flags a session commit per row, not per batch") {
  AnnotatedSource source = annotate(
      "import sqlalchemy\n"
      "def f(db, rows):\n"
      "    for row in rows:\n"
      "        «db.session.commit()»\n"
      "        if row:\n"
      "            db.session.commit()\n"
      "        db.commit()\n");
  CHECK(rangesOf("PH602", source.text) == source.ranges);
}

TEST_CASE("PH602 executemany fix for the simple loop shapes") {
  std::string text =
      "import sqlite3\n"
      "def f(conn, rows):\n"
      "    cur = conn.cursor()\n"
      "    for r in rows:\n"
      "        cur.execute('INSERT INTO t VALUES (?)', r)\n"
      "    for r in rows:\n"
      "        cur.execute('delete from t where a = ?', (r.a,))\n";
  auto findings = findingsOf("PH602", text);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "`execute()` of the same statement on every pass; pass all the rows to one "
        "`executemany()`");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH602", text) ==
        "import sqlite3\n"
        "def f(conn, rows):\n"
        "    cur = conn.cursor()\n"
        "    cur.executemany('INSERT INTO t VALUES (?)', rows)\n"
        "    cur.executemany('delete from t where a = ?', [(r.a,) for r in rows])\n");
  CHECK(fixedBy("PH602", text, false) == text);
}

TEST_CASE("PH602 leaves reads, changing statements and unknown receivers alone") {
  std::string text =
      "import sqlite3\n"
      "def f(conn, rows, cur):\n"
      "    c = sqlite3.connect('x')\n"
      "    for r in rows:\n"
      "        c.execute('SELECT a FROM t WHERE b = ?', (r,))\n"
      "        c.execute('INSERT INTO ' + r + ' VALUES (?)', (r,))\n"
      "        cur.execute('INSERT INTO t VALUES (?)', (r,))\n";
  CHECK(findingsOf("PH602", text).empty());
}
