/* Session page: drag and drop to order the stories (the up/down buttons work without it), and print. */
(function () {
  "use strict";
  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  var list = document.querySelector(".story-list[data-order-url]");
  if (!list) return;
  var dragged = null;

  function items() { return Array.prototype.slice.call(list.querySelectorAll(".story-item")); }

  function renumber() {
    items().forEach(function (item, index) {
      var number = item.querySelector(".story-number");
      if (number) number.textContent = String(index + 1);
    });
  }

  function save() {
    var order = items().map(function (item) { return item.getAttribute("data-story-id"); }).join(",");
    var data = new FormData();
    data.append("order", order);
    data.append("csrf_token", list.getAttribute("data-csrf"));
    fetch(list.getAttribute("data-order-url"), {
      method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) window.location.reload();
    }).catch(function () { window.location.reload(); });
  }

  list.addEventListener("dragstart", function (event) {
    dragged = event.target.closest(".story-item");
    if (!dragged) return;
    dragged.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.getAttribute("data-story-id"));
  });
  list.addEventListener("dragover", function (event) {
    var over = event.target.closest(".story-item");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    items().forEach(function (item) { item.classList.toggle("drop-target", item === over); });
  });
  list.addEventListener("drop", function (event) {
    var over = event.target.closest(".story-item");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    var all = items();
    list.insertBefore(dragged, all.indexOf(dragged) < all.indexOf(over) ? over.nextSibling : over);
    renumber();
    save();
  });
  list.addEventListener("dragend", function () {
    items().forEach(function (item) { item.classList.remove("drop-target", "dragging"); });
    dragged = null;
  });
})();
