-- perfhint for Neovim 0.11+ (vim.lsp.config format): put this directory on 'runtimepath' and
-- call vim.lsp.enable("perfhint").
---@type vim.lsp.Config
return {
  cmd = { "perfhint", "server" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.cfg", ".git" },
  -- Server settings (see README.md, "The language server"): select, ignore, severity,
  -- debounceMs, unsafeFixes.
  init_options = {},
  settings = { perfhint = {} },
}
