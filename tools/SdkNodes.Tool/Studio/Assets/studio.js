// The studio's one script: filtering the node list as you type, checking JSON inputs before a
// form is sent, and copying the C# type. The pages work without it (the server checks too).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const search = document.getElementById("node-search");
  if (search) {
    const rows = Array.from(document.querySelectorAll("tbody tr[data-search]"));
    const none = document.getElementById("no-match");
    const filter = () => {
      const words = search.value.toLowerCase().split(/\s+/).filter(w => w.length > 0);
      let shown = 0;
      for (const row of rows) {
        const match = words.every(w => row.dataset.search.includes(w));
        row.hidden = !match;
        if (match) shown++;
      }
      if (none) none.hidden = shown > 0;
    };
    search.addEventListener("input", filter);
    filter();
  }

  const form = document.getElementById("test-form");
  if (form) {
    form.addEventListener("submit", event => {
      let first = null;
      for (const area of form.querySelectorAll("textarea[data-json]")) {
        const message = document.getElementById(area.id + "-error");
        let problem = "";
        if (area.value.trim().length > 0) {
          try { JSON.parse(area.value); } catch (e) { problem = area.name + " is not valid JSON: " + e.message; }
        }
        area.setAttribute("aria-invalid", problem ? "true" : "false");
        if (message) { message.textContent = problem; message.hidden = !problem; }
        if (problem && !first) first = area;
      }
      if (first) { event.preventDefault(); first.focus(); }
    });
  }

  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy";
      }
    });
  }
});
