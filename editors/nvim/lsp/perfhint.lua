-- perfhint for Neovim 0.11+ (vim.lsp.config format, as nvim-lspconfig's lsp/<name>.lua): put
-- editors/nvim on 'runtimepath' and call vim.lsp.enable("perfhint"). Older Neovim: see
-- lua/perfhint.lua.
---@type vim.lsp.Config
return {
  cmd = { "perfhint", "server" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.cfg", ".git" },
  -- The `perfhint` section the server reads (see the README, "The language server"): select,
  -- extendSelect, ignore, severity, debounceMs, unsafeFixes, targetVersion, exclude. Override
  -- with vim.lsp.config("perfhint", {...}).
  settings = { perfhint = {} },
}
