-- wrk script: every request a different comparison, so the answer cache almost never hits. Each asks for 2 to 8
-- random frameworks of the shipped data, and half of them for a random as-of date.
-- Usage: wrk -s bench/random-compare.lua URL [-- .json]   (the argument is appended to /compare).
local ids = { "fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "fatf-r16", "iosco-cda",
  "iosco-defi", "bcbs-crypto", "us-genius-act", "us-sec-cftc", "gb-cryptoassets", "sg-mas", "hk-crypto", "jp-crypto",
  "ae-vara", "ch-finma", "kr-vapua", "au-crypto", "ca-crypto", "br-vasp", "de-crypto", "fr-crypto", "oecd-carf" }
local suffix = ""

function init(args)
  suffix = args[1] or ""
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

function request()
  local pool = {}
  for i, id in ipairs(ids) do pool[i] = id end
  local picked = {}
  for _ = 1, math.random(2, 8) do
    table.insert(picked, table.remove(pool, math.random(#pool)))
  end
  local path = "/compare" .. suffix .. "?f=" .. table.concat(picked, ",")
  if math.random() < 0.5 then
    path = path .. string.format("&as_of=%04d-%02d-%02d", math.random(2015, 2026), math.random(1, 12), math.random(1, 28))
  end
  return wrk.format("GET", path)
end
