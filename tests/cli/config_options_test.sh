# Configuration from the command line: `--config FILE` (one file for every path, no discovery) and
# `--exclude`/`--extend-exclude` (globs relative to the working directory).
source "$(dirname "$0")/lib.sh"

cd "$work"
finding() {  # a file with a PH701 finding on line 2 and a PH101 finding on line 5
  mkdir -p "$(dirname "$1")"
  printf 'for x in xs:\n    seen = x in [1, 2]\nout = []\nfor x in xs:\n    out.append(x + 1)\n' >"$1"
}

# Runs a check and keeps `path:code` for each finding, one a line.
findings() {
  run check --no-cache --output-format github "$@"
  sed 's/^::[a-z]* file=\([^,]*\),.*title=\(PH[0-9]*\) .*/\1:\2/' "$stdout_file" >"$work/.found"
}

finding proj/a.py
finding proj/gen/b.py
finding proj/vendor/lib/c.py
printf 'select = ["PH101"]\nexclude = ["vendor"]\n' >proj/perfhint.toml
mkdir shared
printf '[tool.perfhint]\nselect = ["PH701"]\nextend-exclude = ["*/gen"]\n' >shared/pyproject.toml

begin_case "--config replaces discovery for every path"
findings --config shared/pyproject.toml proj
expect_exit 1
# The file's globs are relative to its own directory: `*/gen` does not reach proj/gen.
expect_file_text findings "$work/.found" <<'END'
proj/a.py:PH701
proj/gen/b.py:PH701
proj/vendor/lib/c.py:PH701
END

begin_case "--config shows in --show-settings"
run check --config shared/pyproject.toml --show-settings proj/a.py
expect_exit 0
sed -n 2,4p "$stdout_file" >"$work/.settings"
expect_file_text settings "$work/.settings" <<END
# configuration files: $work/shared/pyproject.toml
enabled = ["PH701"]
enabled-for-file = ["PH701"]
END

begin_case "the command line still overrides --config"
findings --config shared/pyproject.toml --select PH101 proj/a.py
expect_file_text findings "$work/.found" <<'END'
proj/a.py:PH101
END

begin_case "--config errors: a missing file, a file that configures nothing, with --isolated"
run check --config missing.toml proj
expect_exit 2
expect_no_stdout
expect_stderr <<'END'
perfhint: invalid configuration: missing.toml: no such file
END
mkdir plain && printf '[project]\nname = "x"\n' >plain/pyproject.toml
run check --config plain/pyproject.toml proj
expect_exit 2
expect_stderr <<END
perfhint: invalid configuration: $work/plain/pyproject.toml: configures nothing (no [tool.perfhint] table)
END
run check --config shared/pyproject.toml --isolated proj
expect_exit 2
expect_stderr <<'END'
perfhint: --isolated reads no configuration file; it cannot be combined with --config
END

begin_case "--exclude replaces the configuration's exclude"
findings --exclude gen proj
expect_file_text findings "$work/.found" <<'END'
proj/a.py:PH101
proj/vendor/lib/c.py:PH101
END

begin_case "--extend-exclude adds to it; globs with / are relative to the working directory"
findings --extend-exclude proj/gen proj
expect_file_text findings "$work/.found" <<'END'
proj/a.py:PH101
END
findings --extend-exclude gen,vendor --extend-exclude 'a.*' proj
expect_exit 0
expect_file_text findings "$work/.found" </dev/null

begin_case "files named on the command line are never excluded"
findings --exclude 'proj/gen' proj/gen/b.py
expect_file_text findings "$work/.found" <<'END'
proj/gen/b.py:PH101
END

finish
