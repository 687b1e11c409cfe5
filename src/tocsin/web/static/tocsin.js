// Tocsin desk: small progressive enhancements; every page works without this file.
"use strict";

// Upload: drag and drop onto the drop zone; send with progress; the server's results page
// replaces this one when it answers (per-file errors included).
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
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      xhr.upload.addEventListener("progress", (p) => {
        if (p.lengthComputable) {
          bar.value = (100 * p.loaded) / p.total;
          text.textContent = p.loaded < p.total ? `sending… ${Math.round(bar.value)} %` : "reading and extracting…";
        }
      });
      xhr.addEventListener("load", () => { document.open(); document.write(xhr.responseText); document.close(); });
      xhr.addEventListener("error", () => { text.textContent = "the upload failed: is the desk still running?"; });
      xhr.send(new FormData(form));
    });
  }
  // A claim opened from elsewhere: its span in view and marked.
  const id = decodeURIComponent(location.hash.slice(1));
  const mark = id && document.getElementById(id);
  if (mark) { mark.classList.add("focus"); mark.scrollIntoView({ block: "center" }); }
});
