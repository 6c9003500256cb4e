-- Drives ladderlint lsp from Neovim's built-in client (0.7 and later), for
-- lsp_nvim_test.go: opens LL_PAGE, waits for diagnostics, writes them as
-- JSON lines to LL_OUT, applies the "Fix:" code action of the misspelling
-- and writes the buffer, then waits for the diagnostics of the fixed text.
local out = assert(io.open(os.getenv("LL_OUT"), "w"))
local function emit(kind, value)
  out:write(vim.fn.json_encode({ kind = kind, value = value }) .. "\n")
  out:flush()
end

local function run()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("LL_PAGE")))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "ladderlint",
    cmd = { os.getenv("LL_BIN"), "lsp" },
    cmd_cwd = os.getenv("LL_ROOT"),
    root_dir = os.getenv("LL_ROOT"),
  })
  assert(id, "the client did not start")
  vim.lsp.buf_attach_client(bufnr, id)
  local function diags()
    local ds = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(ds, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source,
        code = lsp.code or d.code,
        href = (lsp.codeDescription or {}).href,
      })
    end
    return ds
  end
  local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  if not got then
    emit("error", "no diagnostics within 20 s")
    return
  end
  local first = diags()
  emit("diagnostics", first)

  local target
  for _, d in ipairs(first) do
    if d.code == "misspelling" then target = d end
  end
  if not target then
    emit("error", "no misspelling diagnostic")
    return
  end
  local client = vim.lsp.get_client_by_id(id)
  local params = vim.lsp.util.make_range_params()
  params.range = {
    start = { line = target.lnum, character = 0 },
    ["end"] = { line = target.end_lnum, character = 999 },
  }
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000)
  local action
  for _, resp in pairs(responses or {}) do
    for _, a in ipairs(resp.result or {}) do
      if a.title:sub(1, 5) == "Fix: " and not action then action = a end
    end
  end
  if not action then
    emit("error", "no Fix code action")
    return
  end
  emit("action", action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  emit("buffer", vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
  -- the change reaches the server; its diagnostics lose the misspelling
  local fixed = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if ((d.user_data or {}).lsp or {}).code == "misspelling" then return false end
    end
    return true
  end, 20)
  emit("fixed", fixed)
  vim.lsp.stop_client(id)
end

local ok, err = pcall(run)
if not ok then emit("error", tostring(err)) end
out:close()
vim.cmd("qa!")
