-- Minimal stand-ins for the parts of Scribunto's mw library that Module:Citation/CS1 and its
-- submodules call, so that benchmarks/cs1_agreement.py can run the real module sources (read
-- from ../shared/reference/wikipedia-modules at run time, never copied here) under Lua 5.1.
--
-- Written for this benchmark. What needs Unicode or MediaWiki's date parser (mw.ustring,
-- mw.text.split/trim, formatDate) is done in Python and handed in as the global `py`:
--   py.find/match/gmatch/gsub/len/sub/upper/lower/codepoint, py.split, py.trim,
--   py.format_date(format, date), py.source(name), py.page_text().
--   py.language_names() (ISO 639 names standing in for MediaWiki's language names).
-- Deliberately not modelled: page existence, Wikidata, COinS metadata (an empty stub module).

local py = py

local function identity (s) return s end

local lang = {}
function lang:getCode () return 'en' end
function lang:formatDate (format, date) return py.format_date (format, date) end
function lang:parseFormattedNumber (s) return tonumber (s) end
function lang:ucfirst (s) return py.upper (py.sub (s, 1, 1)) .. py.sub (s, 2) end
function lang:lcfirst (s) return py.lower (py.sub (s, 1, 1)) .. py.sub (s, 2) end

local function nowiki (s)
	-- mw.text.nowiki: the characters that would start markup, as numeric entities.
	s = string.gsub (s, '["&\'<=>%[%]{|}]', function (c) return '&#' .. string.byte (c) .. ';' end)
	s = string.gsub (s, '^([#*:; ])', function (c) return '&#' .. string.byte (c) .. ';' end)
	return s
end

local function uri_encode (s, kind)
	local space = (kind == 'PATH' and '%20') or (kind == 'WIKI' and '_') or '+'
	return (string.gsub (s, '[^%w%-%._~/:]', function (c)
		if c == ' ' then return space end
		return string.format ('%%%02X', string.byte (c))
	end))
end

local current_title = {
	namespace = 0, text = 'Article', prefixedText = 'Article', fullText = 'Article',
	exists = false,
	getContent = function () return py.page_text () end,
}

mw = {
	ustring = {
		find = py.find, match = py.match, gsub = py.gsub, len = py.len, sub = py.sub,
		upper = py.upper, lower = py.lower, codepoint = py.codepoint, format = string.format,
		gmatch = function (s, pattern)
			local all = py.gmatch (s, pattern)
			local i = 0
			return function ()
				i = i + 1
				local captures = all[i]
				if captures == nil then return nil end
				return unpack (captures, 1, captures.n)
			end
		end,
	},
	text = {
		split = py.split, trim = py.trim, nowiki = nowiki,
		unstripNoWiki = identity, encode = identity,
		tag = function (name, attrs, content) return '<' .. name .. '>' .. (content or '') .. '</' .. name .. '>' end,
	},
	uri = {
		encode = uri_encode,
		anchorEncode = function (s) return (string.gsub (s, ' ', '_')) end,
	},
	title = {
		getCurrentTitle = function () return current_title end,
		new = function (text, ns) return {text = text, namespace = 0, exists = false} end,
		makeTitle = function (ns, text) return {text = text, namespace = 0, exists = false} end,
	},
	language = {
		getContentLanguage = function () return lang end,
		fetchLanguageName = function (code) return py.language_names ()[code] or '' end,
		fetchLanguageNames = function () return py.language_names () end,
	},
	getContentLanguage = function () return lang end,
	getLanguage = function () return lang end,
	site = {
		server = '//en.wikipedia.org',
		talkNamespaces = {[1] = {}, [3] = {}, [5] = {}, [7] = {}, [9] = {}, [11] = {}, [13] = {}, [15] = {}},
		namespaces = {Project = {name = 'Wikipedia'}},
		interwikiMap = function ()
			local map = {}
			for code, _ in pairs (py.language_names ()) do
				if #code == 2 then map[code] = {prefix = code} end
			end
			return map
		end,
	},
	message = {
		newRawMessage = function (msg, ...)
			local args = {...}
			if type (args[1]) == 'table' then args = args[1] end
			local plain = string.gsub (msg, '%$(%d+)', function (n)
				local v = args[tonumber (n)]
				if v == nil then return '$' .. n end
				return tostring (v)
			end)
			return {plain = function () return plain end}
		end,
	},
	-- Commons' Data:CS1/Identifier limits.tab cannot be read here: as when its load fails, the
	-- module then accepts any PMID, PMC ... number (enwiki's Commons limits follow new numbers).
	ext = {data = {get = function () return false end}},
	addWarning = function () end,
	dumpObject = function (o) return tostring (o) end,
}

-- os.date('%Y') is the benchmark's pinned "today", as format_date's 'today' is.
local real_date = os.date
os.date = function (format, time)
	if time == nil and format == '%Y' then return py.format_date ('Y', 'today') end
	return real_date (format, time)
end

local frame = {args = {}}
function frame:getTitle () return 'Module:Citation/CS1' end
function frame:preprocess (text) if text == '{{REVISIONID}}' then return '1' end return text end
function frame:extensionTag () return '' end
function frame:expandTemplate () return '' end
function frame:callParserFunction () return '' end
function frame:getParent () return self.parent end
function mw.getCurrentFrame () return frame end

local coins = {
	set_selected_modules = function () end,
	COinS = function () return '' end,
	make_coins_title = function () return '' end,
	get_coins_pages = function (pages) return pages end,
}

-- Compiled chunks are kept; each citation runs them again (fresh locals, as a new #invoke
-- does). mw.loadData's tables are kept per page, as MediaWiki keeps them per parse.
local chunks = {}
local loaded, data = {}, {}

local function chunk (name)
	if chunks[name] == nil then
		local source = py.source (name)
		if source == nil then error ('no module ' .. name) end
		chunks[name] = assert (loadstring (source, '@' .. name))
	end
	return chunks[name]
end

function require (name)
	if name == 'strict' then return {} end
	if name == 'Module:Citation/CS1/COinS' then return coins end
	if loaded[name] == nil then loaded[name] = chunk (name) () end
	return loaded[name]
end

function mw.loadData (name)
	if data[name] == nil then data[name] = chunk (name) () end
	return data[name]
end

-- One page: forget the page's loadData tables (Configuration reads the page's text).
function new_page ()
	data = {}
end

-- One citation: `class` is the template's CitationClass, `args` its parameters. Returns the
-- rendered text, the error ids the module noted (z.error_ids_t), space-separated, and its
-- error messages as rendered (z.error_msgs_t), separated by the record separator \030.
function cite (class, args)
	loaded = {}
	frame.args = {CitationClass = class}
	frame.parent = {args = args}
	local text = require ('Module:Citation/CS1').citation (frame)
	local z = require ('Module:Citation/CS1/Utilities').z
	local ids = {}
	for id, _ in pairs (z.error_ids_t or {}) do
		table.insert (ids, id)
	end
	table.sort (ids)
	return text, table.concat (ids, ' '), table.concat (z.error_msgs_t or {}, '\030')
end
