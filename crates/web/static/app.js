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

  // Bring the table into view when it starts below the fold, so a change is seen.
  function reveal() {
    const target = results();
    if (!target) return;
    const top = target.getBoundingClientRect().top;
    if (top > window.innerHeight * 0.6 || top < 0) target.scrollIntoView({ block: "start" });
  }

  async function load(url, push, wholePicker) {
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
      if (wholePicker && freshPicker && picker()) {
        const open = picker().querySelector("details.choose").open;
        picker().replaceWith(freshPicker);
        freshPicker.querySelector("details.choose").open = open;
        setupFilter();
      } else if (freshPicker && picker()) {
        const chips = picker().querySelector(".selection");
        const freshChips = freshPicker.querySelector(".selection");
        if (chips && freshChips) chips.replaceWith(freshChips);
        const count = picker().querySelector("details.choose > summary .sub");
        const freshCount = freshPicker.querySelector("details.choose > summary .sub");
        if (count && freshCount) count.textContent = freshCount.textContent;
        // Keep the user's focus and filter text; refresh only the hidden sort fields.
        picker().querySelectorAll('input[type="hidden"]').forEach((el) => el.remove());
        freshPicker.querySelectorAll('input[type="hidden"]').forEach((el) => picker().querySelector(".settings").appendChild(el));
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
      const selection = event.target.closest("#picker a.chip, #picker a.preset, #picker a.clear, #results a.view-toggle");
      if (selection && !event.metaKey && !event.ctrlKey && !event.shiftKey && event.button === 0) {
        event.preventDefault();
        load(selection.getAttribute("href"), true, true).then(reveal);
        return;
      }
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
    // The form is replaced when a chip or preset changes the selection, so listen on the document.
    document.addEventListener("change", (event) => {
      const form = event.target.closest("#picker");
      if (!form || event.target.id === "fw-filter" || event.target.type === "text") return;
      load(formUrl(form), true, false).then(reveal);
    });
    document.addEventListener("submit", (event) => {
      const form = event.target.closest("#picker");
      if (!form) return;
      event.preventDefault();
      load(formUrl(form), true, false).then(reveal);
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

  // Citations grouped by document: the title once, then each pinpoint as a link (deep where the publisher allows).
  function citations(list) {
    const docs = [];
    list.forEach((c) => {
      let doc = docs.find((d) => d.url === c.url && d.title === c.title);
      if (!doc) { doc = { url: c.url, title: c.title, publisher: c.publisher, primary: c.primary, pins: [] }; docs.push(doc); }
      doc.pins.push(c);
    });
    const wrap = el("div", "", "docs");
    docs.forEach((d) => {
      const box = el("div", "", "doc");
      const head = el("p");
      const a = el("a", d.title);
      a.href = d.url;
      a.rel = "external noopener noreferrer";
      head.appendChild(a);
      head.appendChild(el("span", " · " + d.publisher + (d.primary ? "" : " (secondary)"), "sub"));
      box.appendChild(head);
      const ul = el("ul");
      d.pins.forEach((c) => {
        const li = el("li");
        const pin = el("a", c.pinpoint, "pin");
        pin.href = c.link;
        pin.rel = "external noopener noreferrer";
        li.appendChild(pin);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      wrap.appendChild(box);
    });
    return wrap;
  }

  function fill(dialog, data, aspectId) {
    const entry = data.cells.find((c) => c.aspect.id === aspectId);
    const body = dialog.querySelector(".body");
    body.replaceChildren();
    const title = data.framework.short + ": " + (entry ? entry.aspect.name : aspectId);
    dialog.querySelector("h2").textContent = title;
    if (!entry) return;
    const cell = entry.cell;
    const meta = el("p", "", "meta");
    meta.appendChild(el("span", (cell.level || "").replace(/-/g, " "), "level level-" + (cell.level || "none")));
    if (cell.status) meta.appendChild(el("span", " " + cell.status.replace(/-/g, " "), "status"));
    if (cell.confidence) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(el("span", cell.confidence + " confidence", "conf conf-" + cell.confidence)); }
    body.appendChild(meta);
    body.appendChild(el("p", cell.summary || "", "summary"));
    if (cell.detail) body.appendChild(el("p", cell.detail));
    if (cell.parameters.length) {
      const ul = el("ul", "", "params");
      cell.parameters.forEach((p) => ul.appendChild(el("li", p.label + ": " + p.display + (p.usd_note ? " (" + p.usd_note + ")" : ""))));
      body.appendChild(ul);
    }
    if (cell.requirements.length) {
      body.appendChild(el("h3", "Requirements"));
      const ul = el("ul", "", "reqs");
      cell.requirements.forEach((r) => ul.appendChild(el("li", r.label + " (" + r.strength + ")")));
      body.appendChild(ul);
    }
    body.appendChild(el("h3", "Sources"));
    body.appendChild(citations(cell.citations));
    if (cell.note) body.appendChild(el("p", "Note: " + cell.note, "note"));
    body.appendChild(el("p", "Last checked " + (cell.reviewed || "") + (cell.applies_from ? ", applies from " + cell.applies_from : ""), "reviewed"));
    const permalink = new URL("/frameworks/" + data.framework.id + "#" + aspectId, window.location.href).href;
    const actions = el("p", "", "actions");
    const copy = el("button", "Copy citation");
    copy.type = "button";
    copy.addEventListener("click", async () => {
      const pins = cell.citations.map((c) => c.title + ", " + c.pinpoint).join("; ");
      const text = title + ". " + (cell.summary || "") + " Sources: " + pins + ". cryptoreg, last checked " + (cell.reviewed || "") + ", " + permalink;
      try { await navigator.clipboard.writeText(text); copy.textContent = "Copied"; } catch (e) { copy.textContent = "Copy failed"; }
    });
    actions.appendChild(copy);
    const perma = el("a", "Permalink");
    perma.href = permalink;
    actions.appendChild(perma);
    const report = el("a", "Report an error");
    report.href = "/about?cell=" + encodeURIComponent(data.framework.id + "/" + aspectId) + "#report";
    actions.appendChild(report);
    body.appendChild(actions);
  }

  document.addEventListener("click", async (event) => {
    const link = event.target.closest("a.open");
    const dialog = document.getElementById("cell-dialog");
    if (!link || !dialog || typeof dialog.showModal !== "function" || event.metaKey || event.ctrlKey || event.button !== 0) return;
    event.preventDefault();
    try {
      const url = new URL(link.href, window.location.href);
      const framework = decodeURIComponent(url.pathname.split("/").pop());
      fill(dialog, await report(framework), decodeURIComponent(url.hash.slice(1)));
      dialog.showModal();
      dialog.scrollTop = 0;
      dialog.querySelector("button.close").focus();
    } catch (e) {
      window.location.href = link.href;
    }
  });
})();
