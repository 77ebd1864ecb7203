-- Driven by test/editors/neovim.test.ts inside a headless Neovim that loaded the README's recipe as its init.lua:
-- checks what a user sees through Neovim's own LSP client and writes the findings to $LIBVIRT_NVIM_RESULTS as JSON.
local results = {}
local function note(key, value) results[key] = value end
local function finish()
  local file = io.open(os.getenv('LIBVIRT_NVIM_RESULTS'), 'w')
  file:write(vim.fn.json_encode(results))
  file:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
  local function codes()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do found[#found + 1] = code_of(d) .. '@' .. d.lnum end
    table.sort(found)
    return found
  end
  local function has(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do if code_of(d) == code then return d end end
  end
  note('attached', vim.wait(20000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50))
  note('diagnosed', vim.wait(20000, function() return has('nic-not-virtio') ~= nil end, 50))
  note('diagnostics', codes())

  -- The quick fix for the NIC, through textDocument/codeAction, applied as Neovim applies a workspace edit.
  local nic = has('nic-not-virtio')
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = nic.lnum, character = nic.col }, ['end'] = { line = nic.end_lnum, character = nic.end_col } },
    context = { diagnostics = { nic.user_data.lsp } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
  local titles = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      titles[#titles + 1] = action.title
      if action.title == 'Change the NIC model to virtio' then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
    end
  end
  note('actions', titles)
  note('fixed', vim.wait(10000, function() return has('nic-not-virtio') == nil end, 50))
  note('nicLine', vim.api.nvim_buf_get_lines(buf, 39, 40, false)[1])

  -- Completion inside a value, accepted as Neovim applies an item's text edit.
  local line = 30 -- <target dev='sda' bus='sata'/>, 0-based
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  local at = text:find("bus='") + 6 -- after bus='sa
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = at },
  }, 10000) or {}
  for _, response in pairs(completion) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      if item.label == 'virtio' then
        local edit = item.textEdit
        note('completionEdit', edit.range and 'range' or 'insert-replace')
        vim.lsp.util.apply_text_edits({ { range = edit.range or edit.replace, newText = edit.newText } }, buf, 'utf-16')
      end
    end
  end
  note('completedLine', vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1])

  -- Hover on <memory>.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 8, character = 30 },
  }, 10000) or {}
  for _, response in pairs(hover) do
    if response.result then note('hover', response.result.contents.value or vim.inspect(response.result.contents)) end
  end

  -- A virsh command: the connection URI from init_options must reach virsh.
  local listed = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = 'libvirt.listDomains', arguments = {} }, 10000) or {}
  for _, response in pairs(listed) do note('listed', response.result and response.result.ok) end
end)
if not ok then note('error', tostring(err)) end
finish()
