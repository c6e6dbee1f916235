// scaffold web: the questionnaire, the recommendation, Explore and the download.
// The whole state lives in the address (same parameter names as the HTTP API), so a
// shared link restores every answer. No framework: the page must load offline and light.
"use strict";

const $ = (selector) => document.querySelector(selector);
const PARAMS = ["team", "frontend", "needs", "stack", "features", "lang", "db", "name", "file"];
const LISTS = new Set(["needs", "features"]);

let catalogue = null;
let recommended = null;
let files = [];
let shownStack = null; // the stack whose starter examples the checkboxes show
let generation = 0; // answers change faster than renders: only the latest one is shown

// ---- state <-> address -------------------------------------------------------------

function readState() {
  const query = new URLSearchParams(location.search);
  const state = {};
  for (const key of PARAMS) {
    if (!query.has(key)) continue;
    const value = query.get(key);
    state[key] = LISTS.has(key) ? value.split(",").filter(Boolean) : value;
  }
  return state;
}

function writeState(state) {
  const query = new URLSearchParams();
  for (const key of PARAMS) {
    const value = state[key];
    if (value === undefined || value === null || (value === "" && key !== "features")) continue;
    query.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  const search = query.toString().replaceAll("%2C", ",").replaceAll("%2F", "/");
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

let state = readState();

// ---- building the controls ----------------------------------------------------------

function choice(type, name, value, label, hint) {
  const id = `${name}-${value}`;
  const wrap = document.createElement("div");
  wrap.className = "choice";
  const input = Object.assign(document.createElement("input"), { type, name, value, id });
  const text = Object.assign(document.createElement("label"), { htmlFor: id });
  text.textContent = label;
  const body = document.createElement("div");
  body.append(text);
  if (hint) {
    // A description, not part of the name: screen readers say the name first and short.
    const small = Object.assign(document.createElement("small"), { id: `${id}-hint` });
    small.textContent = hint;
    input.setAttribute("aria-describedby", small.id);
    body.append(small);
  }
  wrap.append(input, body);
  return wrap;
}

function fill(fieldset, items) {
  fieldset.querySelectorAll(".choice").forEach((node) => node.remove());
  fieldset.append(...items);
}

function buildQuestions() {
  const q = catalogue.questions;
  fill($("#team"), q.team.map((o) => choice("radio", "team", o.value, o.label)));
  fill($("#frontend"), q.frontend.map((o) => choice("radio", "frontend", o.value, o.label)));
  fill($("#needs"), q.needs.map((o) => choice("checkbox", "needs", o.value, o.label)));
  fill($("#db"), catalogue.databases.map((d) => choice("radio", "db", d.name, d.name, d.when)));
  fill($("#lang"), catalogue.languages.map((l) => choice("radio", "lang", l.name, l.title, l.when)));
  for (const key of ["team", "frontend", "db", "lang"]) {
    const value = state[key] ?? catalogue.defaults[key] ?? "";
    const input = document.getElementById(`${key}-${value}`);
    if (input) input.checked = true;
  }
  for (const need of state.needs ?? []) {
    const input = document.getElementById(`needs-${need}`);
    if (input) input.checked = true;
  }
  $("#name").value = state.name ?? catalogue.defaults.name;
}

function stackOf(name) {
  return catalogue.stacks.find((s) => s.name === name);
}

function buildStacks(current) {
  // Rebuilt only when the recommendation moves: a rebuild would drop the keyboard focus.
  if ($("#stack").dataset.recommended !== recommended) {
    $("#stack").dataset.recommended = recommended;
    fill(
      $("#stack"),
      catalogue.stacks.map((s) => {
        const mark = s.name === recommended ? " (recommended)" : "";
        return choice("radio", "stack", s.name, `${s.title}${mark}`, `${s.name}: ${s.when}`);
      }),
    );
  }
  document.getElementById(`stack-${current}`).checked = true;
  $("#use-recommended").hidden = current === recommended;
}

// Only stacks with Node code are written in a language of choice.
function hasLanguages(stack) {
  return stackOf(stack).languages.length > 0;
}

function buildFeatures(stack) {
  shownStack = stack;
  $("#lang").hidden = !hasLanguages(stack);
  const offered = stackOf(stack).features;
  const chosen = state.features ?? offered;
  fill(
    $("#features"),
    offered.map((name) => {
      const f = catalogue.features.find((x) => x.name === name);
      return choice("checkbox", "features", name, f.title, f.when);
    }),
  );
  for (const name of chosen) {
    const input = document.getElementById(`features-${name}`);
    if (input) input.checked = true;
  }
}

// ---- talking to the server ----------------------------------------------------------

async function getJSON(url, asText = false) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url);
    if (response.status === 503 && attempt < 10) {
      const wait = Number(response.headers.get("Retry-After") || 2);
      showError({ message: "The server is busy rendering.", fix: `Retrying in ${wait}s…` });
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw body.error ?? { message: `HTTP ${response.status}`, fix: "" };
    }
    return asText ? response.text() : response.json();
  }
}

