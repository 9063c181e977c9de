// Suggestions while typing in the search box, from /api/v1/suggest.
// An enhancement only: without this script (or without fetch) the search
// form works exactly the same. Follows the ARIA combobox pattern: focus
// stays in the box, the arrow keys move through the list, Enter opens the
// chosen suggestion and Escape closes the list.
(function () {
  "use strict";
  var input = document.getElementById("q");
  if (!input || !window.fetch || !input.form || !input.form.dataset) {
    return;
  }
  var words = input.form.dataset;
  var list = document.createElement("ul");
  var status = document.createElement("p");
  var active = -1;
  var asked = "";
  var timer = 0;
  var pending = null;

  list.id = "q-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", words.suggestLabel || "");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    var all = options();
    if (!all.length) {
      return;
    }
    active = (index + all.length) % all.length;
    for (var i = 0; i < all.length; i++) {
      all[i].setAttribute("aria-selected", i === active ? "true" : "false");
    }
    input.setAttribute("aria-activedescendant", all[active].id);
    all[active].scrollIntoView({ block: "nearest" });
  }

  // The server marks matched words with <mark> in otherwise escaped text;
  // anything else is shown as plain text.
  function fill(element, html, text) {
    if (/<(?!\/?mark>)/.test(html)) {
      element.textContent = text;
    } else {
      element.innerHTML = html;
    }
  }

  function show(answer) {
    if (!answer || answer.query !== asked) {
      return;
    }
    list.textContent = "";
    answer.suggestions.forEach(function (suggestion, i) {
      // An option holds no link (options must not nest controls); it
      // carries its address and is opened by Enter or a click.
      var item = document.createElement("li");
      var name = document.createElement("span");
      item.id = "q-suggestion-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.href = suggestion.url;
      name.lang = suggestion.lang;
      fill(name, suggestion.html, suggestion.text);
      item.appendChild(name);
      var kind = words["suggestKind" + suggestion.type.charAt(0).toUpperCase() + suggestion.type.slice(1)];
      if (kind) {
        var label = document.createElement("span");
        label.className = "kind";
        label.textContent = kind;
        item.appendChild(label);
      }
      // Keep the focus in the box when a suggestion is pressed.
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
      });
      item.addEventListener("click", function () {
        window.location.href = item.dataset.href;
      });
      list.appendChild(item);
    });
    var count = answer.suggestions.length;
    status.textContent = count === 0 ? "" : count === 1 ? words.suggestOne : (words.suggestMany || "").replace("{n}", count);
    if (count === 0) {
      close();
    } else {
      list.hidden = false;
      active = -1;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function ask() {
    var typed = input.value;
    if (typed.trim().length < 2) {
      asked = "";
      close();
      return;
    }
    if (typed === asked) {
      return;
    }
    asked = typed;
    if (pending) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    fetch("/api/v1/suggest?q=" + encodeURIComponent(typed), {
      headers: { Accept: "application/json" },
      signal: pending ? pending.signal : undefined
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(show)
      .catch(function () {
        // Offline or aborted: the plain form still works.
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      choose(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = options()[active].dataset.href;
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
})();
