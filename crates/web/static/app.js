// cryptoreg: progressive enhancement only. Without this script every feature works through links and a GET form.
// With it: the framework list filters as you type, and sorting, selection and orientation update the table
// in place (the server renders the same HTML; the URL follows with history.pushState).
"use strict";

(function () {
  const results = () => document.getElementById("results");
  const picker = () => document.getElementById("picker");

  function setupFilter() {
    const box = document.getElementById("fw-filter");
    if (!box) return;
    box.closest(".filter").hidden = false;
    box.addEventListener("input", () => {
      const words = box.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      document.querySelectorAll(".kind li[data-filter]").forEach((li) => {
        // The label and the id are in the item itself; data-filter adds the jurisdictions' names.
        const text = (li.textContent + " " + li.querySelector("input").value + " " + li.dataset.filter).toLowerCase();
        li.hidden = words.length > 0 && !words.every((w) => text.includes(w));
      });
    });
  }

  async function load(url, push) {
    const target = results();
    if (!target) { window.location.href = url; return; }
    target.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      const html = await response.text();
      const doc = new DOMParser().parseFromString(html, "text/html");
      const fresh = doc.getElementById("results");
      const freshPicker = doc.getElementById("picker");
      if (!fresh) { window.location.href = url; return; }
      target.replaceWith(fresh);
      if (freshPicker && picker()) {
        // Keep the user's focus and filter text; refresh only the hidden sort fields.
        picker().querySelectorAll('input[type="hidden"]').forEach((el) => el.remove());
        freshPicker.querySelectorAll('input[type="hidden"]').forEach((el) => picker().querySelector("fieldset.options").appendChild(el));
      }
      if (push) history.pushState({ url }, "", url);
      document.title = doc.title;
    } catch (e) {
      window.location.href = url;
    }
  }

  function formUrl(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) { if (v !== "") params.append(k, v); }
    return form.getAttribute("action") + "?" + params.toString();
  }

  function setupInPlace() {
    const form = picker();
    if (!form) return;
    document.addEventListener("click", (event) => {
      const link = event.target.closest("#results a.sort, #results a.orient");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const url = link.getAttribute("href");
      load(url, true).then(() => {
        // Keep keyboard users where they were: focus the same header link after the swap.
        const again = Array.from(document.querySelectorAll("#results a")).find((a) => a.textContent === link.textContent);
        if (again) again.focus();
      });
      syncOrient(url);
    });
    form.addEventListener("change", (event) => {
      if (event.target.id === "fw-filter") return;
      load(formUrl(form), true);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      load(formUrl(form), true);
    });
    window.addEventListener("popstate", () => load(window.location.href, false));
  }

  function syncOrient(url) {
    const select = document.getElementById("orient");
    if (!select) return;
    const orient = new URL(url, window.location.href).searchParams.get("orient") || "aspects";
    select.value = orient;
  }

  document.addEventListener("DOMContentLoaded", () => {
    setupFilter();
    setupInPlace();
  });
})();

// Cell detail: the table shows summaries; "Detail" links open the cell's detail and citations in a dialog,
// from the framework's JSON twin. Without JavaScript the link goes to the framework's page.
(function () {
  const cache = new Map();

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  async function report(id) {
    if (!cache.has(id)) {
      cache.set(id, fetch("/frameworks/" + encodeURIComponent(id) + ".json", { headers: { Accept: "application/json" } }).then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }));
    }
    return cache.get(id);
  }

  function fill(dialog, data, aspectId) {
    const entry = data.cells.find((c) => c.aspect.id === aspectId);
    const body = dialog.querySelector(".body");
    body.replaceChildren();
    dialog.querySelector("h2").textContent = data.framework.short + ": " + (entry ? entry.aspect.name : aspectId);
    if (!entry) return;
    const cell = entry.cell;
    body.appendChild(el("p", cell.summary || "", "summary"));
    const meta = el("p", "", "meta");
    meta.appendChild(el("span", (cell.level || "").replace(/-/g, " "), "level level-" + (cell.level || "none")));
    if (cell.status) meta.appendChild(el("span", " " + cell.status.replace(/-/g, " "), "status"));
    body.appendChild(meta);
    if (cell.detail) body.appendChild(el("p", cell.detail));
    if (cell.parameters.length) {
      const ul = el("ul", "", "params");
      cell.parameters.forEach((p) => ul.appendChild(el("li", p.label + ": " + p.display)));
      body.appendChild(ul);
    }
    if (cell.requirements.length) {
      body.appendChild(el("h3", "Requirements"));
      const ul = el("ul", "", "reqs");
      cell.requirements.forEach((r) => ul.appendChild(el("li", r.label + " (" + r.strength + ")")));
      body.appendChild(ul);
    }
    body.appendChild(el("h3", "Sources"));
    const cites = el("ul", "", "cites");
    cell.citations.forEach((c) => {
      const li = el("li");
      const a = el("a", c.title);
      a.href = c.url;
      a.rel = "external noopener noreferrer";
      li.appendChild(a);
      li.appendChild(document.createTextNode(", "));
      li.appendChild(el("span", c.pinpoint, "pin"));
      if (!c.primary) li.appendChild(el("span", " (secondary)", "secondary"));
      cites.appendChild(li);
    });
    body.appendChild(cites);
    if (cell.note) body.appendChild(el("p", "Note: " + cell.note, "note"));
    body.appendChild(el("p", "Reviewed " + (cell.reviewed || "") + ", confidence " + (cell.confidence || ""), "reviewed"));
  }

  document.addEventListener("click", async (event) => {
    const link = event.target.closest("#results a.open");
    const dialog = document.getElementById("cell-dialog");
    if (!link || !dialog || typeof dialog.showModal !== "function" || event.metaKey || event.ctrlKey || event.button !== 0) return;
    event.preventDefault();
    try {
      const url = new URL(link.href, window.location.href);
      const framework = decodeURIComponent(url.pathname.split("/").pop());
      fill(dialog, await report(framework), decodeURIComponent(url.hash.slice(1)));
      dialog.showModal();
      dialog.querySelector("button").focus();
    } catch (e) {
      window.location.href = link.href;
    }
  });
})();
