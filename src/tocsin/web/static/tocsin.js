// Tocsin desk: small progressive enhancements; every page works without this file.
"use strict";

// Upload: drag and drop onto the drop zone; files sent one at a time, each with its own
// progress and its own result (ingested, already present, or refused with the reason).
function uploadOne(form, file, onProgress) {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append("csrf", form.elements.csrf.value);
    body.append("files", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (p) => { if (p.lengthComputable) onProgress(p.loaded / p.total); });
    xhr.addEventListener("load", () => {
      if (xhr.status === 200) { resolve(JSON.parse(xhr.responseText).outcomes); return; }
      const reason = xhr.status === 413 ? "too large" : `the desk answered ${xhr.status}`;
      resolve([{ file: file.name, status: "failed", reason }]);
    });
    xhr.addEventListener("error", () => resolve([{ file: file.name, status: "failed", reason: "the desk could not be reached" }]));
    xhr.send(body);
  });
}

function resultsTable() {
  const box = document.getElementById("results");
  box.replaceChildren();
  const h = document.createElement("h2");
  h.textContent = "Results";
  const table = document.createElement("table");
  table.className = "outcomes";
  const head = table.createTHead().insertRow();
  for (const name of ["File", "Status", "Claims", "Reason"]) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  box.append(h, table);
  return table.createTBody();
}

function addRow(body, o) {
  const row = body.insertRow();
  row.className = o.status;
  const name = row.insertCell();
  if (o.sha256) {
    const a = document.createElement("a");
    a.href = `/documents/${o.sha256}`;
    a.textContent = o.file;
    name.appendChild(a);
  } else {
    name.textContent = o.file;
  }
  row.insertCell().textContent = o.status;
  row.insertCell().textContent = o.claims || "";
  row.insertCell().textContent = o.reason || o.note || "";
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (form) {
    const drop = document.getElementById("drop");
    const input = document.getElementById("files");
    const bar = document.getElementById("progress");
    const text = document.getElementById("progress-text");
    ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove("over"); }));
    drop.addEventListener("drop", (e) => {
      input.files = e.dataTransfer.files;
      text.textContent = `${input.files.length} file(s) chosen`;
    });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const files = Array.from(input.files);
      if (!files.length) { text.textContent = "choose at least one file"; return; }
      const body = resultsTable();
      bar.hidden = false;
      const counts = {};
      for (const [i, file] of files.entries()) {
        const label = `file ${i + 1} of ${files.length}: ${file.name}`;
        const outcomes = await uploadOne(form, file, (share) => {
          bar.value = (100 * (i + share)) / files.length;
          text.textContent = share < 1 ? `${label} — sending ${Math.round(100 * share)} %` : `${label} — reading and extracting…`;
        });
        for (const o of outcomes) { addRow(body, o); counts[o.status] = (counts[o.status] || 0) + 1; }
        bar.value = (100 * (i + 1)) / files.length;
      }
      text.textContent = "done: " + Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(", ");
      input.value = "";
    });
  }
  // A claim opened from elsewhere: its span in view and marked.
  const id = decodeURIComponent(location.hash.slice(1));
  const mark = id && document.getElementById(id);
  if (mark) { mark.classList.add("focus"); mark.scrollIntoView({ block: "center" }); }
});
