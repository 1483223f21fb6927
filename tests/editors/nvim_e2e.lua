-- End-to-end test of editors/nvim/lua/perfhint.lua in a real, headless Neovim (0.7+):
-- open a Python file, wait for perfhint's diagnostics, pick code actions as a user would
-- (vim.lsp.buf.code_action with vim.ui.select answered by title) and check the buffer's text.
-- Run by nvim_e2e.sh: nvim --headless -u NONE -c "luafile nvim_e2e.lua", with PERFHINT_BINARY,
-- PERFHINT_NVIM_DIR (editors/nvim) and PERFHINT_PROJECT (a project holding sample.py).
local timeout_ms = 15000

-- Headless Neovim prints to stderr; a failure ends Neovim with status 1 and says which step.
local function fail(message)
  io.stderr:write("FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function step(name)
  io.stderr:write("step: " .. name .. "\n")
end

local function wait_for(what, condition)
  if not vim.wait(timeout_ms, condition, 20) then
    fail("timed out after " .. timeout_ms .. " ms waiting for " .. what)
  end
end

local function expect_equal(what, actual, expected)
  if not vim.deep_equal(actual, expected) then
    local expected_text, actual_text = vim.inspect(expected), vim.inspect(actual)
    fail(what .. ":\n  expected " .. expected_text .. "\n  got      " .. actual_text)
  end
end

local function lines_of(text)
  return vim.split(text:gsub("\n$", ""), "\n", { plain = true })
end

local function perfhint_diagnostics(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.source == "perfhint" then
      table.insert(found, { line = diagnostic.lnum + 1, code = diagnostic.code })
    end
  end
  table.sort(found, function(a, b)
    return a.line < b.line
  end)
  return found
end

-- Runs the code action whose title is `title` with the cursor at `line` (1-based), `column`
-- (0-based) through Neovim's own vim.lsp.buf.code_action, which resolves it first when the
-- server left its edit out.
local function choose_code_action(bufnr, line, column, title)
  vim.api.nvim_win_set_cursor(0, { line, column })
  local offered
  local original_select = vim.ui.select
  vim.ui.select = function(items, _, on_choice)
    offered = {}
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, action.title)
      if action.title == title then
        vim.ui.select = original_select
        on_choice(item)
        return
      end
    end
    vim.ui.select = original_select
    fail("no code action titled '" .. title .. "' among " .. vim.inspect(offered))
  end
  local before = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  wait_for("the code action '" .. title .. "' to change the buffer", function()
    return vim.api.nvim_buf_get_changedtick(bufnr) ~= before
  end)
end

local binary = os.getenv("PERFHINT_BINARY")
local project = os.getenv("PERFHINT_PROJECT")
vim.opt.runtimepath:prepend(os.getenv("PERFHINT_NVIM_DIR"))
vim.cmd("filetype on")

step("lsp/perfhint.lua (the 0.11+ config) is a complete table")
local config = dofile(os.getenv("PERFHINT_NVIM_DIR") .. "/lsp/perfhint.lua")
expect_equal("lsp/perfhint.lua", {
  cmd = config.cmd,
  filetypes = config.filetypes,
  root_markers = config.root_markers,
}, {
  cmd = { "perfhint", "server" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.cfg", ".git" },
})

step("setup")
require("perfhint").setup({
  cmd = { binary, "server" },
  -- Only these rules, so rules added later do not change the expectations.
  settings = { perfhint = { select = { "PH101", "PH701" }, debounceMs = 0 } },
})

step("open sample.py")
vim.cmd("edit " .. vim.fn.fnameescape(project .. "/src/sample.py"))
local bufnr = vim.api.nvim_get_current_buf()
local original = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"

step("the client starts at the project root")
wait_for("the perfhint client to attach", function()
  return #vim.lsp.buf_get_clients(bufnr) == 1
end)
local client = vim.lsp.buf_get_clients(bufnr)[next(vim.lsp.buf_get_clients(bufnr))]
wait_for("the perfhint client to initialize", function()
  return client.initialized
end)
expect_equal("client name", client.name, "perfhint")
expect_equal("root directory (the one with pyproject.toml)", client.config.root_dir, project)

step("diagnostics")
wait_for("perfhint's diagnostics on sample.py", function()
  return #perfhint_diagnostics(bufnr) == 2
end)
expect_equal("diagnostics (line, code)", perfhint_diagnostics(bufnr), {
  { line = 12, code = "PH701" },
  { line = 18, code = "PH101" },
})

step("code action: the PH101 fix")
choose_code_action(bufnr, 18, 10, "Replace the loop with a list comprehension (PH101)")
local squares_fixed = original:gsub(
  "    result = %[%]\n    for n in numbers:\n        result.append%(n %* n%)\n",
  "    result = [n * n for n in numbers]\n"
)
local function buffer_lines()
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end
expect_equal("buffer after the PH101 fix", buffer_lines(), lines_of(squares_fixed))
wait_for("the diagnostics to drop PH101", function()
  return #perfhint_diagnostics(bufnr) == 1
end)
expect_equal("diagnostics after the fix", perfhint_diagnostics(bufnr), {
  { line = 12, code = "PH701" },
})

step("code action: ignore PH701 (resolved by codeAction/resolve)")
choose_code_action(bufnr, 12, 25, "Ignore PH701 on this line")
expect_equal(
  "line 12 after ignoring PH701",
  vim.api.nvim_buf_get_lines(bufnr, 11, 12, false),
  { '    seen = letter in ["a", "e", "i", "o", "u"]  # noqa: PH701' }
)
wait_for("the diagnostics to clear", function()
  return #perfhint_diagnostics(bufnr) == 0
end)

step("PerfhintFixAll on a fresh copy")
vim.cmd("edit! " .. vim.fn.fnameescape(project .. "/src/sample.py"))
vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines_of(original))
wait_for("the diagnostics of the restored text", function()
  return #perfhint_diagnostics(bufnr) == 2
end)
local before = vim.api.nvim_buf_get_changedtick(bufnr)
vim.cmd("PerfhintFixAll")
wait_for("PerfhintFixAll to change the buffer", function()
  return vim.api.nvim_buf_get_changedtick(bufnr) ~= before
end)
-- unsafeFixes is off: only the safe PH101 fix applies.
expect_equal("buffer after PerfhintFixAll", buffer_lines(), lines_of(squares_fixed))

io.stderr:write("nvim e2e: all steps passed\n")
vim.cmd("qall!")
