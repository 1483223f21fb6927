// Checking (and fixing) one Jupyter notebook: its code cells analysed as one program in order,
// findings and fixes kept inside their cells, fixed cells written back into the JSON.
#pragma once

#include "analysis/syntax/tree_sitter.h"  // the worker's parser
#include "server/cli/check_runner.h"      // FileResult
#include "server/cli/notebook_file.h"     // reading and rewriting .ipynb

#include <string>

namespace perfhint::cli {

/// Fills `result` for the notebook whose JSON is `text`: `text`/`findings` for the program of
/// its code cells, `notebook` for the file. A notebook that cannot be read sets `result.error`;
/// one whose metadata names another language than Python gets no findings. With `fix`, each
/// round analyses the whole program and applies the fixes of each cell to that cell alone.
void checkNotebook(std::string text, bool fix, const FileSettings& settings, TSParser& parser,
                   FileResult& result);

}  // namespace perfhint::cli
