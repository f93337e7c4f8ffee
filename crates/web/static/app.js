// Bedside's own script. No inline script anywhere (the CSP forbids it).
// Moves focus to a form's error summary so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});

// htmx requests carry the CSRF token in a header as well (forms also send it as a field).
document.addEventListener("htmx:configRequest", function (e) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { e.detail.headers["X-CSRF-Token"] = meta.content; }
});

// Calendar: drag a post to another day to move it (same time of day). The "Move" form
// on every item does the same from the keyboard.
document.addEventListener("DOMContentLoaded", function () {
  var dragged = null;
  document.querySelectorAll(".cal-item[draggable=true]").forEach(function (item) {
    item.addEventListener("dragstart", function (e) {
      dragged = item;
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", item.dataset.target);
    });
  });
  document.querySelectorAll("td.day[data-date]").forEach(function (cell) {
    cell.addEventListener("dragover", function (e) { if (dragged) { e.preventDefault(); cell.classList.add("drop"); } });
    cell.addEventListener("dragleave", function () { cell.classList.remove("drop"); });
    cell.addEventListener("drop", function (e) {
      e.preventDefault();
      cell.classList.remove("drop");
      if (!dragged) { return; }
      var meta = document.querySelector('meta[name="csrf-token"]');
      var body = new URLSearchParams({
        csrf_token: meta ? meta.content : "",
        post_id: dragged.dataset.post,
        target_id: dragged.dataset.target,
        version: dragged.dataset.version,
        at: cell.dataset.date + "T" + dragged.dataset.time
      });
      fetch("/calendar/move", { method: "POST", body: body, credentials: "same-origin" }).then(function (r) {
        if (r.ok) { window.location.reload(); }
        else { r.text().then(function () { alert("The post could not be moved (it may have changed or the time is in the past). Reload and try again."); }); }
      });
      dragged = null;
    });
  });
});

// A link to a closed <details> (e.g. "Reconnect" → #connect-3) opens it.
function openTargetDetails() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.tagName === "DETAILS") { el.open = true; el.querySelector("summary").focus(); }
}
document.addEventListener("DOMContentLoaded", openTargetDetails);
window.addEventListener("hashchange", openTargetDetails);
