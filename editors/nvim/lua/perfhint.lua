-- perfhint for Neovim 0.7 to 0.10, which lack vim.lsp.config (0.11+ uses lsp/perfhint.lua).
-- Starts `perfhint server` for Python buffers with vim.lsp.start_client, one client per project
-- root (the nearest directory holding pyproject.toml, setup.cfg or .git), and attaches each
-- buffer with vim.lsp.buf_attach_client. Usage, with editors/nvim on 'runtimepath':
--   require("perfhint").setup({ settings = { perfhint = { unsafeFixes = true } } })
local M = {}

local defaults = {
  cmd = { "perfhint", "server" },
  root_markers = { "pyproject.toml", "setup.cfg", ".git" },
  -- The `perfhint` section the server reads: select, extendSelect, ignore, severity, debounceMs,
  -- unsafeFixes, targetVersion, exclude (see the README, "The language server").
  settings = { perfhint = {} },
}

local options = vim.deepcopy(defaults)
local client_by_root = {}

-- The directory a marker found by findfile/finddir marks as the root: the one holding it.
local function holder_of(found)
  local path = vim.fn.fnamemodify(found, ":p"):gsub("/$", "")
  return vim.fn.fnamemodify(path, ":h")
end

--- The nearest directory at or above `start` that holds one of the markers, else `start`.
function M.find_root(start, markers)
  local nearest
  for _, marker in ipairs(markers) do
    -- ";" searches upwards; .git may be a directory or a file (worktrees, submodules).
    local upwards = start .. ";"
    for _, found in ipairs({ vim.fn.findfile(marker, upwards), vim.fn.finddir(marker, upwards) }) do
      if found ~= "" then
        local directory = holder_of(found)
        if not nearest or #directory > #nearest then
          nearest = directory
        end
      end
    end
  end
  return nearest or start
end

local function running_client(root)
  local id = client_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if client and not client.is_stopped() then
    return id
  end
  return nil
end

local function start_client(root)
  return vim.lsp.start_client({
    name = "perfhint",
    cmd = options.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = options.settings.perfhint,
    settings = options.settings,
  })
end

--- Starts (or reuses) the client for the buffer's project and attaches the buffer to it.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or vim.bo[bufnr].buftype ~= "" then
    return
  end
  local root = M.find_root(vim.fn.fnamemodify(name, ":p:h"), options.root_markers)
  local id = running_client(root)
  if not id then
    id = start_client(root)
    if not id then
      local command = table.concat(options.cmd, " ")
      vim.notify("perfhint: could not start " .. command, vim.log.levels.ERROR)
      return
    end
    client_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

-- The perfhint clients attached to a buffer (vim.lsp.get_clients is 0.10+, where
-- buf_get_clients is deprecated).
local function perfhint_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = "perfhint" })
  end
  return vim.tbl_filter(function(client)
    return client.name == "perfhint"
  end, vim.tbl_values(vim.lsp.buf_get_clients(bufnr)))
end

--- Applies every fix of the current buffer (safe ones; unsafe too with unsafeFixes).
function M.fix_all()
  local bufnr = vim.api.nvim_get_current_buf()
  for _, client in ipairs(perfhint_clients(bufnr)) do
    client.request("workspace/executeCommand", {
      command = "perfhint.applyAllFixes",
      arguments = { vim.uri_from_bufnr(bufnr) },
    }, nil, bufnr)
  end
end

--- Sets the options and starts perfhint for every Python buffer, open now or later.
function M.setup(user_options)
  options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), user_options or {})
  local group = vim.api.nvim_create_augroup("perfhint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "python",
    callback = function(event)
      M.attach(event.buf)
    end,
  })
  vim.api.nvim_create_user_command("PerfhintFixAll", M.fix_all, {
    desc = "perfhint: fix all in file",
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "python" then
      M.attach(bufnr)
    end
  end
end

return M
