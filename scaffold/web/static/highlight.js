// A small syntax highlighter for the files scaffold generates (Python, JavaScript, JSON,
// YAML, TOML, Markdown, Dockerfile, shell, HTML, CSS, SQL, .env). One regular expression
// per language, tried left to right; what no rule matches stays plain, escaped text.
// Classes: c comment, s string, k keyword, n number, f function/decorator, a key, h heading.
"use strict";

(() => {
  const words = (list) => new RegExp(`\\b(?:${list.split(" ").join("|")})\\b`);
  const DQ = /"(?:\\.|[^"\\\n])*"/;
  const SQ = /'(?:\\.|[^'\\\n])*'/;
  const NUM = /\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b/;
  const HASH = /#.*/;

  const LANGS = {
    python: [
      ["c", HASH],
      ["s", /[rbfu]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?''')/],
      ["s", /[rbfu]{0,2}(?:"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/],
      ["f", /@[\w.]+/],
      [
        "k",
        words(
          "and as assert async await break class continue def del elif else except False " +
            "finally for from global if import in is lambda None nonlocal not or pass raise " +
            "return True try while with yield self",
        ),
      ],
      ["n", NUM],
    ],
    js: [
      ["c", /\/\/.*|\/\*[\s\S]*?\*\//],
      ["s", /`(?:\\[\s\S]|[^\\`])*`/],
      ["s", DQ],
      ["s", SQ],
      [
        "k",
        words(
          "async await break case catch class const continue default delete do else export " +
            "extends false finally for from function if import in instanceof let new null of " +
            "return static super switch this throw true try typeof undefined var void while yield",
        ),
      ],
      ["n", NUM],
    ],
    json: [
      ["a", /"(?:\\.|[^"\\\n])*"(?=\s*:)/],
      ["s", DQ],
      ["k", /\b(?:true|false|null)\b/],
      ["n", /-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/],
    ],
    yaml: [
      ["c", /(?:^|\s)#.*/],
      ["a", /^[ \t-]*[\w.$/-]+(?=:(?:\s|$))/m],
      ["s", DQ],
      ["s", SQ],
      ["k", /\b(?:true|false|null|yes|no|on)\b/],
      ["n", NUM],
    ],
    toml: [
      ["c", HASH],
      ["h", /^\s*\[\[?[^\]\n]*\]\]?/m],
      ["a", /^\s*[\w.-]+(?=\s*=)/m],
      ["s", /"""[\s\S]*?"""/],
      ["s", DQ],
      ["s", SQ],
      ["k", /\b(?:true|false)\b/],
      ["n", NUM],
    ],
    env: [
      ["c", HASH],
      ["a", /^\s*(?:export\s+)?[\w.-]+(?==)/m],
      ["s", DQ],
      ["s", SQ],
    ],
    markdown: [
      ["h", /^#{1,6} .*/m],
      ["s", /^```[\s\S]*?^```/m],
      ["s", /`[^`\n]+`/],
      ["k", /\*\*[^*\n]+\*\*/],
      ["f", /\[[^\]\n]+\]\([^)\n]+\)/],
    ],
    docker: [
      ["c", /^\s*#.*/m],
      [
        "k",
        /^\s*(?:FROM|RUN|CMD|COPY|ADD|ENV|ARG|WORKDIR|USER|EXPOSE|ENTRYPOINT|HEALTHCHECK|LABEL|VOLUME|SHELL)\b|\bAS\b/m,
      ],
      ["s", DQ],
      ["s", SQ],
      ["n", NUM],
    ],
    shell: [
      ["c", /(?:^|\s)#.*/],
      ["s", DQ],
      ["s", SQ],
      ["f", /\$\{?\w+\}?/],
      ["k", words("if then else elif fi for in do done case esac while function set export")],
    ],
    html: [
      ["c", /<!--[\s\S]*?-->|\{#[\s\S]*?#\}/],
      ["k", /<\/?[\w-]+|\/?>|\{%[\s\S]*?%\}/],
      ["a", /\b[\w-]+(?==)/],
      ["s", DQ],
      ["s", SQ],
    ],
    css: [
      ["c", /\/\*[\s\S]*?\*\//],
      ["f", /@[\w-]+/],
      ["a", /[\w-]+(?=\s*:[^;{}]*;)/],
      ["s", DQ],
      ["s", SQ],
      ["n", /#[\da-f]{3,8}\b|\b\d+(?:\.\d+)?(?:px|rem|em|%|vh|vw|s|ms)?\b/i],
    ],
    sql: [
      ["c", /--.*/],
      ["s", SQ],
      [
        "k",
        /\b(?:CREATE|TABLE|INDEX|UNIQUE|ON|INSERT|INTO|VALUES|SELECT|FROM|WHERE|UPDATE|SET|DELETE|ALTER|ADD|DROP|IF|NOT|EXISTS|NULL|PRIMARY|KEY|REFERENCES|DEFAULT|INTEGER|TEXT|REAL|AND|OR|CHECK|BEGIN|COMMIT)\b/i,
      ],
      ["n", NUM],
    ],
  };

  const BY_EXTENSION = {
    py: "python", pyi: "python", js: "js", cjs: "js", mjs: "js", ts: "js", json: "json",
    yml: "yaml", yaml: "yaml", toml: "toml", lock: "toml", ini: "toml", cfg: "toml",
    md: "markdown", sh: "shell", html: "html", jinja: "html", css: "css", sql: "sql",
    example: "env", env: "env",
  };

  function language(path) {
    const name = path.split("/").pop().toLowerCase();
    if (name === "dockerfile" || name.endsWith(".dockerfile")) return "docker";
    if (name.startsWith(".env")) return "env";
    if (name === "package-lock.json") return "json";
    if (name.startsWith(".") && !name.includes(".", 1)) return "shell"; // .gitignore & co.
    return BY_EXTENSION[name.split(".").pop()];
  }

  const escape = (text) =>
    text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

  const compiled = new Map();

  function compile(name) {
    if (!compiled.has(name)) {
      const rules = LANGS[name];
      const source = rules.map(([, re]) => `(${re.source})`).join("|");
      const flags = rules.some(([, re]) => re.flags.includes("i")) ? "gmi" : "gm";
      compiled.set(name, { re: new RegExp(source, flags), classes: rules.map(([c]) => c) });
    }
    return compiled.get(name);
  }

  // Groups inside a rule's own expression would shift the numbering: rules use (?:…) only.
  function highlight(text, path) {
    const name = language(path);
    if (!name || text.length > 300_000) return escape(text);
    const { re, classes } = compile(name);
    re.lastIndex = 0;
    let out = "";
    let last = 0;
    for (let match = re.exec(text); match; match = re.exec(text)) {
      if (match[0] === "") {
        re.lastIndex++;
        continue;
      }
      const rule = match.slice(1).findIndex((group) => group !== undefined);
      out += escape(text.slice(last, match.index));
      out += `<span class="${classes[rule]}">${escape(match[0])}</span>`;
      last = match.index + match[0].length;
    }
    return out + escape(text.slice(last));
  }

  window.highlight = highlight;
  window.highlightLanguage = language;
})();