function needsQuery() {
  const query = new URLSearchParams();
  for (const key of ["team", "frontend"]) if (state[key]) query.set(key, state[key]);
  if (state.needs?.length) query.set("needs", state.needs.join(","));
  return query.toString();
}

function projectQuery(stack) {
  const query = new URLSearchParams({ stack });
  query.set("features", (state.features ?? stackOf(stack).features).join(","));
  if (hasLanguages(stack)) query.set("lang", state.lang ?? catalogue.defaults.lang);
  query.set("db", state.db ?? catalogue.defaults.db);
  query.set("name", state.name ?? catalogue.defaults.name);
  return query.toString().replaceAll("%2C", ",");
}

function showError(error) {
  const box = $("#error");
  box.hidden = !error;
  box.textContent = error ? `${error.message} ${error.fix ?? ""}`.trim() : "";
}

// ---- one refresh: recommendation → stack → Explore ---------------------------------

async function refresh() {
  const mine = ++generation;
  writeState(state);
  try {
    const rec = await getJSON(`/api/recommend?${needsQuery()}`);
    if (mine !== generation) return;
    showRecommendation(rec);
    const stack = state.stack && stackOf(state.stack) ? state.stack : rec.stack;
    buildStacks(stack);
    if (stack !== shownStack) {
      if (shownStack) state.features = undefined; // they were another stack's
      buildFeatures(stack);
    }
    const query = projectQuery(stack);
    $("#download").href = `/starter.zip?${query}`;
    const listing = await getJSON(`/api/files?${query}`);
    if (mine !== generation) return;
    showError(null);
    $("#command").value = listing.command;
    $("#download").removeAttribute("aria-disabled");
    files = listing.files;
    showTree(files);
    const wanted = files.some((f) => f.path === state.file) ? state.file : "README.md";
    await openFile(wanted, query, mine);
  } catch (error) {
    if (mine !== generation) return;
    $("#download").setAttribute("aria-disabled", "true");
    showError(error);
  }
}

function showRecommendation(rec) {
  recommended = rec.stack;
  const s = stackOf(rec.stack);
  const strong = document.createElement("strong");
  strong.textContent = s.title;
  $("#rec-stack").replaceChildren("Recommended: ", strong, ` (${rec.stack})`);
  const list = $("#rec-reasons");
  list.replaceChildren(
    ...rec.reasons.map((reason) => {
      const item = document.createElement("li");
      item.textContent = reason;
      return item;
    }),
  );
}

// ---- Explore ----------------------------------------------------------------------

function showTree(listing) {
  $("#x-count").textContent = `(${listing.length} files)`;
  $("#tree").replaceChildren(window.fileTree(listing));
}

async function openFile(path, query, mine) {
  state.file = path === "README.md" ? undefined : path; // the default needs no parameter
  writeState(state);
  const text = await getJSON(`/api/file?${query}&path=${encodeURIComponent(path)}`, true);
  if (mine !== generation) return;
  for (const button of document.querySelectorAll("#tree button")) {
    if (button.dataset.path === path) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
  const size = files.find((f) => f.path === path)?.size ?? text.length;
  $("#file-path").textContent = `${path} — ${size} bytes`;
  $("#file code").innerHTML = window.highlight(text, path);
}

// ---- events -----------------------------------------------------------------------

function checked(name) {
  return [...document.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
}

let timer = null;

// Answers given in quick succession make one render, not one per click.
function refreshSoon(delay = 250) {
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

function onChange(event) {
  const { name } = event.target;
  if (name === "stack") {
    state.stack = event.target.value === recommended ? undefined : event.target.value;
    state.features = undefined; // a new stack starts from its own starter examples
    buildFeatures(event.target.value); // now: the next click may be on one of them
    $("#use-recommended").hidden = !state.stack;
  } else if (LISTS.has(name)) {
    state[name] = checked(name);
  } else if (name === "name") {
    state.name = event.target.value.trim();
    refreshSoon(400); // typing
    return;
  } else {
    state[name] = event.target.value;
  }
  refreshSoon();
}

async function copyCommand() {
  const text = $("#command").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Plain http on a room's address is not a secure context: no clipboard API there.
    $("#command").select();
    document.execCommand("copy");
  }
  $("#copied").textContent = `Copied: ${text}`;
}

async function start() {
  catalogue = await getJSON("/api/catalogue");
  buildQuestions();
  $("#answers").addEventListener("change", onChange);
  $("#name").addEventListener("input", onChange);
  $("#answers").addEventListener("submit", (event) => event.preventDefault());
  $("#use-recommended").addEventListener("click", () => {
    state.stack = undefined;
    state.features = undefined;
    refreshSoon(0);
  });
  $("#copy").addEventListener("click", copyCommand);
  $("#download").addEventListener("click", (event) => {
    if ($("#download").getAttribute("aria-disabled") === "true") event.preventDefault();
  });
  $("#tree").addEventListener("click", (event) => {
    const path = event.target.dataset?.path;
    if (path) openFile(path, projectQuery(state.stack ?? recommended), generation);
  });
  await refresh();
}

start().catch(showError);
